import { CaseFile } from '../../core/case/case-file'
import { checkCase } from '../../core/case/integrity'
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  actorFrom,
  endProgress,
  parse,
  printJson,
  progressLine,
  say,
} from '../cli-support'

export async function checkCommand(argv: string[]): Promise<number> {
  const usage = 'evidesk check <case-dir> [--json]'
  const { values, positionals } = parse(argv, { actor: { type: 'string' } }, usage)
  if (positionals.length !== 1) throw new UsageError(`usage: ${usage}`)
  const file = CaseFile.open(positionals[0])
  try {
    const result = await checkCase(file, actorFrom(values.actor as string | undefined), () => new Date(), {
      onProgress: (p) =>
        progressLine(`checking ${p.done}/${p.total} objects, ${(p.bytesDone / 1e6).toFixed(0)} MB`),
    })
    endProgress()
    for (const b of result.objects.bad) say(`${b.number} ${b.sha256}: ${b.problem}`)
    if (!result.custody.intact)
      say(`custody log broken at seq ${result.custody.firstBadSeq}: ${result.custody.problem}`)
    say(
      result.ok
        ? `ok: ${result.objects.checked} objects and ${result.custody.events} custody events verified`
        : 'check FAILED',
    )
    if (values.json) {
      printJson({
        ok: result.ok,
        objects: result.objects,
        custody: {
          events: result.custody.events,
          intact: result.custody.intact,
          firstBadSeq: result.custody.firstBadSeq,
          problem: result.custody.problem,
        },
      })
    }
    return result.ok ? EXIT_OK : EXIT_PROBLEMS
  } finally {
    file.close()
  }
}
