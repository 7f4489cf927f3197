import { addAnnotation } from '../../core/annotations/annotation-store'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { getItem } from '../../core/evidence/item-repository'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { messages } from '../i18n'
import { checkOneCitation, citationFromOptions, type Citation } from './link'

const USAGE =
  'evidesk annotate <case-dir> <evidence-id|E001> (--start <sec> --end <sec> | --quote <text> | --region x,y,w,h | --pollutant <name> --from <ISO instant> --to <ISO instant>) [--note <what it shows>] [--actor "<name>:<cert-no>"] [--json]'

/** An ISO 8601 instant with its offset, as the monitoring viewer's data ranges carry them. */
function instant(text: string, flag: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim()) ||
    Number.isNaN(Date.parse(text))
  )
    throw new UsageError(messages().notInstant(flag, text))
  return new Date(text).toISOString()
}

/**
 * `evidesk annotate`: cites part of an item (a time range, a region, a quote or a data range)
 * without linking it to a violation. The anchor is checked against the item by core's
 * addAnnotation, as for a citation made in the app; the custody event is written with it.
 */
export async function annotateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      start: { type: 'string' },
      end: { type: 'string' },
      quote: { type: 'string' },
      region: { type: 'string' },
      pollutant: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      note: { type: 'string' },
      actor: { type: 'string' },
    },
    USAGE,
  )
  if (positionals.length !== 2) throw new UsageError(messages().caseAndItem(USAGE))
  const dataRange = values.pollutant !== undefined || values.from !== undefined || values.to !== undefined
  const others = [values.start, values.end, values.quote, values.region].some((v) => v !== undefined)
  if (dataRange && others) throw new UsageError(messages().oneCitation(USAGE))
  if (dataRange && (values.pollutant === undefined || values.from === undefined || values.to === undefined))
    throw new UsageError(messages().dataRangeTogether(USAGE))
  checkOneCitation(values, USAGE)
  if (!dataRange && !others) throw new UsageError(messages().citationNeeded(USAGE))
  const note = (values.note as string | undefined)?.trim() ?? ''
  const actor = actorFrom(values.actor as string | undefined)

  const file = CaseFile.open(positionals[0])
  try {
    const item = getItem(file.db, positionals[1])
    if (!item)
      throw new EvidenceError(
        'not-found',
        `No evidence item ${positionals[1]} in this case; nothing was cited.`,
      )
    let citation: Citation | null
    if (dataRange) {
      const start = instant(values.from as string, '--from')
      const end = instant(values.to as string, '--to')
      if (end <= start) throw new UsageError(messages().endBeforeStart(start, end))
      citation = {
        type: 'data-range',
        anchor: { pollutant: (values.pollutant as string).trim(), start, end },
      }
    } else citation = citationFromOptions(file, item, values)
    if (!citation) throw new UsageError(messages().citationNeeded(USAGE))
    const annotation = addAnnotation(file, { itemId: item.id, ...citation, note }, actor, () => new Date())
    if (values.json) printJson(annotation)
    say(
      messages().annotated(
        item.number,
        messages().citationWords(annotation.type, annotation.anchor, file.info().timezone),
        note,
      ),
    )
    return EXIT_OK
  } finally {
    file.close()
  }
}
