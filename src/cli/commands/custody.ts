import { custodyActionLabel } from '../../shared/custody-labels'
import { formatLocalWithOffset, zoneOffsetMinutes } from '../../shared/time-zone'
import { CaseFile } from '../../core/case/case-file'
import { custodyJsonLine, iterateCustodyEvents } from '../../core/custody/custody-log'
import { EXIT_OK, UsageError, parse } from '../cli-support'
import { language, messages } from '../i18n'
import { custodyDetailsInWords, itemFacts, sentenceText, type ItemFacts } from '../../shared/custody-words'
import { getItem } from '../../core/evidence/item-repository'

const USAGE = 'evidesk custody <case-dir> [--json]'

/**
 * `evidesk custody`: the custody log in words (times in the case's zone with their offset), or
 * with --json as JSON lines, byte for byte the lines a package's custody-log.jsonl carries.
 */
export async function custodyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {}, USAGE)
  if (positionals.length !== 1) throw new UsageError(messages().oneCaseFolder(USAGE))
  const file = CaseFile.open(positionals[0], { readOnly: true })
  try {
    const zone = file.info().timezone
    const lang = language()
    const m = messages()
    // the same sentences as the app's 监管链记录 screen and the package report (shared/custody-words)
    const facts = new Map<string, ItemFacts | null>()
    const item = (id: string): ItemFacts | null => {
      if (!facts.has(id)) {
        const found = getItem(file.db, id)
        facts.set(id, found ? itemFacts(found) : null)
      }
      return facts.get(id) ?? null
    }
    let lines: string[] = []
    const flush = (): void => {
      if (lines.length === 0) return
      if (values.json) process.stdout.write(lines.join('\n') + '\n')
      else process.stderr.write(lines.join('\n') + '\n')
      lines = []
    }
    for (const e of iterateCustodyEvents(file.db)) {
      if (values.json) lines.push(custodyJsonLine(e))
      else {
        const when = formatLocalWithOffset(e.at, zoneOffsetMinutes(zone, Date.parse(e.at)))
        const who = m.officer(e.actor.name, e.actor.certNo)
        lines.push(
          `${String(e.seq).padStart(4)}  ${when}  ${who}  ${custodyActionLabel(e.action, lang)}  ${sentenceText(custodyDetailsInWords(e, { lang, timezone: zone, item }))}`,
        )
      }
      if (lines.length >= 500) flush()
    }
    flush()
    return EXIT_OK
  } finally {
    file.close()
  }
}
