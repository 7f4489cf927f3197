/** What a transfer to the police needs beyond violations (issue 14): case fields, attachments, seized items, extraction batches. */
import type { TransferInfo } from '../../shared/transfer-types'
import type { CaseFile } from '../case/case-file'
import { listLawChoices } from '../violations/law-choice'
import { listAttachments } from './attachments'
import { listBatches } from './extraction-batches'
import { listSeizedItems } from './seized-items'
import { readTransferFields } from './transfer-fields'

export { addAttachment, listAttachments, removeAttachment } from './attachments'
export { addSeizedItem, listSeizedItems, removeSeizedItem } from './seized-items'
export { batchKey, editBatch, listBatches } from './extraction-batches'
export { readTransferFields, saveTransferFields, transferFieldProblems } from './transfer-fields'

/** Everything the transfer screen edits, as it stands. */
export function transferInfo(file: CaseFile): TransferInfo {
  return {
    fields: readTransferFields(file.db),
    attachments: listAttachments(file.db),
    seizedItems: listSeizedItems(file.db),
    batches: listBatches(file.db, file.info()),
    lawChoices: listLawChoices(file.db),
  }
}
