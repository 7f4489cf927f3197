import { LineChartOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { MonitoringDetails } from './monitoring-details'
import { MonitoringViewer } from './monitoring-viewer'

export const monitoringUi: KindUi<'monitoring'> = {
  kind: 'monitoring',
  Viewer: MonitoringViewer,
  Details: MonitoringDetails,
  Icon: LineChartOutlined,
  colour: '#08979c',
  timelineMark: 'span',
  labels: { one: 'kind.monitoring.one', many: 'kind.monitoring.many' },
}
