import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Population } from '../../api/types';
import { AGE_COLORS } from '../../theme';
import { EChart } from './EChart';
import type { EChartsCoreOption } from './echarts';

export interface PopulationRow {
  code: string;
  name: string;
  population: Population | null;
}

export interface PopulationChartProps {
  rows: PopulationRow[];
  /** residents: one bar per region; ages: residents split into age groups, stacked. */
  mode: 'residents' | 'ages';
  orientation?: 'horizontal' | 'vertical';
  onSelect?: (code: string) => void;
  testId?: string;
}

/** Residents of child regions as bars; loaded lazily with ECharts. */
export default function PopulationChart({
  rows,
  mode,
  orientation = 'horizontal',
  onSelect,
  testId,
}: PopulationChartProps) {
  const { t, i18n } = useTranslation();
  const horizontal = orientation === 'horizontal';
  const height = horizontal ? Math.max(240, rows.length * 28 + 90) : 340;

  const option = useMemo<EChartsCoreOption>(() => {
    const locale = i18n.language === 'en' ? 'en-US' : 'zh-CN';
    const names = rows.map((row) => row.name);
    const value = (pick: (p: Population) => number) =>
      rows.map((row) => (row.population ? pick(row.population) : null));
    const series =
      mode === 'residents'
        ? [
            {
              name: t('population.residents'),
              type: 'bar',
              data: value((p) => p.residents),
              itemStyle: {
                color: AGE_COLORS.residents,
                borderRadius: horizontal ? [0, 4, 4, 0] : [4, 4, 0, 0],
              },
              barMaxWidth: 28,
            },
          ]
        : [
            { key: 'under3', pick: (p: Population) => p.childrenUnder3 },
            { key: 'aged60to79', pick: (p: Population) => Math.max(0, p.aged60Plus - p.aged80Plus) },
            { key: 'aged80Plus', pick: (p: Population) => p.aged80Plus },
            {
              key: 'others',
              pick: (p: Population) => Math.max(0, p.residents - p.childrenUnder3 - p.aged60Plus),
            },
          ].map((group) => ({
            name: t(`population.group.${group.key}`),
            type: 'bar',
            stack: 'ages',
            data: value(group.pick),
            itemStyle: { color: AGE_COLORS[group.key as keyof typeof AGE_COLORS] },
            barMaxWidth: 28,
            emphasis: { focus: 'series' },
          }));
    const categoryAxis = {
      type: 'category',
      data: names,
      inverse: horizontal,
      axisLabel: horizontal
        ? { width: 110, overflow: 'truncate' }
        : { interval: 0, rotate: names.length > 8 ? 35 : 0 },
      axisTick: { alignWithLabel: true },
    };
    const valueAxis = {
      type: 'value',
      axisLabel: { formatter: (v: number) => v.toLocaleString(locale) },
      splitLine: { lineStyle: { color: '#eef1f4' } },
    };
    return {
      animationDuration: 300,
      grid: { left: 8, right: 24, top: mode === 'ages' ? 36 : 12, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) =>
          typeof v === 'number' ? v.toLocaleString(locale) : t('population.noData'),
      },
      legend: mode === 'ages' ? { top: 0, type: 'scroll' } : { show: false },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? categoryAxis : valueAxis,
      series,
    };
  }, [rows, mode, horizontal, t, i18n.language]);

  return (
    <EChart
      option={option}
      height={height}
      testId={testId}
      onCategoryClick={(_, index) => {
        const row = rows[index];
        if (row && onSelect) onSelect(row.code);
      }}
    />
  );
}
