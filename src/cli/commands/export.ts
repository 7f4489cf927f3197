import { CaseFile } from '../../core/case/case-file'
import { exportCase } from '../../core/package/export'
import { ChainAnchors } from '../../core/custody/anchors'
import { OfficerKeys, groupFingerprint } from '../../core/signing/officer-key'
import { createChromiumPdfPrinter } from '../chromium-pdf'
import {
  EXIT_OK,
  UsageError,
  appData,
  cancelOnInterrupt,
  parse,
  printJson,
  requireProfile,
  say,
} from '../cli-support'
import { messages } from '../i18n'
import { ProgressLine } from '../progress-line'
import { appVersion } from '../project-root'

const USAGE = 'evidesk export <case-dir> <out.zip | out-dir/> [--violation <id>]… [--source-paths] [--json]'

/**
 * Writes the signed custody package; the saved officer profile exports and its key signs.
 * Ctrl+C cancels as the app's cancel does: the unfinished package is removed and an
 * `export-cancelled` custody event is recorded.
 */
export async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { violation: { type: 'string', multiple: true }, 'source-paths': { type: 'boolean' } },
    USAGE,
  )
  if (positionals.length !== 2) throw new UsageError(messages().caseAndTarget(USAGE))
  const [caseDir, target] = positionals
  const data = appData()
  // A package is signed by a named officer: the OS user cannot stand in for one here.
  const profile = requireProfile(data)
  const actor = { name: profile.name, certNo: profile.certNo }
  const file = CaseFile.open(caseDir)
  const m = messages()
  const pdf = createChromiumPdfPrinter()
  const progress = new ProgressLine(m.progressExport)
  const interrupt = cancelOnInterrupt(() => {
    progress.end()
    say(m.stoppingExport)
  })
  try {
    const result = await exportCase(file, target, {
      actor,
      keys: new OfficerKeys(data.dir),
      anchors: new ChainAnchors(data.dir),
      clock: () => new Date(),
      generator: `Evidence Desk ${appVersion()}`,
      violationIds: values.violation as string[] | undefined,
      recordSourcePaths: values['source-paths'] === true,
      pdf,
      signal: interrupt.signal,
      onNotice: (_message, code) => {
        progress.end()
        say(m.notice[code])
      },
      onProgress: (p) =>
        progress.update({
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          filesDone: p.filesDone,
          filesTotal: p.filesTotal,
          current: p.currentFile,
        }),
    })
    progress.end()
    say(m.exported(result.files, result.bytes, result.path))
    if (result.sha256) say(m.zipSha256(result.sha256))
    say(m.signedBy(result.signer.name, groupFingerprint(result.signer.fingerprint)))
    if (values.json) printJson(result)
    return EXIT_OK
  } finally {
    progress.end()
    interrupt.release()
    await pdf?.close()
    file.close()
  }
}
