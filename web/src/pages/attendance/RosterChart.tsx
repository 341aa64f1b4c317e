import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HalfHour } from '../../api/attendance';
import { EChart } from '../../components/charts/EChart';

/** Carers rostered against children booked, per half hour; a half hour short of carers is red. */
export function RosterChart({ halfHours, published }: { halfHours: HalfHour[]; published: boolean }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 28, right: 8, top: 28, bottom: 22 },
      xAxis: { type: 'category', data: halfHours.map((h) => h.time), axisLabel: { interval: 3 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('rosters.carers'),
          type: 'bar',
          data: halfHours.map((h) => ({
            value: h.carers,
            itemStyle: { color: h.ok ? '#1677ff' : '#cf1322' },
          })),
        },
        ...(published
          ? [
              {
                name: t('rosters.booked'),
                type: 'bar',
                data: halfHours.map((h) => h.booked ?? 0),
                itemStyle: { color: '#faad14' },
              },
            ]
          : []),
      ],
    }),
    [halfHours, published, t],
  );
  return <EChart option={option} height={150} testId="roster-chart" />;
}
