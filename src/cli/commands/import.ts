import { CaseFile } from '../../core/case/case-file'
import { importPaths } from '../../core/evidence/import'
import type { ImportFileResult } from '../../shared/types'
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  actorFrom,
  endProgress,
  parse,
  progressLine,
  say,
} from '../cli-support'

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

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { actor: { type: 'string' } }, USAGE)
  if (positionals.length < 2)
    throw new UsageError(`give a case folder and at least one file or folder\nusage: ${USAGE}`)
  const [caseDir, ...paths] = positionals
  const actor = actorFrom(values.actor as string | undefined)
  const file = CaseFile.open(caseDir)
  const controller = new AbortController()
  const onSignal = () => {
    say('\nstopping: files being copied are discarded, finished ones stay recorded…')
    controller.abort()
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  const started = Date.now()
  try {
    const summary = await importPaths(file, paths, {
      actor,
      clock: () => new Date(),
      signal: controller.signal,
      onProgress: (p) => {
        const secs = (Date.now() - started) / 1000
        const rate = secs > 0 ? p.bytesDone / secs : 0
        progressLine(
          `${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / 1e6).toFixed(0)}/${(p.bytesTotal / 1e6).toFixed(0)} MB, ${(rate / 1e6).toFixed(0)} MB/s  ${p.currentFile ?? ''}`,
        )
      },
      onResult: (r) => {
        if (values.json) process.stdout.write(JSON.stringify(resultLine(r)) + '\n')
        endProgress()
        const tag =
          r.status === 'imported' ? (r.warnings.length ? 'kept with warnings' : 'imported') : r.status
        say(
          `${r.number ?? '    '} ${tag.padEnd(18)} ${r.path}${r.error ? ` — ${r.error.message}` : ''}${r.warnings.map((w) => `\n       ⚠ ${w.code}: ${w.message}`).join('')}`,
        )
      },
    })
    endProgress()
    const count = (s: string) => summary.results.filter((r) => r.status === s).length
    say(
      `${count('imported')} imported, ${count('duplicate')} duplicate, ${count('rejected')} rejected${summary.cancelled ? ' (cancelled)' : ''}`,
    )
    return count('rejected') > 0 || summary.cancelled ? EXIT_PROBLEMS : EXIT_OK
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    file.close()
  }
}
