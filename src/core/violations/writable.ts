import type { CaseFile } from '../case/case-file'
import { EvidenceError } from '../errors'

/** Refuses a change before any write, so a read-only case (a package under review) gets a clear 'read-only'. */
export function assertWritable(file: CaseFile): void {
  if (file.readOnly)
    throw new EvidenceError('read-only', `The case in ${file.dir} is open read-only; nothing was changed.`)
}
