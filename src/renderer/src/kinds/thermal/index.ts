import { FireOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { ThermalDetails } from './thermal-details'
import { ThermalViewer } from './thermal-viewer'
import { ThermalViewerModal } from './thermal-viewer-modal'

export const thermalUi: KindUi<'thermal'> = {
  kind: 'thermal',
  Viewer: ThermalViewer,
  OwnWindow: ThermalViewerModal,
  Details: ThermalDetails,
  Icon: FireOutlined,
  colour: '#c41d7f',
  timelineMark: 'point',
  labels: { one: 'kind.thermal.one', many: 'kind.thermal.many' },
}
