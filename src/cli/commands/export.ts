import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { exportCase } from '../../core/package/export'
import { OfficerKeys, groupFingerprint } from '../../core/signing/officer-key'
import { createChromiumPdfPrinter } from '../chromium-pdf'
import {
  EXIT_OK,
  UsageError,
  appData,
  endProgress,
  parse,
  printJson,
  progressLine,
  say,
} from '../cli-support'

const USAGE = 'evidesk export <case-dir> <out.zip | out-dir/> [--violation <id>]… [--json]'
const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

function appVersion(): string {
  try {
    return (
      (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string })
        .version ?? '0.0.0'
    )
  } catch {
    return '0.0.0'
  }
}

/** Writes the signed custody package; the saved officer profile exports and its key signs. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { violation: { type: 'string', multiple: true } }, USAGE)
  if (positionals.length !== 2) throw new UsageError(`give a case folder and a target\nusage: ${USAGE}`)
  const [caseDir, target] = positionals
  const data = appData()
  const profile = data.profile()
  // A package is signed by a named officer: the OS user cannot stand in for one here.
  if (!profile)
    throw new EvidenceError(
      'no-profile',
      `No officer profile in ${data.dir}: the exporting officer's key signs the package. Save a profile in the app first (or set EVIDESK_DATA_DIR to the folder that holds it).`,
    )
  const actor = { name: profile.name, certNo: profile.certNo }
  const file = CaseFile.open(caseDir)
  const pdf = createChromiumPdfPrinter()
  const controller = new AbortController()
  const onSignal = (): void => {
    say('\nstopping: the unfinished package is removed…')
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const started = Date.now()
  try {
    const result = await exportCase(file, target, {
      actor,
      keys: new OfficerKeys(data.dir),
      clock: () => new Date(),
      generator: `Evidence Desk ${appVersion()}`,
      violationIds: values.violation as string[] | undefined,
      pdf,
      signal: controller.signal,
      onNotice: (m) => say(m),
      onProgress: (p) => {
        const secs = (Date.now() - started) / 1000
        const rate = secs > 0 ? p.bytesDone / secs : 0
        progressLine(
          `${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB, ${(rate / 1e6).toFixed(0)} MB/s  ${p.currentFile ?? ''}`,
        )
      },
    })
    endProgress()
    say(`exported ${result.files} files (${result.bytes} bytes) to ${result.path}`)
    if (result.sha256) say(`SHA-256 of the ZIP: ${result.sha256}`)
    say(`signed by ${result.signer.name}, key fingerprint ${groupFingerprint(result.signer.fingerprint)}`)
    if (values.json) printJson(result)
    return EXIT_OK
  } finally {
    endProgress()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await pdf?.close()
    file.close()
  }
}
