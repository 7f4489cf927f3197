/** The command line's human output in English. zh-CN.ts has exactly these keys (its type is this one's). */
import type { AnnotationType, EvidenceItem, ImportFileResult } from '../../shared/types'
import { citationInWords } from '../../shared/citations'
import type { CaseInfo } from '../../shared/types'

const usageTail = (usage: string | string[]): string =>
  `\nusage: ${Array.isArray(usage) ? usage.join('\n       ') : usage}`

export const en = {
  // arguments
  usage: (usage: string) => `usage: ${usage}`,
  badArguments: (detail: string, usage: string) => `${detail}${usageTail(usage)}`,
  badLanguage: (text: string) => `--lang must be zh-CN or en, not "${text}"`,
  unknownCommand: (command: string) => `unknown command "${command}"; "evidesk --help" lists them`,
  unknownSubcommand: (command: string, sub: string, usage: string[]) =>
    `"${command}" needs one of its subcommands${sub ? ` (not "${sub}")` : ''}${usageTail(usage)}`,
  noPositionals: (usage: string) => `this command takes options only${usageTail(usage)}`,
  oneCaseFolder: (usage: string) => `give exactly one case folder${usageTail(usage)}`,
  caseAndItem: (usage: string) => `give a case folder and an evidence item${usageTail(usage)}`,
  caseAndTarget: (usage: string) => `give a case folder and a target${usageTail(usage)}`,
  caseAndSources: (usage: string) => `give a case folder and at least one file or folder${usageTail(usage)}`,
  caseAndViolation: (usage: string) => `give a case folder and a violation (V1 or its id)${usageTail(usage)}`,
  caseViolationItem: (usage: string) =>
    `give a case folder, a violation and an evidence item${usageTail(usage)}`,
  officerFormat: (text: string) => `officer "${text}" must be written as "<name>:<cert-no>"`,
  notAFingerprint: (text: string) =>
    `"${text}" is neither a key fingerprint (64 hexadecimal digits) nor a public key file`,
  oneCitation: (usage: string) =>
    `cite one thing at a time: --start/--end, --quote, --region or --pollutant/--from/--to${usageTail(usage)}`,
  citationNeeded: (usage: string) =>
    `say what to cite: --start/--end, --quote, --region or --pollutant/--from/--to${usageTail(usage)}`,
  startEndTogether: (usage: string) => `--start and --end go together${usageTail(usage)}`,
  dataRangeTogether: (usage: string) => `--pollutant, --from and --to go together${usageTail(usage)}`,
  unknownBasis: (basis: string, known: string) =>
    `--basis ${basis} is not a concentration basis (one of: ${known})`,
  notSeconds: (flag: string, text: string) =>
    `${flag} must be a number of seconds, 0 or more (got "${text}")`,
  notInstant: (flag: string, text: string) =>
    `${flag} must be an ISO 8601 time with its offset, e.g. 2021-05-24T02:00:00+08:00 (got "${text}")`,
  endBeforeStart: (start: number | string, end: number | string) =>
    `the end (${end}) must be after the start (${start})`,
  emptyQuote: '--quote needs the words to cite',
  badRegion: (text: string) => `--region must be four whole pixel numbers x,y,w,h (got "${text}")`,
  emptyRegion: '--region needs a width and a height above 0',
  quoteRepeated: (text: string, number: string, at: number) =>
    `note: "${text}" occurs more than once in ${number}; citing the first, at character ${at}.`,
  badPort: (text: string) => `--port must be a number from 0 to 65535, not "${text}"`,

  // errors
  errorHeadline: (title: string, action: string) => `evidesk: ${title}. ${action}`,
  errorDetail: (message: string) => `  ${message}`,
  fieldProblem: (field: string, problem: string) => `  ${field}: ${problem}`,
  fieldName: (path: string, flag: string | undefined) => (flag ? `${flag} (${path})` : path),
  interruptedTwice: 'Interrupted again: exiting without waiting for the clean-up.',

  // progress
  progressImport: 'importing',
  progressExport: 'exporting',
  progressVerify: 'verifying',
  progressCheck: 'checking',
  progressFiles: (done: number, total: number) => `${done}/${total} files`,
  progressLeft: (time: string) => `${time} left`,
  stopping: 'Stopping…',
  stoppingImport: 'Stopping: files being copied are discarded, finished ones stay recorded…',
  stoppingExport: 'Stopping: the unfinished package is removed…',
  stoppingVerify: 'Stopping the verification…',
  stoppingCheck: 'Stopping the check; nothing is recorded for an unfinished check…',

  // profile and keys
  profileLine: (name: string, certNo: string, unit: string) =>
    `officer profile: ${name}, certificate no. ${certNo}, ${unit}`,
  keyLine: (fingerprint: string, createdAt: string, created: boolean) =>
    `signing key (Ed25519)${created ? ', created now' : ''}: fingerprint ${fingerprint}, created ${createdAt}`,
  keyProtection: (protection: string): string =>
    protection === 'safe-storage'
      ? 'private key sealed by the desktop app’s key store'
      : 'private key in a file only you can read (0600); back up the keys folder',
  noKeyYet: 'no signing key yet: "evidesk profile set" or "evidesk key export" creates it',
  dataFolder: (dir: string) => `data folder: ${dir}`,
  keyExported: (path: string | null, fingerprint: string, name: string) =>
    `${path ? `wrote the public key of ${name} to ${path}` : `public key of ${name} written to stdout`}; fingerprint ${fingerprint}`,
  trustAdded: (name: string, fingerprint: string) => `trusted: ${name}, fingerprint ${fingerprint}`,
  trustRemoved: (fingerprint: string) => `no longer trusted: ${fingerprint}`,
  trustEmpty: 'no trusted keys on this machine',
  trustEntry: (fingerprint: string, name: string, addedAt: string) =>
    `${fingerprint}  ${name}  (added ${addedAt})`,

  // case
  caseCreated: (number: string, dir: string) => `created case ${number} in ${dir}`,
  caseSummary: (info: CaseInfo) =>
    `${info.number}  ${info.title}\n${info.subject.name}  ${info.subject.creditCode}\n${info.officers.map((o) => `${o.name} (${o.certNo})`).join(', ')}\nevidence: ${info.evidenceCount}`,
  caseEdited: (number: string, changes: number) =>
    `case ${number} changed: ${changes} custody event${changes === 1 ? '' : 's'} recorded`,
  caseUnchanged: 'nothing changed: the values given are the ones the case already has',
  officer: (name: string, certNo: string) => (certNo ? `${name} (${certNo})` : name),

  // evidence
  importResult: (r: ImportFileResult) => {
    const tag = r.status === 'imported' ? (r.warnings.length ? 'kept with warnings' : 'imported') : r.status
    return `${r.number ?? '    '} ${tag.padEnd(18)} ${r.path}${r.error ? ` — ${r.error.message}` : ''}${r.warnings.map((w) => `\n       ⚠ ${w.code}: ${w.message}`).join('')}`
  },
  importSummary: (
    imported: number,
    warned: number,
    duplicate: number,
    rejected: number,
    cancelled: boolean,
  ) =>
    `${imported} imported${warned ? ` (${warned} with warnings)` : ''}, ${duplicate} duplicate, ${rejected} rejected${cancelled ? ' (cancelled: the rest was not imported)' : ''}`,
  importProblem: (problem: string) => problem,
  noEvidence: 'no evidence in this case yet',
  itemSummary: (item: EvidenceItem, events: number) =>
    `${item.number} ${item.originalName}\nsha256 ${item.sha256}\n${item.kind} ${item.mime} ${item.size} bytes\ncaptured ${item.capturedAt ?? '—'} (${item.capturedAtSource ?? 'unknown'})\n${events} custody events`,
  badObject: (number: string, sha256: string, problem: string) => `${number} ${sha256}: ${problem}`,
  custodyBroken: (seq: number | null, problem: string) =>
    `custody log broken at event ${seq ?? '?'}: ${problem}`,
  checkOk: (objects: number, events: number) =>
    `ok: ${objects} originals and ${events} custody events verified`,
  partialRemoved: (path: string) => `removed the unfinished output of an export that was stopped: ${path}`,
  orphansFound: (shas: string[]) =>
    `${shas.length} object(s) in the store are recorded by no evidence item (left by an import that could not record them): ${shas.map((s) => s.slice(0, 12)).join(', ')}. "evidesk check --remove-orphans" removes them, on record.`,
  orphansRemoved: (n: number) =>
    `removed ${n} object(s) that no evidence item recorded (custody event "orphans-removed")`,
  checkFailed: 'check FAILED',

  // citations and violations
  // the one wording of citations (shared/citations), as the screen and the documents show them
  citationWords: (type: AnnotationType, a: unknown, timezone: string): string =>
    citationInWords(type, a, { lang: 'en', timezone }).full,
  unknownEncoding: (text: string, known: string) =>
    `"${text}" is not a decoding that can be chosen; one of: ${known}`,
  decodingNow: (number: string, encoding: string, chosen: boolean, candidates: string) =>
    encoding
      ? `${number} is read as ${encoding}${chosen ? ' (chosen by an officer; see the custody log)' : ' (as detected)'}${candidates ? `; readings the detector found possible: ${candidates}` : ''}`
      : `${number}: no text decoding is recorded (not a text original, or its encoding was not recognised)`,
  decodingSet: (number: string, to: string, from: string) =>
    `${number} is now read as ${to}${from ? ` (was ${from})` : ''}; the original is unchanged (custody event "text-decoding-set")`,
  clockSet: (device: string) =>
    `clock offset of ${device} recorded (custody event "clock-offset-set" or "clock-offset-changed"); capture times are kept as recorded`,
  clockRemoved: (device: string) =>
    `clock offset of ${device} removed (custody event "clock-offset-removed"); its items read as recorded again`,
  noClockOffsets: 'no device clock offsets recorded',
  caseDevices: (keys: string) => `devices in this case (make|model|serial): ${keys || 'none'}`,
  comparisonMade: (number: string, a: string, b: string) =>
    `data comparison ${number} made from ${a} (A) and ${b} (B) (custody event "monitoring-compared"):`,
  annotated: (number: string, what: string, note: string) =>
    `cited ${number}: ${what}${note ? ` — ${note}` : ''}`,
  linked: (item: string, what: string | null, violation: string, note: string) =>
    `linked ${item}${what ? ` (${what})` : ''} to ${violation}${note ? `: ${note}` : ''}`,
  violationLine: (v: {
    number: string
    status: string
    links: number
    broken: number
    title: string
    basis: string[]
    withdrawnReason: string | null
  }) =>
    `${v.number.padEnd(4)} ${v.status.padEnd(11)} ${String(v.links).padStart(3)} links${v.broken ? ` (${v.broken} broken)` : ''}  ${v.title}  ${v.basis.join(', ') || '(no legal basis yet)'}${v.withdrawnReason !== null ? `  — withdrawn: ${v.withdrawnReason}` : ''}`,
  noViolations: 'no violations recorded',

  // documents, export, verify
  documentWritten: (title: string, files: number, problems: number) =>
    `${title}: ${files === 2 ? 'HTML and PDF' : 'HTML'}${problems ? ` — DRAFT, ${problems} problem(s) to resolve` : ''}`,
  documentsDone: (count: number, dir: string) => `${count} transfer documents written to ${dir}`,
  notice: {
    'stale-partials-removed': 'Removed the unfinished output of an earlier export that was stopped.',
    'no-pdf-printer': 'No Chromium was found to print PDF: the transfer documents are exported as HTML only.',
  },
  exported: (files: number, bytes: number, path: string) =>
    `exported ${files} files (${bytes} bytes) to ${path}`,
  zipSha256: (sha: string) => `SHA-256 of the ZIP: ${sha}`,
  signedBy: (name: string, fingerprint: string) => `signed by ${name}, key fingerprint ${fingerprint}`,
  finding: (code: string, path: string | null, message: string) =>
    `${code}${path ? ` ${path}` : ''}: ${message}`,
  signatureLine: (state: 'invalid' | 'trusted' | 'untrusted', signer: string, fingerprint: string) =>
    `signature: ${state === 'invalid' ? 'INVALID' : state === 'trusted' ? 'valid, trusted key' : 'valid, key NOT confirmed on this machine'}; signer ${signer}, fingerprint ${fingerprint}`,
  noSignature: 'signature: none (a plain BagIt bag, not a custody package)',
  custodyLine: (events: number, intact: boolean) =>
    `custody log: ${events} events, ${intact ? 'chain intact' : 'BROKEN'}`,
  bagValid: (version: string | null, custody: boolean) =>
    `valid BagIt ${version ?? ''} bag${custody ? ' and custody package' : ''}`,
  bagInvalid: (problems: number) => `NOT valid: ${problems} problem(s)`,
  untrustedExit:
    'exit 1: the signer’s key is not trusted on this machine. Confirm its fingerprint with the signer, then add it ("evidesk trust add <key-file>") or pass --trust <fingerprint>; --allow-untrusted accepts the package as it is.',
  acceptedUntrusted: 'accepted with --allow-untrusted: the signer’s key is not confirmed on this machine',

  // serve
  uiNotBuilt: (index: string) =>
    `evidesk serve: the user interface has not been built (${index} is missing). Run "npm run build" first, then try again.`,
  portInUse: (port: number) =>
    `port ${port} is already in use on 127.0.0.1; choose another with --port, or leave it out to pick a free one`,
  noOpener: (command: string) =>
    `Could not start "${command}" to open a browser; open the link above yourself.`,
  serving: (port: number, opened: { number: string; dir: string } | null) =>
    `Evidence Desk is running in browser mode on http://127.0.0.1:${port}/ ${opened ? `with case ${opened.number} (${opened.dir})` : '(no case open)'}.\nOpen the link above: it opens one page, once (press Enter here for another link). Press Ctrl+C to stop.`,
  serveSignalAgain: (signal: string) => `evidesk serve: ${signal} again, exiting without waiting.`,
  serveStopping: (signal: string) => `evidesk serve: ${signal} received, closing the case and stopping…`,
  serveStopError: (err: string) => `evidesk serve: error while stopping the server: ${err}`,
  serveCloseError: (err: string) => `evidesk serve: error while closing the case: ${err}`,
  serveStopped: 'evidesk serve: stopped.',
}

/** Same keys, same signatures, every language. */
export type CliMessages = typeof en
