/** Safe reads of an item's free-form `meta` (it is JSON from the backend, typed per kind only by convention). */
export type Dict = Record<string, unknown>

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

export function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null
}

export function dict(v: unknown): Dict | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : null
}

export function list(v: unknown): Dict[] {
  return Array.isArray(v) ? v.map(dict).filter((x): x is Dict => x !== null) : []
}
