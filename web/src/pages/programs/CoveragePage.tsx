import { Alert, Card, Col, DatePicker, Row, Select, Space, Statistic, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COVERAGE_LISTS,
  type CoverageList,
  type CoverageView,
  useCoverage,
  usePrograms,
} from '../../api/programs';
import { useSession } from '../../api/queries';
import { EChart } from '../../components/charts/EChart';
import { ExportXlsxButton } from '../../components/ExportXlsxButton';
import { RegionSelect } from '../../components/RegionSelect';
import { CoverageTable } from './CoverageTable';

const COUNT_OF: Record<CoverageList, 'eligibleNotEnrolled' | 'enrolledNotServed' | 'enrolledNotEligible'> = {
  eligible_not_enrolled: 'eligibleNotEnrolled',
  enrolled_not_served: 'enrolledNotServed',
  enrolled_not_eligible: 'enrolledNotEligible',
};

/** The "no one missed" (应保尽保) report: per township eligible vs enrolled vs served, and the three gaps. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const { account: me } = useSession();
  const [month, setMonth] = useState<Dayjs>(dayjs());
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const [programId, setProgramId] = useState<string | undefined>();
  const [list, setList] = useState<CoverageList>('eligible_not_enrolled');
  const filters = { regionCode, month: month.format('YYYY-MM'), programId };
  const report = useCoverage(filters);
  const programs = usePrograms();
  const data = report.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('programs.coverage.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('programs.coverage.explain')} />
      <Space wrap>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(m) => m && setMonth(m)} />
        <div style={{ minWidth: 260 }}>
          <RegionSelect
            value={regionCode}
            onChange={setRegionCode}
            within={me.regionCode || undefined}
            placeholder={t('programs.coverage.allRegion')}
            testId="coverage-region"
          />
        </div>
        <Select
          allowClear
          style={{ minWidth: 240 }}
          placeholder={t('programs.coverage.allPrograms')}
          value={programId}
          onChange={setProgramId}
          options={(programs.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.code})` }))}
          data-testid="coverage-program"
        />
        <ExportXlsxButton
          path="/api/programs/coverage/export.xlsx"
          filters={filters}
          testId="coverage-export"
        />
      </Space>
      {report.error && <Alert type="error" showIcon title={report.error.message} />}
      {data && <Totals data={data} />}
      {data && data.townships.length > 0 && (
        <Card size="small" title={t('programs.coverage.byTownship')}>
          <TownshipChart data={data} />
        </Card>
      )}
      <Tabs
        activeKey={list}
        onChange={(key) => setList(key as CoverageList)}
        items={COVERAGE_LISTS.map((key) => ({
          key,
          label: `${t(`programs.coverage.list.${key}`)}${data ? ` (${data.totals[COUNT_OF[key]]})` : ''}`,
          children: <CoverageTable filters={filters} list={key} />,
        }))}
      />
    </Space>
  );
}

function Totals({ data }: { data: CoverageView }) {
  const { t } = useTranslation();
  const cells = [
    ['eligible', data.totals.eligible],
    ['enrolled', data.totals.enrolled],
    ['served', data.totals.served],
    ['eligibleNotEnrolled', data.totals.eligibleNotEnrolled],
    ['enrolledNotServed', data.totals.enrolledNotServed],
    ['enrolledNotEligible', data.totals.enrolledNotEligible],
  ] as const;
  return (
    <Row gutter={[12, 12]} data-testid="coverage-totals">
      {cells.map(([key, value]) => (
        <Col key={key} xs={12} sm={8} md={4}>
          <Card size="small">
            <Statistic
              title={t(`programs.coverage.count.${key}`)}
              value={value}
              valueStyle={key.includes('Not') && value > 0 ? { color: '#d4380d' } : undefined}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** Eligible vs enrolled vs served, one group of bars per township. */
function TownshipChart({ data }: { data: CoverageView }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const rows = data.townships;
    const series = (['eligible', 'enrolled', 'served'] as const).map((key, i) => ({
      name: t(`programs.coverage.count.${key}`),
      type: 'bar',
      data: rows.map((r) => r[key]),
      itemStyle: { color: ['#1677ff', '#52c41a', '#faad14'][i] },
      barMaxWidth: 18,
    }));
    return {
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name ?? r.code) },
      series,
    };
  }, [data, t]);
  return (
    <EChart option={option} height={Math.max(200, data.townships.length * 48 + 60)} testId="coverage-chart" />
  );
}
