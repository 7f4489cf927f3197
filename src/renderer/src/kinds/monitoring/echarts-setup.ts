/**
 * The parts of echarts the monitoring chart uses, and nothing else: importing `echarts` whole
 * would add every chart type to the renderer bundle.
 */
// 'echarts/core.js', not 'echarts/core': the renderer's layer lint forbids any import ending in
// "/core" (meant for src/core) and would flag the echarts entry point by its name alone.
import * as echarts from 'echarts/core.js'
import { LineChart, ScatterChart } from 'echarts/charts'
import {
  BrushComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  MarkAreaComponent,
  BrushComponent,
  CanvasRenderer,
])

export { echarts }
export type EChartsType = ReturnType<typeof echarts.init>
