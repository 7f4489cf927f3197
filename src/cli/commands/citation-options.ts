/**
 * The flags by which `evidesk link` and `evidesk annotate` describe part of an item — a time range,
 * a quote, a region or a data range — turned into the anchor core checks (addAnnotation decides
 * whether it fits the item; this only reads the flags).
 */
import type { Citation } from '../../shared/citations'
import type { EvidenceItem } from '../../shared/types'
import { indexedText } from '../../core/annotations/anchor-bounds'
import type { CaseFile } from '../../core/case/case-file'
import { EvidenceError } from '../../core/errors'
import { UsageError, say } from '../cli-support'
import { messages } from '../i18n'
import { MONITORING_BASES, type MonitoringBasis } from '../../shared/kinds/monitoring-words'

export type { Citation }

/** parseArgs options of the citation flags, with --note and --actor that go with them. */
export const CITATION_OPTIONS = {
  start: { type: 'string' },
  end: { type: 'string' },
  quote: { type: 'string' },
  region: { type: 'string' },
  pollutant: { type: 'string' },
  outlet: { type: 'string' },
  basis: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  note: { type: 'string' },
  actor: { type: 'string' },
} as const

/** How the citation flags are written in a usage line. */
export const CITATION_USAGE =
  '--start <sec> --end <sec> | --quote <text> | --region x,y,w,h | --pollutant <name> [--outlet <name>] [--basis measured|dry|converted|rate] --from <ISO instant> --to <ISO instant>'

export interface CitationOptions {
  start?: string
  end?: string
  quote?: string
  region?: string
  pollutant?: string
  outlet?: string
  basis?: string
  from?: string
  to?: string
}

/**
 * Checks the citation flags before anything is opened: refuses two kinds of citation at once, a
 * time range with one end and a data range without its factor or either end. True when one is given.
 */
export function checkCitationFlags(values: CitationOptions, usage: string): boolean {
  const timed = values.start !== undefined || values.end !== undefined
  const ranged = [values.pollutant, values.outlet, values.basis, values.from, values.to].some(
    (v) => v !== undefined,
  )
  const kinds = [timed, values.quote !== undefined, values.region !== undefined, ranged].filter(
    Boolean,
  ).length
  if (kinds > 1) throw new UsageError(messages().oneCitation(usage))
  if (timed && (values.start === undefined || values.end === undefined))
    throw new UsageError(messages().startEndTogether(usage))
  if (ranged && (values.pollutant === undefined || values.from === undefined || values.to === undefined))
    throw new UsageError(messages().dataRangeTogether(usage))
  if (values.basis !== undefined && !isBasis(values.basis))
    throw new UsageError(messages().unknownBasis(values.basis, MONITORING_BASES.join(', ')))
  return kinds === 1
}

/** The citation the (checked) flags describe on the item, or null when none is given. */
export function citationFromOptions(
  file: CaseFile,
  item: EvidenceItem,
  values: CitationOptions,
): Citation | null {
  if (values.start !== undefined && values.end !== undefined) return timeRange(values.start, values.end)
  if (values.quote !== undefined) return quote(file, item, values.quote)
  if (values.region !== undefined) return region(values.region)
  if (values.pollutant !== undefined && values.from !== undefined && values.to !== undefined)
    return dataRange(values.pollutant, values.outlet, values.basis, values.from, values.to)
  return null
}

/** An ISO 8601 instant with its offset, as the monitoring viewer's data ranges carry them. */
function instant(text: string, flag: string): string {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text.trim()) ||
    Number.isNaN(Date.parse(text))
  )
    throw new UsageError(messages().notInstant(flag, text))
  return new Date(text).toISOString()
}

function isBasis(text: string): text is MonitoringBasis {
  return (MONITORING_BASES as readonly string[]).includes(text)
}

/** One factor's stretch (of one outlet when the file has several, on one basis when given), between two instants. */
function dataRange(
  pollutant: string,
  outlet: string | undefined,
  basis: string | undefined,
  fromText: string,
  toText: string,
): Citation {
  const start = instant(fromText, '--from')
  const end = instant(toText, '--to')
  if (end <= start) throw new UsageError(messages().endBeforeStart(start, end))
  const where = outlet?.trim()
  return {
    type: 'data-range',
    anchor: {
      pollutant: pollutant.trim(),
      ...(where ? { outlet: where } : {}),
      ...(basis && isBasis(basis) ? { basis } : {}),
      start,
      end,
    },
  }
}

function seconds(text: string, flag: string): number {
  const n = Number(text)
  if (text.trim() === '' || !Number.isFinite(n) || n < 0)
    throw new UsageError(messages().notSeconds(flag, text))
  return n
}

function timeRange(startText: string, endText: string): Citation {
  const start = seconds(startText, '--start')
  const end = seconds(endText, '--end')
  if (end <= start) throw new UsageError(messages().endBeforeStart(start, end))
  return { type: 'time-range', anchor: { start, end } }
}

/** The quote as it stands in the item's normalised text (NFC, \n line ends), by character offsets. */
function quote(file: CaseFile, item: EvidenceItem, text: string): Citation {
  const wanted = text.replace(/\r\n?/g, '\n').normalize('NFC')
  if (wanted.trim() === '') throw new UsageError(messages().emptyQuote)
  const body = indexedText(file.db, item.id)
  // An item without text gets core's refusal, which names it.
  const start = body === null ? 0 : body.indexOf(wanted)
  if (start < 0)
    throw new EvidenceError(
      'not-found',
      `"${wanted}" does not occur in the text of ${item.number} (${item.originalName}); copy the words exactly as they stand. Nothing was linked.`,
    )
  if (body !== null && body.indexOf(wanted, start + 1) >= 0)
    say(messages().quoteRepeated(wanted, item.number, start))
  return { type: 'quote', anchor: { start, end: start + wanted.length, text: wanted } }
}

/** x,y,w,h in whole displayed pixels. */
function region(text: string): Citation {
  const parts = text.split(',').map((p) => p.trim())
  const nums = parts.map(Number)
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isInteger(n) || n < 0))
    throw new UsageError(messages().badRegion(text))
  const [x, y, w, h] = nums
  if (w === 0 || h === 0) throw new UsageError(messages().emptyRegion)
  return { type: 'region', anchor: { x, y, w, h } }
}
