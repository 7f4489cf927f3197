import type { reviewErrorsZhCN, reviewZhCN } from './review.zh-CN'

/** Same shape as the zh-CN bundle, every leaf a string: a missing key is a type error. */
type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }

/** Words of reviewer mode (English), under `review`. */
export const reviewEn: Messages<typeof reviewZhCN> = {
  picker: {
    title: 'Choose the package to review',
    hint: 'Pick the package ZIP file, or go into the package folder (it holds bagit.txt) and click "Review this folder".',
    useFolder: 'Review this folder',
    cancel: 'Cancel',
    empty: 'No folders or ZIP files here',
    zip: 'ZIP package',
  },
  progress: {
    title: 'Verifying the package',
    file: 'Current file: {{file}}',
    bytes: '{{done}} / {{total}}',
    speed: 'Speed {{speed}}',
    cancel: 'Cancel verification',
    cancelled: 'Verification cancelled; the package was not opened.',
    failed: 'The package could not be verified',
    preparing: 'Preparing the read-only view…',
  },
  band: {
    title: 'Review mode',
    text: 'The package is open read-only; nothing in it can change.',
    summary: 'Verification',
    notes: 'Review notes',
    close: 'End review',
    untrusted: 'Signing key not confirmed here',
    notices: '{{n}} notices',
    ack: 'Acknowledge before going on',
    ackUntrusted:
      'I understand: the signing key is not confirmed on this machine, so the package cannot be taken as coming from the named signer. Compare the fingerprint with the signer in person or by phone before relying on it.',
    ackMismatch:
      'I understand: the signer does not match the signer this machine knows; this package may be forged and its origin cannot be relied on.',
  },
  summary: {
    ok: 'Verified',
    okText:
      'The package is complete, every file matches its manifest, the signature holds and the custody log is unbroken.',
    bad: 'Verification failed',
    badText: 'These problems were found. Do not rely on the files named, and check with the sending unit:',
    signer: 'Signer',
    fingerprint: 'Key fingerprint',
    signature: 'Signature',
    signatureValid: 'valid',
    signatureInvalid: 'invalid',
    signatureAbsent: 'none',
    key: 'Signing key',
    trusted: 'confirmed (trusted on this machine)',
    untrusted: 'not confirmed here: compare the fingerprint with the signer in person or by phone',
    custody: 'Custody log',
    custodyEvents: '{{n}} events, {{state}}',
    custodyIntact: 'unbroken',
    custodyBroken: 'broken or altered',
    custodyAbsent: 'missing',
    package: 'Package',
    problems: 'Problems',
    warnings: 'Notices',
    warningsText: 'These do not change the verdict, but need your attention:',
    noCase: 'The package holds no readable case data, so no case can be opened.',
    closeReview: 'End review',
    showCase: 'Show the case',
  },
  problem: {
    'missing-file': 'File {{path}} is missing: the manifest lists it but the package does not hold it.',
    'extra-file': 'File {{path}} is extra: it is in no manifest, so where it came from is unknown.',
    'hash-mismatch':
      'File {{path}} has been altered: its content does not match its checksum in the manifest.',
    'bad-signature':
      'The signature is invalid or missing{{at}}: the package cannot be tied to its signer unchanged.',
    'custody-broken': 'The custody log {{path}} is broken or has been altered.',
    'unsafe-path': 'Unsafe path {{path}}: the package was refused.',
    'not-a-bag': 'This is not a package (no bagit.txt, or not in the expected form){{at}}.',
    'case-manifest-mismatch': 'case.json does not agree with the manifest{{at}}.',
    'untrusted-key': 'The signature is valid, but the signing key is not confirmed on this machine.',
    'signer-mismatch':
      'The signer uses the name or enforcement certificate number of a signer this machine knows, but with another key{{at}}: the package may have been forged and signed again.',
    other: '{{path}}: {{code}}',
  },
  notes: {
    title: 'Review notes',
    hint: 'Notes are kept on this computer, never in the package.',
    target: 'About',
    targetPackage: 'The whole package',
    targetItem: 'Evidence {{number}} {{name}}',
    targetViolation: 'Violation {{number}} {{title}}',
    placeholder: 'Write a review note…',
    add: 'Add note',
    empty: 'No review notes yet — write the first one above.',
    export: 'Export review report',
    exportTitle: 'Export the review report (HTML)',
    exportTarget: 'Save to (file path)',
    exportOk: 'Review report saved: {{path}}',
    by: '{{name}} ({{certNo}})',
    reportFile: 'review-report_{{number}}.html',
  },
  documents: {
    title: 'Transfer documents (in the package)',
    intro:
      'The transfer documents that came with the package, shown exactly as exported; they cannot be changed.',
    loading: 'Reading the documents…',
    empty: 'The package holds no transfer documents.',
    list: 'Documents',
    preview: 'Preview',
    previewLabel: 'Preview of {{title}}',
    noPdf: 'No PDF (none was made at export)',
    altered: 'Altered',
    alteredText: 'Verification found this document altered; do not rely on its content.',
    save: 'Save a copy',
    saveHint:
      'Copies the file out of the package to another place on this computer; the package itself does not change.',
    saveTarget: 'Save to (file path)',
    savePdf: 'Save PDF',
    saveHtml: 'Save HTML',
    saved: 'Copy saved: {{path}}',
  },
  overwrite: {
    title: 'The file already exists',
    content: '{{path}} already exists. Replace it with the new file?',
    ok: 'Replace',
    cancel: 'Keep it',
  },
}

export const reviewErrorsEn: Messages<typeof reviewErrorsZhCN> = {
  'read-only': {
    title: 'Nothing can change in review mode',
    action: 'The package is open read-only. End the review to work on a case.',
  },
}
