import { Alert, Card, Empty, Segmented, Skeleton, Space, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { useRegionStats } from '../api/queries';
import { OutOfScope } from './OutOfScope';
import { PopulationCards } from './PopulationCards';

const PopulationChart = lazy(() => import('./charts/PopulationChart'));

interface RegionStatsPanelProps {
  code: string;
  orientation?: 'horizontal' | 'vertical';
  /** Open a child region (e.g. a clicked bar). */
  onSelect?: (code: string) => void;
}

/** Population cards of a region and a chart of its child regions; 403 shows "outside your area". */
export function RegionStatsPanel({ code, orientation = 'horizontal', onSelect }: RegionStatsPanelProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'residents' | 'ages'>('residents');
  const stats = useRegionStats(code);

  if (stats.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (stats.isError) {
    if (stats.error instanceof ApiError && stats.error.status === 403)
      return <OutOfScope message={stats.error.message} />;
    return (
      <Alert type="error" showIcon title={t('population.loadFailed')} description={stats.error.message} />
    );
  }
  const { population, children } = stats.data;
  const withData = children.filter((child) => child.population);

  return (
    <div data-testid="region-stats">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {population ? (
          <>
            <PopulationCards population={population} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('population.sourceLine', {
                year: population.year,
                source: population.source || t('common.unknown'),
              })}
            </Typography.Text>
          </>
        ) : (
          <Empty description={t('population.noDataYear', { year: stats.data.year })} />
        )}
        {children.length > 0 && (
          <Card
            size="small"
            title={t('population.childrenChart')}
            extra={
              <Segmented
                size="small"
                value={mode}
                onChange={(value) => setMode(value as 'residents' | 'ages')}
                options={[
                  { value: 'residents', label: t('population.mode.residents') },
                  { value: 'ages', label: t('population.mode.ages') },
                ]}
                data-testid="stats-mode"
              />
            }
          >
            {withData.length === 0 ? (
              <Empty description={t('population.childrenNoData')} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <PopulationChart
                  rows={children}
                  mode={mode}
                  orientation={orientation}
                  onSelect={onSelect}
                  testId="population-chart"
                />
              </Suspense>
            )}
          </Card>
        )}
      </Space>
    </div>
  );
}
