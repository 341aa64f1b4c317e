import { useEffect, useRef } from 'react';
import { type EChartsCoreOption, echarts } from './echarts';

interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** Called with the category name of a clicked bar. */
  onCategoryClick?: (name: string, dataIndex: number) => void;
  testId?: string;
}

/** A canvas chart that follows its container's size. */
export function EChart({ option, height, onCategoryClick, testId }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const clickRef = useRef(onCategoryClick);
  clickRef.current = onCategoryClick;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      if (typeof params.dataIndex === 'number') clickRef.current?.(String(params.name), params.dataIndex);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
