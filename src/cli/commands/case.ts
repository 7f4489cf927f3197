import { caseEditSchema, caseFieldsSchema } from '../../shared/api'
import type { CaseInfo } from '../../shared/types'
import { defaultCaseTimeZone, systemTimeZone } from '../../shared/time-zone'
import { CaseFile } from '../../core/case/case-file'
import { fieldErrors } from '../../core/api/zod-errors'
import { EvidenceError } from '../../core/errors'
import { EXIT_OK, UsageError, parse, parseOfficer, printJson, say, actorFrom } from '../cli-support'
import { messages } from '../i18n'

const INIT_USAGE =
  'evidesk case init <case-dir> --number <case-number> --title <title> --officer "<name>:<cert-no>" --officer "<name>:<cert-no>" [--subject <enterprise>] [--credit-code <code>] [--unit <organisation>] [--timezone <IANA>] [--cause <cause>] [--json]'
const SHOW_USAGE = 'evidesk case show <case-dir> [--json]'
const EDIT_USAGE =
  'evidesk case edit <case-dir> --reason <why> [--number …] [--title …] [--cause …] [--subject …] [--credit-code …] [--address …] [--legal-rep …] [--unit …] [--officer "<name>:<cert-no>"]… [--actor "<name>:<cert-no>"] [--json]'

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
  if (sub === 'edit') return caseEdit(rest)
  throw new UsageError(messages().unknownSubcommand('case', sub ?? '', [INIT_USAGE, SHOW_USAGE, EDIT_USAGE]))
}

/** The case-field options shared by init and edit. */
const FIELD_OPTIONS = {
  number: { type: 'string' },
  title: { type: 'string' },
  cause: { type: 'string' },
  officer: { type: 'string', multiple: true },
  subject: { type: 'string' },
  'credit-code': { type: 'string' },
  address: { type: 'string' },
  'legal-rep': { type: 'string' },
  unit: { type: 'string' },
  actor: { type: 'string' },
} as const

function invalid(error: Parameters<typeof fieldErrors>[0], what: string): EvidenceError {
  const fields = fieldErrors(error)
  return new EvidenceError(
    'invalid-input',
    `${what}: ${fields.map((f) => `${f.path} (${f.code})`).join(', ')}.`,
    { fields },
  )
}

async function caseInit(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...FIELD_OPTIONS, timezone: { type: 'string' } }, INIT_USAGE)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(INIT_USAGE))
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
    // a machine set to UTC says nothing about where the case is: Asia/Shanghai then (issue 15)
    timezone: values.timezone ?? defaultCaseTimeZone(systemTimeZone()),
  })
  if (!parsed.success) throw invalid(parsed.error, 'The case details are not valid')
  const fields = parsed.data
  const actor = actorFrom((values.actor as string | undefined) ?? `${officers[0].name}:${officers[0].certNo}`)
  const file = CaseFile.create(positionals[0], fields, actor, () => new Date())
  try {
    const info = file.info()
    say(messages().caseCreated(info.number, info.dir))
    if (values.json) printJson(caseJson(info))
  } finally {
    file.close()
  }
  return EXIT_OK
}

async function caseShow(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, SHOW_USAGE)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(SHOW_USAGE))
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const info = file.info()
    if (values.json) printJson(caseJson(info))
    else say(messages().caseSummary(info))
  } finally {
    file.close()
  }
  return EXIT_OK
}

/**
 * `evidesk case edit`: changes the fields given (the rest stay) with a reason; each changed
 * field is its own custody event carrying the old value, the new one and the reason.
 */
async function caseEdit(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...FIELD_OPTIONS, reason: { type: 'string' } }, EDIT_USAGE)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(EDIT_USAGE))
  const reason = (values.reason as string | undefined)?.trim() ?? ''
  if (!reason)
    throw new EvidenceError('invalid-input', 'A case edit needs a reason (--reason); nothing was changed.', {
      fields: [{ path: 'reason', code: 'required', message: 'reason: required' }],
    })
  const file = CaseFile.open(positionals[0])
  try {
    const before = file.info()
    const subjectGiven = (['subject', 'credit-code', 'address', 'legal-rep'] as const).some(
      (k) => values[k] !== undefined,
    )
    const officers = (values.officer as string[] | undefined)?.map(parseOfficer)
    const parsed = caseEditSchema.safeParse({
      number: values.number,
      title: values.title,
      cause: values.cause,
      unit: values.unit,
      subject: subjectGiven
        ? {
            name: values.subject ?? before.subject.name,
            creditCode: values['credit-code'] ?? before.subject.creditCode,
            address: values.address ?? before.subject.address,
            legalRep: values['legal-rep'] ?? before.subject.legalRep,
          }
        : undefined,
      officers,
    })
    if (!parsed.success) throw invalid(parsed.error, 'The case edit is not valid; nothing was changed')
    const actor = actorFrom(values.actor as string | undefined)
    const eventsBefore = before.custodyEventCount
    const info = file.update(parsed.data, actor, () => new Date(), { reason })
    const changed = info.custodyEventCount - eventsBefore
    say(changed > 0 ? messages().caseEdited(info.number, changed) : messages().caseUnchanged)
    if (values.json) printJson(caseJson(info))
    return EXIT_OK
  } finally {
    file.close()
  }
}
