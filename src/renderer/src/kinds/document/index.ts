import { FileOutlined } from '@ant-design/icons'
import type { KindUi } from '../kind-ui'
import { DocumentDetails } from './document-details'
import { DocumentViewer } from './document-viewer'

export const documentUi: KindUi<'document'> = {
  kind: 'document',
  Viewer: DocumentViewer,
  Details: DocumentDetails,
  Icon: FileOutlined,
  colour: '#595959',
  timelineMark: 'point',
  labels: { one: 'kind.document.one', many: 'kind.document.many' },
}
