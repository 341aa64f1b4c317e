/** The extra ECharts parts the occupancy heat map needs, added to the shared lean build. */
import { HeatmapChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import { echarts } from '../../components/charts/echarts';

echarts.use([HeatmapChart, VisualMapComponent]);
