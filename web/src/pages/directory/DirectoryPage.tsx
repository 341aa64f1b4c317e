import { Alert, Card, Col, Empty, Grid, Pagination, Row, Segmented, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useDirectory } from '../../api/directory';
import { PageLoading } from '../../components/PageLoading';
import { DirectoryCard } from './DirectoryCard';
import { DirectoryFilters } from './DirectoryFilters';
import { type DirectorySearch, parseSearch, toFilters, toParams } from './directory-params';

const DirectoryMap = lazy(() => import('../../components/charts/DirectoryMap'));

const PAGE_SIZE = 20;
/** The map shows up to this many results of the search at once. */
const MAP_LIMIT = 200;

/**
 * The public directory of filed care institutions: search and filter, a result list and a map.
 * No sign-in; the search lives in the address bar so back and reload keep it.
 */
export default function DirectoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const [params, setParams] = useSearchParams();
  const search = parseSearch(params);
  const page = search.page ?? 1;
  const [view, setView] = useState<'list' | 'map'>('list');
  const [picking, setPicking] = useState(false);
  const showMap = wide || view === 'map';

  const list = useDirectory(toFilters(search, page, PAGE_SIZE));
  const mapResults = useDirectory(toFilters(search, 1, MAP_LIMIT), showMap);
  const total = list.data?.total ?? 0;

  const update = (patch: Partial<DirectorySearch>) =>
    setParams(toParams({ ...search, ...patch, page: undefined }), { replace: true });
  const open = (id: string) => navigate(`/find/${id}`);
  const point =
    search.lat !== undefined && search.lng !== undefined ? { lat: search.lat, lng: search.lng } : null;

  const map = (
    <Suspense fallback={<PageLoading />}>
      <DirectoryMap
        items={mapResults.data?.items ?? []}
        regionCode={search.region}
        point={point}
        picking={picking}
        onPickPoint={(p) => {
          setPicking(false);
          update({ lat: p.lat, lng: p.lng, sort: 'distance' });
        }}
        onRegion={(region) => update({ region })}
        onOpen={open}
        height={wide ? 560 : 420}
      />
      {(mapResults.data?.total ?? 0) > MAP_LIMIT && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('directory.mapLimited', { count: MAP_LIMIT })}
        </Typography.Text>
      )}
    </Suspense>
  );

  const results = (
    <div data-testid="directory-results">
      {list.isError && (
        <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 12 }} />
      )}
      <Spin spinning={list.isFetching}>
        {list.data && list.data.items.length === 0 ? (
          <Empty description={t('directory.noResults')} />
        ) : (
          <Space orientation="vertical" size={10} style={{ width: '100%' }}>
            {(list.data?.items ?? []).map((item) => (
              <DirectoryCard key={item.id} item={item} onOpen={open} />
            ))}
          </Space>
        )}
      </Spin>
      {total > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 12, textAlign: 'center' }}
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          showSizeChanger={false}
          size={wide ? undefined : 'small'}
          onChange={(next) => setParams(toParams({ ...search, page: next }))}
        />
      )}
    </div>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1400, margin: '0 auto' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('directory.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('directory.subtitle')}</Typography.Text>
      </div>
      <Card size="small">
        <DirectoryFilters
          search={search}
          onChange={update}
          picking={picking}
          onPickingChange={(next) => {
            setPicking(next);
            if (next) setView('map');
          }}
        />
      </Card>
      {picking && <Alert type="info" showIcon title={t('directory.pickHint')} />}
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Text strong style={{ flex: 1 }} data-testid="directory-total">
          {list.data ? t('directory.found', { count: total }) : t('common.loading')}
        </Typography.Text>
        {!wide && (
          <Segmented
            value={view}
            onChange={(value) => setView(value as 'list' | 'map')}
            options={[
              { value: 'list', label: t('directory.viewList') },
              { value: 'map', label: t('directory.viewMap') },
            ]}
            data-testid="directory-view"
          />
        )}
      </div>
      {wide ? (
        <Row gutter={16}>
          <Col span={13}>{results}</Col>
          <Col span={11}>
            <Card size="small" style={{ position: 'sticky', top: 72 }}>
              {map}
            </Card>
          </Col>
        </Row>
      ) : showMap ? (
        <Card size="small">{map}</Card>
      ) : (
        results
      )}
    </Space>
  );
}
