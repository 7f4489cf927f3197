import { violationInputSchema } from '../../shared/api'
import type { Violation } from '../../shared/violation-types'
import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { fieldErrors } from '../../core/api/zod-errors'
import { listViolations, saveViolation } from '../../core/violations'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'

const ADD_USAGE =
  'evidesk violation add <case-dir> --title <t> --basis <legal-basis-id> [--basis <id>]… [--description <d>] [--place <p>] [--from <ISO instant>] [--to <ISO instant>] [--status draft|confirmed|transferred] [--actor "<name>:<cert-no>"] [--json]'
const LIST_USAGE = 'evidesk violation list <case-dir> [--all] [--json]'

/** `evidesk violation add|list …` */
export async function violationCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv
  if (sub === 'add') return violationAdd(rest)
  if (sub === 'list') return violationList(rest)
  throw new UsageError(`violation needs a subcommand\nusage: ${ADD_USAGE}\n       ${LIST_USAGE}`)
}

async function violationAdd(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      title: { type: 'string' },
      basis: { type: 'string', multiple: true },
      description: { type: 'string' },
      place: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      status: { type: 'string' },
      actor: { type: 'string' },
    },
    ADD_USAGE,
  )
  if (positionals.length !== 1) throw new UsageError(`give exactly one case folder\nusage: ${ADD_USAGE}`)
  if (!values.title) throw new UsageError(`--title is required\nusage: ${ADD_USAGE}`)
  // Same schema as the app's form, so the command line accepts exactly what the UI accepts.
  const parsed = violationInputSchema.safeParse({
    title: values.title,
    facts: values.description ?? '',
    occurredFrom: values.from ?? null,
    occurredTo: values.to ?? null,
    place: values.place ?? '',
    basis: (values.basis as string[] | undefined) ?? [],
    status: values.status ?? 'draft',
  })
  if (!parsed.success)
    throw new EvidenceError('invalid-input', 'Some options are not valid.', {
      fields: fieldErrors(parsed.error),
    })
  const actor = actorFrom(values.actor as string | undefined)
  const file = CaseFile.open(positionals[0])
  try {
    const v = saveViolation(file, parsed.data, actor, () => new Date())
    if (values.json) printJson(v)
    say(`${v.number} ${v.title}  [${v.status}]  ${v.basis.join(', ') || '(no legal basis yet)'}`)
    return EXIT_OK
  } finally {
    file.close()
  }
}

function describe(v: Violation): string {
  const active = v.links.filter((l) => l.removedAt === null)
  const broken = active.filter((l) => l.problem !== null).length
  return `${v.number.padEnd(4)} ${v.status.padEnd(11)} ${String(active.length).padStart(3)} links${broken ? ` (${broken} broken)` : ''}  ${v.title}  ${v.basis.join(', ')}${v.withdrawnAt ? `  — withdrawn: ${v.withdrawnReason ?? ''}` : ''}`
}

async function violationList(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { all: { type: 'boolean' } }, LIST_USAGE)
  if (positionals.length !== 1) throw new UsageError(`give exactly one case folder\nusage: ${LIST_USAGE}`)
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const violations = listViolations(file.db, { includeWithdrawn: Boolean(values.all) })
    if (values.json) printJson(violations)
    else if (violations.length === 0) say('no violations recorded')
    else for (const v of violations) say(describe(v))
    return EXIT_OK
  } finally {
    file.close()
  }
}
