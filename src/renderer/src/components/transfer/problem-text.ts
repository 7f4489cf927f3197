import type { TFunction } from 'i18next'
import type { DocumentProblem } from '../../../../shared/violation-types'
import type { MessageKey } from '../../i18n/keys'
import { MISSING_FIELD_TEXT } from './transfer-info-text'

const PROBLEM_TEXT: Record<DocumentProblem['code'], MessageKey> = {
  'no-legal-basis': 'transfer:problems.no-legal-basis',
  'no-evidence': 'transfer:problems.no-evidence',
  'unprintable-text': 'transfer:problems.unprintable-text',
  'link-broken': 'transfer:problems.link-broken',
  'basis-not-in-force': 'transfer:problems.basis-not-in-force',
  'law-choice-missing': 'transfer:problems.law-choice-missing',
  'unverified-text': 'transfer:problems.unverified-text',
  'missing-field': 'transfer:problems.missing-field',
}

/**
 * A document problem in the interface's language. The backend's message is zh-CN (it is printed
 * on the draft banner), so the UI words it from the code, naming the violation by its number.
 */
export function problemText(p: DocumentProblem, numbers: Record<string, string>, t: TFunction): string {
  const target = p.violationId ? (numbers[p.violationId] ?? '') : ''
  if (p.code === 'no-legal-basis' && !p.violationId) return t('transfer:problems.no-legal-basis-none')
  if (p.code === 'missing-field') {
    // batch fields are "batch.<key>.<name>": the UI names the field, the batch shows in the panel
    const name = (p.field ?? '').split('.').at(-1) ?? ''
    return t('transfer:problems.missing-field', {
      field: Object.hasOwn(MISSING_FIELD_TEXT, name)
        ? t(MISSING_FIELD_TEXT[name as keyof typeof MISSING_FIELD_TEXT])
        : name,
    })
  }
  // printed field names are the document's own (zh-CN) words: shown as quoted user data
  return t(PROBLEM_TEXT[p.code], { target, field: p.field ?? '' })
}
