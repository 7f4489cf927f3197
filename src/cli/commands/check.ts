import { CaseFile } from '../../core/case/case-file'
import { checkCase } from '../../core/case/integrity'
import { OfficerKeys } from '../../core/signing/officer-key'
import { chainWitnesses } from '../../core/signing/checkpoint-signer'
import {
  EXIT_OK,
  EXIT_PROBLEMS,
  UsageError,
  actorFrom,
  appData,
  cancelOnInterrupt,
  parse,
  printJson,
  printable,
  say,
} from '../cli-support'
import { messages } from '../i18n'
import { ProgressLine } from '../progress-line'

export async function checkCommand(argv: string[]): Promise<number> {
  const usage = 'evidesk check <case-dir> [--remove-orphans] [--json]'
  const { values, positionals } = parse(
    argv,
    { actor: { type: 'string' }, 'remove-orphans': { type: 'boolean' } },
    usage,
  )
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(usage))
  const file = CaseFile.open(positionals[0])
  const m = messages()
  const progress = new ProgressLine(m.progressCheck)
  const interrupt = cancelOnInterrupt(() => {
    progress.end()
    say(m.stoppingCheck)
  })
  try {
    const actor = actorFrom(values.actor as string | undefined)
    const data = appData()
    const result = await checkCase(file, actor, () => new Date(), {
      // compared with the heads and keys kept in the app data folder; this check's head is added, signed
      ...chainWitnesses(data.dir, new OfficerKeys(data.dir), actor),
      signal: interrupt.signal,
      removeOrphans: values['remove-orphans'] === true,
      onProgress: (p) =>
        progress.update({
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
          filesDone: p.done,
          filesTotal: p.total,
        }),
    })
    progress.end()
    for (const b of result.objects.bad) say(m.badObject(b.number, b.sha256, b.problem))
    for (const p of result.partialExportsRemoved ?? []) say(m.partialRemoved(printable(p)))
    if (result.orphansRemoved) say(m.orphansRemoved(result.orphansRemoved.length))
    if (result.orphans) say(m.orphansFound(result.orphans.map((o) => o.sha256)))
    if (!result.custody.intact) say(m.custodyBroken(result.custody.firstBadSeq, result.custody.problem ?? ''))
    say(result.ok ? m.checkOk(result.objects.checked, result.custody.events) : m.checkFailed)
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
        orphans: result.orphans ?? [],
        ...(result.orphansRemoved ? { orphansRemoved: result.orphansRemoved } : {}),
      })
    }
    return result.ok ? EXIT_OK : EXIT_PROBLEMS
  } finally {
    progress.end()
    interrupt.release()
    file.close()
  }
}
