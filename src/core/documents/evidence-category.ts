/**
 * The legal 证据种类 of an item: 刑事诉讼法 第五十条 for a criminal transfer, 行政处罚法 第四十六条
 * otherwise. An interview record taken in administrative enforcement is a statement the police
 * must take again themselves; CEMS data is 电子数据 with its platform and exporter.
 */
import type { EvidenceItem, EvidenceKind } from '../../shared/types'

export type EvidenceRegime = 'criminal' | 'administrative'

const ADMIN: Record<EvidenceKind, string> = {
  video: '视听资料',
  audio: '视听资料',
  image: '电子数据',
  thermal: '电子数据',
  transcript: '当事人的陈述／证人证言',
  monitoring: '电子数据',
  document: '书证',
  other: '电子数据',
}

const CRIMINAL: Record<EvidenceKind, string> = {
  video: '视听资料、电子数据',
  audio: '视听资料、电子数据',
  image: '视听资料、电子数据',
  thermal: '视听资料、电子数据',
  transcript: '证人证言／犯罪嫌疑人供述和辩解',
  monitoring: '视听资料、电子数据',
  document: '书证',
  other: '视听资料、电子数据',
}

export function evidenceCategory(kind: EvidenceKind, regime: EvidenceRegime): string {
  return (regime === 'criminal' ? CRIMINAL : ADMIN)[kind]
}

/** The legal basis of the categories, printed under the list. */
export function categoryBasis(regime: EvidenceRegime): string {
  return regime === 'criminal'
    ? '证据种类依照《中华人民共和国刑事诉讼法》第五十条列明。'
    : '证据种类依照《中华人民共和国行政处罚法》第四十六条列明。'
}

/** What a row must add about the item beyond its category. */
export function categoryNote(item: EvidenceItem): string {
  if (item.kind === 'transcript') return '行政执法中制作的询问笔录；公安机关应当依法重新询问、制作笔录'
  if (item.kind === 'monitoring') {
    const info = (item.meta.info ?? {}) as Record<string, unknown>
    const pick = (re: RegExp) => {
      const key = Object.keys(info).find((k) => re.test(k))
      return key && typeof info[key] === 'string' ? (info[key] as string) : ''
    }
    const platform = pick(/平台|系统|来源|数据源/)
    const exporter = pick(/导出人|导出|操作员/)
    return `监测平台：${platform || '（文件未载明，请在备注中注明）'}；导出人：${exporter || '（文件未载明）'}；导入人：${item.importedBy.name}`
  }
  return ''
}
