import type { viewerZhCN } from './viewer.zh-CN'
import type { Messages } from './messages'

export const viewerEn: Messages<typeof viewerZhCN> = {
  loading: 'Opening…',
  withdraw: 'Withdraw',
  withdrawTitle: 'Withdraw this citation',
  withdrawConfirm: 'Withdraw',
  withdrawReason: 'Reason for withdrawing',
  withdrawReasonPlaceholder: 'Why it is withdrawn (recorded in the custody log)',
  cancel: 'Cancel',
  notBuilt:
    'The viewer for {{number}} is not built yet (it comes with the evidence viewers). The original is stored intact.',
}
