import { CaseFile } from '../../core/case/case-file'
import { importPaths } from '../../core/evidence/import'
import type { ImportFileResult } from '../../shared/types'
import {
  EXIT_CANNOT_RUN,
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  actorFrom,
  appData,
  cancelOnInterrupt,
  parse,
  printable,
  say,
} from '../cli-support'
import { messages } from '../i18n'
import { ProgressLine } from '../progress-line'

const USAGE = 'evidesk import <case-dir> <path>… [--actor "<name>:<cert-no>"] [--json]'

/** CLI.md's NDJSON line for one file. */
function resultLine(r: ImportFileResult) {
  return {
    path: r.path,
    status: r.status,
    id: r.id,
    number: r.number,
    sha256: r.sha256,
    kind: r.kind,
    warnings: r.warnings,
    ...(r.error ? { error: r.error } : {}),
  }
}

/** A result with the names and messages from the card escaped for the terminal (item 16). */
function printableResult(r: ImportFileResult): ImportFileResult {
  return {
    ...r,
    path: printable(r.path),
    ...(r.error ? { error: { ...r.error, message: printable(r.error.message) } } : {}),
    warnings: r.warnings.map((w) => ({ ...w, message: printable(w.message) })),
  }
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { actor: { type: 'string' } }, USAGE)
  if (positionals.length < 2) throw new UsageError(messages().caseAndSources(USAGE))
  const [caseDir, ...paths] = positionals
  const actor = actorFrom(values.actor as string | undefined)
  const file = CaseFile.open(caseDir)
  const m = messages()
  const progress = new ProgressLine(m.progressImport)
  const interrupt = cancelOnInterrupt(() => {
    progress.end()
    say(m.stoppingImport)
  })
  try {
    const summary = await importPaths(file, paths, {
      actor,
      clock: () => new Date(),
      signal: interrupt.signal,
      // the profile and the signing keys are never evidence, whatever is chosen or linked
      forbiddenRoots: [appData().dir],
      onProgress: (p) =>
        progress.update({
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          filesDone: p.filesDone,
          filesTotal: p.filesTotal,
          current: p.currentFile,
        }),
      onResult: (r) => {
        if (values.json) process.stdout.write(JSON.stringify(resultLine(r)) + '\n')
        progress.end()
        say(m.importResult(printableResult(r)))
      },
    })
    progress.end()
    const count = (s: string) => summary.results.filter((r) => r.status === s).length
    const warned = summary.results.filter((r) => r.status === 'imported' && r.warnings.length > 0).length
    say(m.importSummary(count('imported'), warned, count('duplicate'), count('rejected'), summary.cancelled))
    if (summary.problem) say(m.importProblem(summary.problem))
    if (summary.cancelled) return EXIT_CANNOT_RUN
    return count('rejected') > 0 ? EXIT_PROBLEMS : EXIT_OK
  } finally {
    progress.end()
    interrupt.release()
    file.close()
  }
}
