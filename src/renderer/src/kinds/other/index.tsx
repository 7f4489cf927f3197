import { QuestionOutlined } from '@ant-design/icons'
import { FactList } from '../../components/evidence/fact-rows'
import { DocumentViewer } from '../document/document-viewer'
import type { KindUi } from '../kind-ui'

export const otherUi: KindUi<'other'> = {
  kind: 'other',
  // nothing to show but the file's own facts: the placeholder says so plainly
  Viewer: DocumentViewer,
  Details: () => <FactList rows={[]} />,
  Icon: QuestionOutlined,
  colour: '#8c8c8c',
  timelineMark: 'point',
  labels: { one: 'kind.other.one', many: 'kind.other.many' },
}
