import { violationInputSchema, type ViolationInput } from '../../shared/api'
import type { Violation } from '../../shared/violation-types'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { fieldErrors } from '../../core/api/zod-errors'
import { getViolation, listViolations, saveViolation, withdrawViolation } from '../../core/violations'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { messages } from '../i18n'

const FIELDS_USAGE =
  '[--description <d>] [--place <p>] [--from <ISO instant>] [--to <ISO instant>] [--status draft|confirmed|transferred] [--actor "<name>:<cert-no>"] [--json]'
const USAGE = {
  add: `evidesk violation add <case-dir> --title <t> --basis <legal-basis-id> [--basis <id>]… ${FIELDS_USAGE}`,
  list: 'evidesk violation list <case-dir> [--all] [--json]',
  edit: `evidesk violation edit <case-dir> <V1|violation-id> [--title <t>] [--basis <id>]… ${FIELDS_USAGE}`,
  confirm: 'evidesk violation confirm <case-dir> <V1|violation-id> [--actor "<name>:<cert-no>"] [--json]',
  withdraw:
    'evidesk violation withdraw <case-dir> <V1|violation-id> --reason <why> [--actor "<name>:<cert-no>"] [--json]',
}

const FIELD_OPTIONS = {
  title: { type: 'string' },
  basis: { type: 'string', multiple: true },
  description: { type: 'string' },
  place: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  status: { type: 'string' },
  actor: { type: 'string' },
} as const

/** `evidesk violation add|list|edit|confirm|withdraw …` */
export async function violationCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'add') return violationAdd(rest)
  if (sub === 'list') return violationList(rest)
  if (sub === 'edit') return violationEdit(rest)
  if (sub === 'confirm') return violationConfirm(rest)
  if (sub === 'withdraw') return violationWithdraw(rest)
  throw new UsageError(messages().unknownSubcommand('violation', sub ?? '', Object.values(USAGE)))
}

/** Same schema as the app's form, so the command line accepts exactly what the UI accepts. */
function checked(input: Record<string, unknown>): ViolationInput {
  const parsed = violationInputSchema.safeParse(input)
  if (!parsed.success)
    throw new EvidenceError('invalid-input', 'Some options are not valid; nothing was changed.', {
      fields: fieldErrors(parsed.error),
    })
  return parsed.data
}

/** Runs fn on the writable case with the acting officer, prints the violation, closes the case. */
async function withViolation(
  caseDir: string,
  actorText: string | undefined,
  json: boolean | undefined,
  fn: (file: CaseFile, actor: ReturnType<typeof actorFrom>) => Violation,
): Promise<number> {
  const actor = actorFrom(actorText)
  const file = CaseFile.open(caseDir)
  try {
    const v = fn(file, actor)
    if (json) printJson(v)
    say(describe(v))
    return EXIT_OK
  } finally {
    file.close()
  }
}

function requireViolation(file: CaseFile, ref: string): Violation {
  const v = getViolation(file.db, ref)
  if (!v) throw new EvidenceError('not-found', `No violation ${ref} in this case; nothing was changed.`)
  return v
}

async function violationAdd(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, FIELD_OPTIONS, USAGE.add)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(USAGE.add))
  const input = checked({
    title: values.title ?? '',
    facts: values.description ?? '',
    occurredFrom: values.from ?? null,
    occurredTo: values.to ?? null,
    place: values.place ?? '',
    basis: values.basis ?? [],
    status: values.status ?? 'draft',
  })
  return withViolation(positionals[0], values.actor, values.json, (file, actor) =>
    saveViolation(file, input, actor, () => new Date()),
  )
}

/** Changes the fields given; the others keep their value. `--basis` replaces the whole list. */
async function violationEdit(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, FIELD_OPTIONS, USAGE.edit)
  if (positionals.length !== 2) throw new UsageError(messages().caseAndViolation(USAGE.edit))
  return withViolation(positionals[0], values.actor, values.json, (file, actor) => {
    const v = requireViolation(file, positionals[1])
    const input = checked({
      id: v.id,
      title: values.title ?? v.title,
      facts: values.description ?? v.facts,
      occurredFrom: values.from ?? v.occurredFrom,
      occurredTo: values.to ?? v.occurredTo,
      place: values.place ?? v.place,
      basis: values.basis ?? v.basis,
      status: values.status ?? v.status,
    })
    return saveViolation(file, input, actor, () => new Date())
  })
}

/** Marks a draft violation confirmed (the facts are established); core refuses what cannot be. */
async function violationConfirm(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { actor: { type: 'string' } }, USAGE.confirm)
  if (positionals.length !== 2) throw new UsageError(messages().caseAndViolation(USAGE.confirm))
  return withViolation(positionals[0], values.actor, values.json, (file, actor) => {
    const v = requireViolation(file, positionals[1])
    const { id, title, facts, occurredFrom, occurredTo, place, basis } = v
    const input = checked({ id, title, facts, occurredFrom, occurredTo, place, basis, status: 'confirmed' })
    return saveViolation(file, input, actor, () => new Date())
  })
}

async function violationWithdraw(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    { reason: { type: 'string' }, actor: { type: 'string' } },
    USAGE.withdraw,
  )
  if (positionals.length !== 2) throw new UsageError(messages().caseAndViolation(USAGE.withdraw))
  const reason = (values.reason as string | undefined)?.trim() ?? ''
  if (!reason)
    throw new EvidenceError('invalid-input', 'Withdrawing a violation needs a reason (--reason).', {
      fields: [{ path: 'reason', code: 'required', message: 'reason: required' }],
    })
  return withViolation(positionals[0], values.actor, values.json, (file, actor) =>
    withdrawViolation(file, requireViolation(file, positionals[1]).id, reason, actor, () => new Date()),
  )
}

function describe(v: Violation): string {
  const active = v.links.filter((l) => l.removedAt === null)
  const broken = active.filter((l) => l.problem !== null).length
  return messages().violationLine({
    number: v.number,
    status: v.status,
    links: active.length,
    broken,
    title: v.title,
    basis: v.basis,
    withdrawnReason: v.withdrawnAt ? (v.withdrawnReason ?? '') : null,
  })
}

async function violationList(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { all: { type: 'boolean' } }, USAGE.list)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(USAGE.list))
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const violations = listViolations(file.db, { includeWithdrawn: Boolean(values.all) })
    if (values.json) printJson(violations)
    else if (violations.length === 0) say(messages().noViolations)
    else for (const v of violations) say(describe(v))
    return EXIT_OK
  } finally {
    file.close()
  }
}
