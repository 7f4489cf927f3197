import { addAnnotation } from '../../core/annotations/annotation-store'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { getItem } from '../../core/evidence/item-repository'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { messages } from '../i18n'
import { CITATION_OPTIONS, CITATION_USAGE, checkCitationFlags, citationFromOptions } from './citation-options'

const USAGE = `evidesk annotate <case-dir> <evidence-id|E001> (${CITATION_USAGE}) [--note <what it shows>] [--actor "<name>:<cert-no>"] [--json]`

/**
 * `evidesk annotate`: cites part of an item (a time range, a region, a quote or a data range)
 * without linking it to a violation. The anchor is checked against the item by core's
 * addAnnotation, as for a citation made in the app; the custody event is written with it.
 */
export async function annotateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, CITATION_OPTIONS, USAGE)
  if (positionals.length !== 2) throw new UsageError(messages().caseAndItem(USAGE))
  if (!checkCitationFlags(values, USAGE)) throw new UsageError(messages().citationNeeded(USAGE))
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
    const citation = citationFromOptions(file, item, values)
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
