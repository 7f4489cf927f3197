import { CaseFile } from '../../core/case/case-file'
import { getItem, itemSources, queryItems } from '../../core/evidence/item-repository'
import { listCustodyEvents } from '../../core/custody/custody-log'
import { EvidenceError } from '../../core/errors'
import { EXIT_OK, UsageError, parse, printJson, printable, say } from '../cli-support'
import { messages } from '../i18n'

export async function listCommand(argv: string[]): Promise<number> {
  const usage = 'evidesk list <case-dir> [--json]'
  const { values, positionals } = parse(argv, {}, usage)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(usage))
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const { items } = queryItems(file.db)
    if (values.json) printJson(items)
    else if (items.length === 0) say(messages().noEvidence)
    else
      for (const i of items)
        say(
          `${i.number}  ${i.kind.padEnd(10)} ${i.capturedAt ?? '—'.padEnd(25)}  ${printable(i.originalName)}${i.warnings.length ? `  ⚠ ${i.warnings.map((w) => w.code).join(', ')}` : ''}`,
        )
  } finally {
    file.close()
  }
  return EXIT_OK
}

/** `evidesk show`: one item as `list` gives it, with where it came from and its custody events. */
export async function showCommand(argv: string[]): Promise<number> {
  const usage = 'evidesk show <case-dir> <id|number> [--json]'
  const { values, positionals } = parse(argv, {}, usage)
  if (positionals.length !== 2) throw new UsageError(messages().caseAndItem(usage))
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const item = getItem(file.db, positionals[1])
    if (!item) throw new EvidenceError('not-found', `No evidence item ${positionals[1]} in this case.`)
    const custody = listCustodyEvents(file.db, 0, 100_000, item.id)
    const sources = itemSources(file.db, item.id)
    if (values.json) printJson({ ...item, sources, custody })
    else say(messages().itemSummary({ ...item, originalName: printable(item.originalName) }, custody.length))
  } finally {
    file.close()
  }
  return EXIT_OK
}
