import { Alert, Breadcrumb, Card, Descriptions, Empty, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useRegion, useSession } from '../../api/queries';
import { RegionStatsPanel } from '../../components/RegionStatsPanel';
import { formatNumber } from '../../lib/format';
import { levelLabel } from '../../lib/labels';

/** Name, code, level, clickable path and child count of a region; population for officials. */
export function RegionDetailPanel({ code, onOpen }: { code: string | null; onOpen: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const { isOfficial } = useSession();
  const region = useRegion(code);

  if (!code) {
    return (
      <Card data-testid="region-detail">
        <Empty description={t('regions.pickOne')} />
      </Card>
    );
  }
  if (region.isPending) {
    return (
      <Card data-testid="region-detail">
        <Skeleton active />
      </Card>
    );
  }
  if (region.isError) {
    const notFound = region.error instanceof ApiError && region.error.status === 404;
    return (
      <Card data-testid="region-detail">
        {notFound ? (
          <Result status="404" title={t('regions.notFound', { code })} subTitle={region.error.message} />
        ) : (
          <Alert type="error" showIcon title={t('regions.loadFailed')} description={region.error.message} />
        )}
      </Card>
    );
  }

  const detail = region.data;
  const trail = [...detail.path.filter((r) => r.code !== detail.code), detail];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        data-testid="region-detail"
        title={
          <Space wrap>
            <span data-testid="region-detail-name">{detail.name}</span>
            <Tag color="blue">{levelLabel(t, detail.level)}</Tag>
          </Space>
        }
      >
        <Breadcrumb
          style={{ marginBottom: 12 }}
          data-testid="region-path"
          items={trail.map((r) => ({
            key: r.code,
            title:
              r.code === detail.code ? (
                <Typography.Text strong>{r.name}</Typography.Text>
              ) : (
                <a
                  href={`/regions/${r.code}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpen(r.code);
                  }}
                >
                  {r.name}
                </a>
              ),
          }))}
        />
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'code',
              label: t('regions.code'),
              children: (
                <Typography.Text copyable data-testid="region-detail-code">
                  {detail.code}
                </Typography.Text>
              ),
            },
            { key: 'level', label: t('regions.level'), children: levelLabel(t, detail.level) },
            {
              key: 'children',
              label: t('regions.childCount'),
              children: formatNumber(detail.childCount, i18n.language),
            },
          ]}
        />
      </Card>
      {isOfficial && (
        <Card title={t('regions.populationTitle')}>
          <RegionStatsPanel code={detail.code} onSelect={onOpen} />
        </Card>
      )}
    </Space>
  );
}
