import { theme } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/places';
import { EChart } from '../../components/charts/EChart';
import type { EChartsCoreOption } from '../../components/charts/echarts';
import './places-echarts';
import { formLabel } from './places-labels';

interface Cell {
  day: string;
  row: number;
  /** Per cent occupied. */
  value: number;
  taken: number;
  of: number;
  outOfRatio: boolean;
}

/**
 * Rows: each class (peak children booked against its size), then each other service form
 * (places taken against places offered). Columns: the days shown.
 */
function cellsOf(t: TFunction, days: CalendarDay[]) {
  const rows: { key: string; label: string }[] = [];
  const rowIndex = new Map<string, number>();
  const indexOf = (key: string, label: string) => {
    let index = rowIndex.get(key);
    if (index === undefined) {
      index = rows.length;
      rows.push({ key, label });
      rowIndex.set(key, index);
    }
    return index;
  };
  const cells: Cell[] = [];
  for (const d of days) {
    for (const c of d.classes) {
      const row = indexOf(`class:${c.classId}`, c.name);
      const value = c.sizeLimit > 0 ? Math.round((c.peakPresent / c.sizeLimit) * 100) : 0;
      cells.push({ day: d.day, row, value, taken: c.peakPresent, of: c.sizeLimit, outOfRatio: c.outOfRatio });
    }
    for (const o of d.other) {
      const row = indexOf(`${o.service}:${o.form}`, formLabel(t, o.form));
      const value = o.capacity > 0 ? Math.round((o.taken / o.capacity) * 100) : 0;
      cells.push({ day: d.day, row, value, taken: o.taken, of: o.capacity, outOfRatio: false });
    }
  }
  return { rows, cells };
}

/** A day × class heat map of occupancy; clicking a cell opens that day. */
export function OccupancyHeatmap({ days, onOpen }: { days: CalendarDay[]; onOpen: (day: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { rows, cells } = useMemo(() => cellsOf(t, days), [t, days]);
  const dayIndex = useMemo(() => new Map(days.map((d, i) => [d.day, i])), [days]);

  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (params: { dataIndex: number }) => {
          const cell = cells[params.dataIndex];
          if (!cell) return '';
          const row = rows[cell.row]?.label ?? '';
          const ratio = cell.outOfRatio ? `<br/>${t('places.ratioShort')}` : '';
          return `${cell.day}<br/>${row}: ${cell.taken}/${cell.of} (${cell.value}%)${ratio}`;
        },
      },
      xAxis: {
        type: 'category',
        data: days.map((d) => d.day.slice(5)),
        splitArea: { show: true },
        axisLabel: { fontSize: 11 },
      },
      yAxis: { type: 'category', data: rows.map((r) => r.label), splitArea: { show: true } },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 120,
        text: ['100%', '0%'],
        inRange: { color: [token.colorSuccessBg, token.colorWarning, token.colorError] },
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((c) => ({
            value: [dayIndex.get(c.day) ?? 0, c.row, c.value],
            // A class-day short of carers gets a red frame, as on the calendar below.
            itemStyle: c.outOfRatio ? { borderColor: token.colorError, borderWidth: 3 } : undefined,
          })),
          label: { show: days.length <= 16, fontSize: 10, formatter: '{@[2]}%' },
          itemStyle: { borderColor: token.colorBgContainer, borderWidth: 1 },
          emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
        },
      ],
    }),
    [cells, rows, days, dayIndex, t, token],
  );

  if (rows.length === 0) return null;
  return (
    <EChart
      option={option}
      height={96 + rows.length * 32}
      testId="places-heatmap"
      onCategoryClick={(_name, index) => {
        const cell = cells[index];
        if (cell) onOpen(cell.day);
      }}
    />
  );
}
