import { CameraOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { ImageDetails } from './image-details'
import { ImageViewer } from './image-viewer'

export const imageUi: KindUi<'image'> = {
  kind: 'image',
  Viewer: ImageViewer,
  Details: ImageDetails,
  Icon: CameraOutlined,
  colour: '#1677ff',
  timelineMark: 'point',
  labels: { one: 'kind.image.one', many: 'kind.image.many' },
}
