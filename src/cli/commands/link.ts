import type { ViolationLink } from '../../shared/violation-types'
import { addAnnotation } from '../../core/annotations/annotation-store'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { getItem } from '../../core/evidence/item-repository'
import { getViolation, linkEvidence } from '../../core/violations'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { messages } from '../i18n'
import { CITATION_OPTIONS, CITATION_USAGE, checkCitationFlags, citationFromOptions } from './citation-options'

const USAGE = `evidesk link <case-dir> <violation-id|V1> <evidence-id|E001> [${CITATION_USAGE}] [--note <what it proves>] [--actor "<name>:<cert-no>"] [--json]`

/**
 * `evidesk link`: links an item to a violation. With --start/--end, --quote, --region or a data range
 * (--pollutant/--from/--to) it first cites that part of the item and links the citation;
 * both happen in one transaction, so a refused link leaves no stray citation behind. Whether the
 * citation fits the item (kind, duration, size, text) is core's check in addAnnotation, the same
 * for every way a citation arrives; this command only turns its flags into an anchor.
 */
export async function linkCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, CITATION_OPTIONS, USAGE)
  if (positionals.length !== 3) throw new UsageError(messages().caseViolationItem(USAGE))
  const [caseDir, violationId, itemRef] = positionals
  checkCitationFlags(values, USAGE)
  const note = (values.note as string | undefined)?.trim() ?? ''
  const actor = actorFrom(values.actor as string | undefined)

  const file = CaseFile.open(caseDir)
  try {
    const item = getItem(file.db, itemRef)
    if (!item)
      throw new EvidenceError('not-found', `No evidence item ${itemRef} in this case; nothing was linked.`)
    // Check the violation before making a citation for it.
    if (!getViolation(file.db, violationId))
      throw new EvidenceError('not-found', `No violation ${violationId} in this case; nothing was linked.`)
    const citation = citationFromOptions(file, item, values)
    const link = file.db.transaction((): ViolationLink => {
      const annotation = citation
        ? addAnnotation(file, { itemId: item.id, ...citation, note }, actor, () => new Date())
        : null
      return linkEvidence(
        file,
        { violationId, itemId: item.id, annotationId: annotation?.id, note },
        actor,
        () => new Date(),
      )
    })()
    if (values.json) printJson(link)
    say(
      messages().linked(
        link.itemNumber,
        link.annotationType
          ? messages().citationWords(link.annotationType, link.anchor, file.info().timezone)
          : null,
        getViolation(file.db, link.violationId)!.number,
        note,
      ),
    )
    return EXIT_OK
  } finally {
    file.close()
  }
}
