import type { transferZhCN } from './transfer.zh-CN'

/** Same shape as the zh-CN bundle, every leaf a string: a missing key is a type error. */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** Words of the transfer documents screen (English), under `transfer`. */
export const transferEn: Messages<typeof transferZhCN> = {
  title: 'Transfer documents',
  intro:
    'The five documents for the transfer to the police are generated from the case, its violations and evidence. Edit their free-text parts (each edit goes into the custody log), then make a PDF ready for signatures and the seal.',
  loading: 'Generating the transfer documents…',
  documents: 'Documents',
  kinds: {
    'transfer-letter': 'Transfer letter',
    'investigation-report': 'Investigation report',
    'seized-items-list': 'List of items involved',
    'evidence-list': 'Evidence list',
    'electronic-data-list': 'Electronic data extraction list',
  },
  ready: 'Ready',
  draft: 'Draft',
  draftBecause: 'Draft: ',
  problems: {
    'no-legal-basis': 'Violation {{target}} has no legal basis — choose provisions under Violations.',
    'no-legal-basis-none': 'No violation has been recorded yet — add one under Violations first.',
    'no-evidence': 'Violation {{target}} has no linked evidence — link evidence under Violations.',
    'unprintable-text': '“{{field}}” holds characters that cannot be printed — change that text.',
    'link-broken': 'An evidence link of violation {{target}} no longer stands — link again or unlink it.',
  },
  preview: 'Preview',
  previewLabel: '{{title}} (print preview)',
  edit: {
    title: 'Editable text',
    readOnly: 'In review mode the documents can be read but not edited.',
    generated: 'Generated',
    editedBy: 'Edited by {{name}} at {{time}}',
    save: 'Save changes',
    saving: 'Saving…',
    saved: 'Saved and recorded in the custody log.',
    restore: 'Restore the generated text',
    unchanged: 'No changes',
    none: 'This document has no editable text.',
  },
  fields: {
    docNumber: 'Document number',
    addressee: 'Receiving police authority',
    suspectedCrime: 'Suspected crime',
    body: 'Body',
    contact: 'Contact and phone',
    remarks: 'Remarks',
    caseSource: 'Case source',
    investigation: 'Investigation',
    facts: 'Summary of facts',
    conclusion: 'Conclusion and recommendation',
    extractionMethod: 'Extraction method',
  },
  fieldErrors: {
    'unprintable-text':
      'Holds characters that cannot be printed (control, private-use or unassigned code points); remove them and save again.',
    'single-line': 'One line only; remove the line breaks.',
    'unknown-field': 'This document has no such field.',
    'too-long': 'The text is too long.',
  },
  pdf: {
    generate: 'Make PDF',
    running: 'Making the PDF…',
    done: 'PDF written: ',
    draftNote: 'This document is still a draft; the PDF says so on the page.',
    failed: 'The PDF could not be made',
    cancelled: 'Making the PDF was cancelled.',
    unavailable:
      'No PDF printer is available on this machine (no Chromium found); the documents still go into the package as HTML.',
  },
}
