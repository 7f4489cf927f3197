/** The violation screens' codes in words: each table is exhaustive over its code's type. */
import type { LegalBasisInput } from '../../../../shared/api'
import type {
  LegalBasisEntry,
  LinkProblem,
  TransferKind,
  ViolationStatus,
} from '../../../../shared/violation-types'
import type { MessageKey } from '../../i18n/keys'

export const STATUS_TEXT: Record<ViolationStatus, MessageKey> = {
  draft: 'violations:status.draft',
  confirmed: 'violations:status.confirmed',
  transferred: 'violations:status.transferred',
}

export const ROLE_TEXT: Record<LegalBasisEntry['role'], MessageKey> = {
  prohibition: 'violations:roles.prohibition',
  penalty: 'violations:roles.penalty',
  'criminal-threshold': 'violations:roles.criminal-threshold',
  rule: 'violations:roles.rule',
}

export const TEXT_STATUS_TEXT: Record<NonNullable<LegalBasisEntry['textStatus']>, MessageKey> = {
  verbatim: 'violations:local.textStatus.verbatim',
  summary: 'violations:local.textStatus.summary',
  unverified: 'violations:local.textStatus.unverified',
}

export const TRANSFER_KIND_TEXT: Record<TransferKind, MessageKey> = {
  criminal: 'violations:transferKinds.criminal',
  detention: 'violations:transferKinds.detention',
  none: 'violations:transferKinds.none',
}

/** The choice of law once recorded: the old law or the new one. */
export const LAW_CHOSEN_TEXT = {
  old: 'violations:lawChoice.recorded.old',
  new: 'violations:lawChoice.recorded.new',
} as const satisfies Record<'old' | 'new', MessageKey>

export const LINK_PROBLEM_TEXT: Record<LinkProblem, MessageKey> = {
  'citation-withdrawn': 'violations:links.problems.citation-withdrawn',
  'item-missing': 'violations:links.problems.item-missing',
}

/** The local legal-basis form's field labels. */
export const LOCAL_FIELD_TEXT: Record<keyof LegalBasisInput, MessageKey> = {
  id: 'violations:local.fields.id',
  law: 'violations:local.fields.law',
  lawEn: 'violations:local.fields.lawEn',
  article: 'violations:local.fields.article',
  text: 'violations:local.fields.text',
  act: 'violations:local.fields.act',
  actEn: 'violations:local.fields.actEn',
  role: 'violations:local.fields.role',
  pairsWith: 'violations:local.fields.pairsWith',
  transferKind: 'violations:local.fields.transferKind',
}
