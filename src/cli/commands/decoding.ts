import { CHOOSABLE_TEXT_ENCODINGS, type ChoosableTextEncoding } from '../../shared/text-encodings'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { getItem } from '../../core/evidence/item-repository'
import { setTextDecoding } from '../../core/evidence/text-decoding'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { messages } from '../i18n'

const USAGE =
  'evidesk decoding <case-dir> <evidence-id|E001> [--as <encoding> --reason <why>] [--actor "<name>:<cert-no>"] [--json]'

interface Candidate {
  encoding: string
  confidence: number
}

function isChoosable(text: string): text is ChoosableTextEncoding {
  return (CHOOSABLE_TEXT_ENCODINGS as readonly string[]).includes(text)
}

/**
 * `evidesk decoding`: how a text original is read (the detector's decoding and its candidates),
 * or with --as and a reason, read it in another decoding from now on — a custody event; the
 * original's bytes never change.
 */
export async function decodingCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { as: { type: 'string' }, reason: { type: 'string' }, actor: { type: 'string' } },
    USAGE,
  )
  if (positionals.length !== 2) throw new UsageError(messages().caseAndItem(USAGE))
  const wanted = (values.as as string | undefined)?.trim().toLowerCase()
  const reason = (values.reason as string | undefined)?.trim() ?? ''
  if (wanted !== undefined && !isChoosable(wanted))
    throw new UsageError(messages().unknownEncoding(wanted, CHOOSABLE_TEXT_ENCODINGS.join(', ')))
  if (wanted !== undefined && !reason)
    throw new EvidenceError(
      'invalid-input',
      'Choosing another decoding needs a reason (--reason); nothing was changed.',
      {
        fields: [{ path: 'reason', code: 'required', message: 'reason: required' }],
      },
    )
  const file = CaseFile.open(positionals[0], { readOnly: wanted === undefined })
  try {
    const found = getItem(file.db, positionals[1])
    if (!found) throw new EvidenceError('not-found', `No evidence item ${positionals[1]} in this case.`)
    const item = wanted
      ? await setTextDecoding(
          file,
          found.id,
          wanted,
          reason,
          actorFrom(values.actor as string | undefined),
          () => new Date(),
        )
      : found
    const encoding = typeof item.meta.encoding === 'string' ? item.meta.encoding : null
    const candidates = ((item.meta as { encodingCandidates?: Candidate[] }).encodingCandidates ?? []).filter(
      (c) => typeof c?.encoding === 'string',
    )
    const chosen = (item.meta as { encodingChosen?: boolean }).encodingChosen === true
    if (values.json)
      printJson({ id: item.id, number: item.number, encoding, chosenByOfficer: chosen, candidates })
    else if (wanted)
      say(
        messages().decodingSet(
          item.number,
          wanted.toUpperCase(),
          (found.meta.encoding as string | undefined)?.toUpperCase() ?? '',
        ),
      )
    else
      say(
        messages().decodingNow(
          item.number,
          encoding?.toUpperCase() ?? '',
          chosen,
          candidates.map((c) => `${c.encoding.toUpperCase()} ${c.confidence}%`).join(', '),
        ),
      )
    return EXIT_OK
  } finally {
    file.close()
  }
}
