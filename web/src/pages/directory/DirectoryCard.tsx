import { EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Rate, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DirectoryItem } from '../../api/types';
import { codeLabel, KIND_COLORS } from '../../lib/care-codes';

/** Distance as "850 m" or "2.4 km". */
export function formatDistance(km: number | null | undefined): string | null {
  if (km === null || km === undefined) return null;
  return km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(1)} km`;
}

/** Grade letter and stars, the way parents compare institutions. */
export function GradeStars({ grade, stars }: { grade: string | null; stars: number | null }) {
  const { t } = useTranslation();
  if (!grade && !stars) return <Typography.Text type="secondary">{t('directory.notRated')}</Typography.Text>;
  return (
    <Space size={4}>
      {grade && <Tag color={grade === 'A' ? 'green' : grade === 'B' ? 'blue' : 'default'}>{grade}</Tag>}
      {stars ? <Rate disabled count={5} value={stars} style={{ fontSize: 12 }} /> : null}
    </Space>
  );
}

/** One result of the public directory; the whole card opens the institution's page. */
export function DirectoryCard({
  item,
  active,
  onOpen,
}: {
  item: DirectoryItem;
  active?: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const distance = formatDistance(item.distanceKm);
  return (
    <Card
      size="small"
      hoverable
      onClick={() => onOpen(item.id)}
      data-testid="directory-card"
      style={{ borderColor: active ? '#1f6f8b' : undefined }}
      styles={{ body: { padding: 14 } }}
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {item.name}
          </Typography.Text>
          <div style={{ marginTop: 4 }}>
            <Space size={[4, 4]} wrap>
              <Tag color={KIND_COLORS[item.kind]} style={{ marginInlineEnd: 0 }}>
                {codeLabel(t, 'kind', item.kind)}
              </Tag>
              {item.affordable && (
                <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="directory-affordable-tag">
                  {item.priceCap
                    ? t('directory.affordableCap', { price: item.priceCap })
                    : t('directory.affordable')}
                </Tag>
              )}
              {item.careForms.map((form) => (
                <Tag key={form} style={{ marginInlineEnd: 0 }}>
                  {codeLabel(t, 'careForm', form)}
                </Tag>
              ))}
            </Space>
          </div>
        </div>
        {distance && (
          <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 13 }}>
            {distance}
          </Typography.Text>
        )}
      </div>
      <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: '4px 16px', alignItems: 'center' }}>
        <GradeStars grade={item.grade} stars={item.stars} />
        {item.freePlaces !== null && (
          <Typography.Text type={item.freePlaces > 0 ? 'success' : 'secondary'} style={{ fontSize: 13 }}>
            {item.freePlaces > 0
              ? t('directory.freePlaces', { count: item.freePlaces })
              : t('directory.noFreePlaces')}
          </Typography.Text>
        )}
        {item.minAgeMonths !== null && item.maxAgeMonths !== null && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('directory.ageRange', { min: item.minAgeMonths, max: item.maxAgeMonths })}
          </Typography.Text>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }} ellipsis>
        <EnvironmentOutlined /> {[item.regionName, item.address].filter(Boolean).join(' · ') || '—'}
        {item.phone && (
          <>
            {'  '}
            <PhoneOutlined /> {item.phone}
          </>
        )}
      </Typography.Paragraph>
    </Card>
  );
}
