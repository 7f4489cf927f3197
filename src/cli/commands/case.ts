import { caseFieldsSchema } from '../../shared/api'
import type { CaseInfo } from '../../shared/types'
import { systemTimeZone } from '../../shared/time-zone'
import { CaseFile } from '../../core/case/case-file'
import { fieldErrors } from '../../core/api/zod-errors'
import { EvidenceError } from '../../core/errors'
import { EXIT_OK, UsageError, parse, parseOfficer, printJson, say, actorFrom } from '../cli-support'

const INIT_USAGE =
  'evidesk case init <case-dir> --number <案件编号> --title <title> --officer "<name>:<cert-no>" --officer "<name>:<cert-no>" [--subject <enterprise>] [--credit-code <code>] [--unit <organisation>] [--timezone <IANA>] [--cause <案由>] [--json]'

/** The shape CLI.md gives for `case show --json`. */
export function caseJson(info: CaseInfo) {
  return {
    id: info.id,
    number: info.number,
    title: info.title,
    subject: info.subject.name,
    creditCode: info.subject.creditCode,
    unit: info.unit,
    timezone: info.timezone,
    officers: info.officers.map((o) => ({ name: o.name, certNo: o.certNo })),
    createdAt: info.createdAt,
    evidenceCount: info.evidenceCount,
  }
}

export async function caseCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'init') return caseInit(rest)
  if (sub === 'show') return caseShow(rest)
  throw new UsageError(`unknown "case" command ${JSON.stringify(sub ?? '')}; use "case init" or "case show"`)
}

async function caseInit(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      number: { type: 'string' },
      title: { type: 'string' },
      cause: { type: 'string' },
      officer: { type: 'string', multiple: true },
      subject: { type: 'string' },
      'credit-code': { type: 'string' },
      address: { type: 'string' },
      'legal-rep': { type: 'string' },
      unit: { type: 'string' },
      timezone: { type: 'string' },
      actor: { type: 'string' },
    },
    INIT_USAGE,
  )
  if (positionals.length !== 1) throw new UsageError(`give exactly one case folder\nusage: ${INIT_USAGE}`)
  const officers = ((values.officer as string[] | undefined) ?? []).map(parseOfficer)
  const parsed = caseFieldsSchema.safeParse({
    number: values.number ?? '',
    title: values.title ?? '',
    cause: values.cause ?? '',
    subject: {
      name: values.subject ?? '',
      creditCode: values['credit-code'] ?? '',
      address: values.address ?? '',
      legalRep: values['legal-rep'] ?? '',
    },
    unit: values.unit ?? '',
    officers,
    timezone: values.timezone ?? systemTimeZone(),
  })
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error)
    throw new EvidenceError(
      'invalid-input',
      `The case details are not valid: ${fields.map((f) => `${f.path} (${f.code})`).join(', ')}.`,
      { fields },
    )
  }
  const fields = parsed.data
  const actor = actorFrom((values.actor as string | undefined) ?? `${officers[0].name}:${officers[0].certNo}`)
  const file = CaseFile.create(positionals[0], fields, actor, () => new Date())
  try {
    const info = file.info()
    say(`created case ${info.number} in ${info.dir}`)
    if (values.json) printJson(caseJson(info))
  } finally {
    file.close()
  }
  return EXIT_OK
}

async function caseShow(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, 'evidesk case show <case-dir> --json')
  if (positionals.length !== 1) throw new UsageError('usage: evidesk case show <case-dir> --json')
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const info = file.info()
    if (values.json) printJson(caseJson(info))
    else
      say(
        `${info.number}  ${info.title}\n${info.subject.name}  ${info.subject.creditCode}\n${info.officers.map((o) => `${o.name} (${o.certNo})`).join(', ')}\nevidence: ${info.evidenceCount}`,
      )
  } finally {
    file.close()
  }
  return EXIT_OK
}
