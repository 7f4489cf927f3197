import { FileTextOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { TranscriptDetails } from './transcript-details'
import { TranscriptViewer } from './transcript-viewer'

export const transcriptUi: KindUi<'transcript'> = {
  kind: 'transcript',
  Viewer: TranscriptViewer,
  Details: TranscriptDetails,
  Icon: FileTextOutlined,
  colour: '#389e0d',
  timelineMark: 'span',
  labels: { one: 'kind.transcript.one', many: 'kind.transcript.many' },
}
