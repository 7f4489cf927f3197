import { AudioOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { AudioDetails } from './audio-details'
import { AudioViewer } from './audio-viewer'

export const audioUi: KindUi<'audio'> = {
  kind: 'audio',
  Viewer: AudioViewer,
  Details: AudioDetails,
  Icon: AudioOutlined,
  // the waveform thumbnails core draws use the same colour
  colour: '#08979c',
  timelineMark: 'span',
  labels: { one: 'kind.audio.one', many: 'kind.audio.many' },
}
