/**
 * Pieces both monitoring charts draw alike (a series' chart and a comparison's): the officer's
 * cited ranges as blue areas, and values left out for their data flag as labelled diamonds.
 */

/** A cited range as a blue markArea pair with its label (R1, R2…) at the bottom. */
export function citedAreas(cited: ReadonlyArray<{ start: string; end: string; label: string }>) {
  return cited.map((c) => [
    {
      xAxis: Date.parse(c.start),
      itemStyle: { color: 'rgba(47,84,235,0.10)', borderColor: '#2f54eb', borderWidth: 1 },
      label: { position: 'insideBottom', color: '#2f54eb', formatter: c.label },
    },
    { xAxis: Date.parse(c.end) },
  ])
}

/** Flagged values (not counted) as orange diamonds labelled with their flag letter. */
export function flaggedScatter(name: string, data: unknown[]) {
  return {
    type: 'scatter' as const,
    name,
    data,
    symbol: 'diamond',
    symbolSize: 10,
    itemStyle: { color: '#fff', borderColor: '#d46b08', borderWidth: 2 },
    label: {
      show: true,
      position: 'top' as const,
      color: '#d46b08',
      formatter: (p: { data: { flag: string } }) => p.data.flag,
    },
  }
}
