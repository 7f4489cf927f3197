/**
 * Each monitoring item's series as they stand now: the import's summary while no officer has set a
 * limit or a basis for the item, else the summary the viewer computes with those choices applied.
 * The details panel and the timeline's exceedance lane read this, so they say what the viewer says.
 */
import type {
  EvidenceItemOf,
  MonitoringSeriesInForce,
  MonitoringSeriesSummary,
} from '../../../../shared/types'
import { getItem } from '../../item-repository'
import type { CaseFile } from '../../../case/case-file'
import { monitoringView } from './view'

/** Summaries recomputed with officer choices, per open case: key = item + how many choices it has. */
const recomputed = new WeakMap<CaseFile, Map<string, MonitoringSeriesSummary[]>>()

function choiceCount(file: CaseFile, itemId: string): number {
  const row = file.db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM monitoring_limits WHERE item_id = ?) + (SELECT COUNT(*) FROM monitoring_bases WHERE item_id = ?) AS n',
    )
    .get(itemId, itemId) as { n: number }
  return row.n
}

/** The item's series in force; reads the original again (on a worker) only when an officer made a choice. */
async function itemSeries(
  file: CaseFile,
  item: EvidenceItemOf<'monitoring'>,
): Promise<MonitoringSeriesSummary[]> {
  const choices = choiceCount(file, item.id)
  const stored = (item.meta.series ?? []) as MonitoringSeriesSummary[]
  if (choices === 0) return stored
  let cache = recomputed.get(file)
  if (!cache) recomputed.set(file, (cache = new Map()))
  const key = `${item.id}#${choices}#${file.info().timezone}`
  const hit = cache.get(key)
  if (hit) return hit
  const series = (await monitoringView(file, item.id)).series
  cache.set(key, series)
  return series
}

/** Every monitoring item of the case (or only `itemId`) with its series in force, in evidence order. */
export async function seriesInForce(file: CaseFile, itemId?: string): Promise<MonitoringSeriesInForce[]> {
  const ids = file.db
    .prepare("SELECT id FROM items WHERE kind = 'monitoring' AND (? IS NULL OR id = ?) ORDER BY ordinal")
    .all(itemId ?? null, itemId ?? null) as Array<{ id: string }>
  const out: MonitoringSeriesInForce[] = []
  for (const { id } of ids) {
    const item = getItem(file.db, id)
    if (item?.kind === 'monitoring') out.push({ itemId: id, series: await itemSeries(file, item) })
  }
  return out
}
