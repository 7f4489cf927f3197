import { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { getItem } from '../../core/evidence/item-repository'
import { monitoringView } from '../../core/evidence/kinds/monitoring/view'
import { compareMonitoring } from '../../core/monitoring-compare/compare-items'
import type { ComparedSeries, ComparisonThreshold } from '../../shared/kinds/monitoring-compare'
import { comparisonFacts } from '../../shared/kinds/monitoring-compare-words'
import type { EvidenceItem } from '../../shared/types'
import { EXIT_OK, UsageError, actorFrom, parse, printJson, say } from '../cli-support'
import { language, messages } from '../i18n'

const USAGE =
  'evidesk compare <case-dir> <E00A> <E00B> --threshold <5 | 10%> --reason <why> [--series <factor>] [--column-a <column>] [--column-b <column>] [--from <ISO instant>] [--to <ISO instant>] [--actor "<name>:<cert-no>"] [--json]'

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

/** "5" → 5 in the series' unit; "10%" → 10 % of A's value. */
function parseThreshold(text: string | undefined): ComparisonThreshold {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%)?\s*$/.exec(text ?? '')
  if (!m || !(Number(m[1]) > 0))
    throw new UsageError(
      messages().badArguments(`--threshold must be a positive number, or a percent such as 10%`, USAGE),
    )
  return { kind: m[2] ? 'percent' : 'absolute', value: Number(m[1]) }
}

function instant(text: string | undefined, flag: string): string | null {
  if (text === undefined) return null
  if (!INSTANT.test(text) || Number.isNaN(Date.parse(text)))
    throw new UsageError(
      messages().badArguments(
        `${flag} must be an ISO 8601 instant with its offset, e.g. 2021-05-24T02:00:00+08:00`,
        USAGE,
      ),
    )
  return text
}

/**
 * The series of `item` to compare: the column named, else the factor's series that its limit is
 * compared with (折算 by default), else the factor's only series. Read from the item's import
 * summary; EvidenceError naming the series there are when the choice is not clear.
 */
function pickSeries(
  item: EvidenceItem,
  factor: string | undefined,
  column: string | undefined,
): ComparedSeries {
  if (item.kind !== 'monitoring')
    throw new EvidenceError('invalid-input', `${item.number} is not online-monitoring data.`)
  const all = item.meta.series ?? []
  const named = all.filter(
    (s) =>
      (!factor || s.pollutant.toLowerCase() === factor.toLowerCase()) && (!column || s.column === column),
  )
  const judged = named.filter((s) => s.judged === true)
  const chosen = column ? named : judged.length === 1 ? judged : named
  if (chosen.length !== 1)
    throw new EvidenceError(
      'invalid-input',
      `${item.number}: ${chosen.length === 0 ? 'no' : 'more than one'} series fits${factor ? ` ${factor}` : ''}${
        column ? ` "${column}"` : ''
      }; choose one with --series and --column-a/--column-b. Its series: ${
        all
          .map((s) => `${typeof s.outlet === 'string' ? `${s.outlet} ` : ''}${s.pollutant} "${s.column}"`)
          .join(', ') || 'none'
      }.`,
    )
  const s = chosen[0]
  return {
    pollutant: s.pollutant,
    ...(typeof s.outlet === 'string' && s.outlet ? { outlet: s.outlet } : {}),
    column: s.column,
  }
}

/**
 * `evidesk compare`: the tamper comparison (数据比对) of two monitoring items, or of two columns
 * of one, saved as a derived item exactly as the app saves it, with its custody event; prints the
 * windows over the threshold in words (or, with --json, the new item, windows, counts and facts).
 */
export async function compareCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      threshold: { type: 'string' },
      reason: { type: 'string' },
      series: { type: 'string' },
      'column-a': { type: 'string' },
      'column-b': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      actor: { type: 'string' },
    },
    USAGE,
  )
  if (positionals.length !== 3)
    throw new UsageError(messages().badArguments('give a case folder and two evidence items', USAGE))
  const threshold = parseThreshold(values.threshold as string | undefined)
  const reason = (values.reason as string | undefined)?.trim() ?? ''
  if (!reason)
    throw new UsageError(messages().badArguments('--reason is required: the custody log says why', USAGE))
  const start = instant(values.from as string | undefined, '--from')
  const end = instant(values.to as string | undefined, '--to')
  const actor = actorFrom(values.actor as string | undefined)

  const file = CaseFile.open(positionals[0])
  try {
    const [a, b] = positionals.slice(1).map((ref) => {
      const item = getItem(file.db, ref)
      if (!item)
        throw new EvidenceError('not-found', `No evidence item ${ref} in this case; nothing was compared.`)
      return item
    })
    const factor = values.series as string | undefined
    const seriesA = pickSeries(a, factor, values['column-a'] as string | undefined)
    const seriesB = pickSeries(b, factor ?? seriesA.pollutant, values['column-b'] as string | undefined)
    const result = await compareMonitoring(
      file,
      { itemA: a.id, seriesA, itemB: b.id, seriesB, threshold, start, end, reason },
      actor,
      () => new Date(),
    )
    const view = await monitoringView(file, result.id!)
    const c = view.comparison!
    const facts = { 'zh-CN': comparisonFacts(c, 'zh-CN'), en: comparisonFacts(c, 'en') }
    if (values.json)
      printJson({ ...result, windows: c.windows, counts: c.counts, parameters: c.parameters, facts })
    say(messages().comparisonMade(result.number ?? '', a.number, b.number))
    for (const line of facts[language()]) say(`  ${line}`)
    return EXIT_OK
  } finally {
    file.close()
  }
}
