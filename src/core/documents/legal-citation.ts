/** How documents cite the legal basis: the law and article, the text with its check status, crimes. */
import type { LegalBasisEntry, TransferKind } from '../../shared/violation-types'
import type { DocumentSources } from './document-sources'
import type { PrintedText } from './html-layout'

export function citation(b: Pick<LegalBasisEntry, 'law' | 'article'>): string {
  return `${b.law}${b.article}`
}

/** The statute text as printed: verbatim texts plain, summaries marked, unverified ones not quoted at all. */
export function basisText(b: LegalBasisEntry, p: PrintedText, field: string): string {
  const status = b.textStatus ?? 'summary'
  if (status === 'unverified' || !b.text)
    return `<span class="unverified">（条文未能与公布文本逐字核对，不予摘引；请依据官方文本核对后引用）</span>`
  return `${p.text(field, b.text)}${status === 'summary' ? '<span class="unverified">（条文摘要，未逐字核对）</span>' : ''}`
}

/** The provisions of one transfer kind the given violations cite, in citing order. */
export function groundsOf(
  s: DocumentSources,
  kind: Exclude<TransferKind, 'none'>,
  violations = s.violations,
): LegalBasisEntry[] {
  const ids = [...new Set(violations.flatMap((v) => v.basis))]
  return ids
    .map((id) => s.basis.get(id))
    .filter((b): b is LegalBasisEntry => b !== undefined && b.transferKind === kind)
}

/** 刑法 first, then the interpretation's items, as criminal transfer letters cite them. */
export function criminalCitations(entries: LegalBasisEntry[]): string {
  const sorted = [...entries].sort(
    (a, b) => Number(!a.law.includes('刑法')) - Number(!b.law.includes('刑法')),
  )
  const byLaw = new Map<string, string[]>()
  for (const e of sorted) byLaw.set(e.law, [...(byLaw.get(e.law) ?? []), e.article])
  return [...byLaw].map(([law, articles]) => `${law}${articles.join('、')}`).join('，')
}

/** The crimes (罪名) the criminal provisions name, in order, without repeats. */
export function crimesOf(entries: LegalBasisEntry[]): string[] {
  return [...new Set(entries.map((e) => e.crime).filter((c): c is string => !!c))]
}
