import type { exportZhCN } from './export.zh-CN'
import type { Messages } from './messages'

/** Words of the export screen and the signing-key card (English), the `exportPkg` namespace. */
export const exportEn: Messages<typeof exportZhCN> = {
  title: 'Export package',
  intro:
    'Exports the case as a signed package (BagIt) for the transfer to the police. Originals are copied byte for byte and re-verified while they are copied.',
  preflight: {
    title: 'Checks before export',
    checking: 'Checking…',
    ready:
      'Ready to export: every confirmed violation has evidence and a legal basis, and all originals are present.',
    blocked: 'The export is possible once these are resolved:',
    recheck: 'Check again',
    hints: {
      'violation-without-evidence':
        '{{number}} “{{title}}” is confirmed but no evidence is linked to it: link the evidence that proves it, or set it back to draft.',
      'violation-without-basis':
        '{{number}} “{{title}}” is confirmed but cites no legal basis: add the provision it violates.',
      'object-bad':
        'The original of {{number}} “{{title}}” is missing or has the wrong size: run the integrity check and restore it from its source.',
      'no-evidence': 'Import the evidence first.',
    },
    codes: {
      'violation-without-evidence': 'Violation without evidence',
      'violation-without-basis': 'Violation without legal basis',
      'object-bad': 'Original missing or damaged',
      'no-evidence': 'No evidence in the case yet',
    },
  },
  target: {
    title: 'Destination',
    format: 'Format',
    zip: 'ZIP file',
    folder: 'Folder',
    zipHint:
      'One ZIP file (stored, over 4 GB supported) holding a folder named after the case number and date.',
    folderHint: 'A new package folder named after the case number and date, inside the chosen folder.',
    dir: 'Save in folder',
    dirPlaceholder: 'Choose or paste the path of an existing folder',
    browse: 'Browse…',
    result: 'Will be written to:',
    pickTitle: 'Choose where to save the package',
    useCurrent: 'Save in this folder',
    cancel: 'Cancel',
  },
  signer: {
    title: 'Signer',
    name: 'Name',
    fingerprint: 'Key fingerprint',
    hint: 'The package is signed with this key. Confirm the fingerprint with the recipient by phone or in writing.',
  },
  start: 'Start export',
  running: 'Exporting',
  cancel: 'Cancel export',
  progress: '{{done}} of {{total}}, {{speed}}',
  eta: 'about {{eta}} left',
  files: 'Files {{done}} of {{total}}',
  currentFile: 'Current file: {{file}}',
  done: {
    title: 'Export finished',
    message:
      "The package is signed and written. When you hand it over, ask the receiver to confirm the signer's key fingerprint.",
    path: 'Location',
    sha256: 'SHA-256 of the ZIP',
    files: 'Files',
    bytes: 'Size',
    signer: 'Signer',
    again: 'Export again',
  },
  cancelled: 'The export was cancelled; no partial package was left behind.',
  failed: 'The export failed; no partial package was left behind.',
  readOnly:
    "Packages under review cannot be exported. Below are this machine's signing key and trusted keys.",
  key: {
    title: 'My signing key',
    loading: 'Reading the key…',
    fingerprint: 'Fingerprint',
    createdAt: 'Created',
    protection: 'Kept',
    'safe-storage': "encrypted by the operating system's key store",
    'file-0600': 'in a file only you can read (mode 0600)',
    publicKey: 'Public key (PEM)',
    copy: 'Copy public key',
    copied: 'Copied',
    download: 'Download public key',
    hint: 'Give the public key to reviewers; once they import it, they can confirm that packages were signed by you. The private key never leaves this machine.',
  },
  trust: {
    title: 'Trusted public keys',
    hint: 'When reviewing a package, a signature by one of these keys shows as "signer confirmed". Add only keys whose fingerprint you checked in person or by phone.',
    empty: 'No trusted keys yet — paste a public key below and give it a name',
    name: 'Name',
    fingerprint: 'Fingerprint',
    addedAt: 'Added',
    remove: 'Remove',
    removeConfirm: 'Stop trusting this key?',
    pem: 'Their public key (PEM)',
    add: 'Add trusted key',
    namePlaceholder: 'e.g. Zhang San (city environment bureau)',
    pemPlaceholder: '-----BEGIN PUBLIC KEY-----',
    added: 'Added',
  },
}
