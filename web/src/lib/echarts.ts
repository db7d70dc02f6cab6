/** ECharts, modular: only the charts and components the cockpit draws are bundled. */
import { use, init, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, PieChart, CustomChart } from 'echarts/charts';
import {
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  TitleComponent,
  DataZoomComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  VisualMapComponent,
  TitleComponent,
  DataZoomComponent,
  CanvasRenderer,
]);

export { init, type EChartsType };

/**
 * What a click on a chart hands to a screen: the item's name and the `data` object the screen itself put into the
 * series (the keys below are the ones our charts set; ECharts passes them back untouched).
 */
export interface ChartPick {
  name?: string;
  data?: { key?: string; rowKey?: string | null; colKey?: string | null; p?: string; g?: string; month?: string };
}
