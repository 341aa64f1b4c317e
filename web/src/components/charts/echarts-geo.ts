/** ECharts with the map parts (geo component, scatter): loaded only with the directory map. */
import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import { echarts } from './echarts';

echarts.use([GeoComponent, ScatterChart]);

export type { EChartsCoreOption } from 'echarts/core';
export { echarts };
