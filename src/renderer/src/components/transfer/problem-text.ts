import type { TFunction } from 'i18next'
import type { DocumentProblem } from '../../../../shared/violation-types'

/**
 * A document problem in the interface's language. The backend's message is zh-CN (it is printed
 * on the draft banner), so the UI words it from the code, naming the violation by its number.
 */
export function problemText(p: DocumentProblem, numbers: Record<string, string>, t: TFunction): string {
  const target = p.violationId ? (numbers[p.violationId] ?? '') : ''
  if (p.code === 'no-legal-basis' && !p.violationId) return t('transfer.problems.no-legal-basis-none')
  if (p.code === 'missing-field') {
    // batch fields are "batch.<key>.<name>": the UI names the field, the batch shows in the panel
    const name = (p.field ?? '').split('.').at(-1) ?? ''
    return t('transfer.problems.missing-field', {
      field: t(`transfer.missingFields.${name}`, { defaultValue: name }),
    })
  }
  // printed field names are the document's own (zh-CN) words: shown as quoted user data
  return t(`transfer.problems.${p.code}`, { target, field: p.field ?? '' })
}
