import { VideoCameraOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { VideoDetails } from './video-details'
import { VideoViewer } from './video-viewer'

export const videoUi: KindUi<'video'> = {
  kind: 'video',
  Viewer: VideoViewer,
  Details: VideoDetails,
  Icon: VideoCameraOutlined,
  colour: '#d4380d',
  timelineMark: 'span',
  labels: { one: 'kind.video.one', many: 'kind.video.many' },
}
