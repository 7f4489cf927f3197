import type { UiLanguage } from '../../shared/error-words'
import type { AnnotationType, CustodyEvent } from '../../shared/types'
import type { CliMessages } from './en'
import { basisInWords } from '../../shared/kinds/monitoring-words'

/** Case fields as people call them, for "案由：旧 → 新". */
const FIELD_NAMES: Record<UiLanguage, Record<string, string>> = {
  'zh-CN': {
    number: '案件编号',
    title: '案件名称',
    cause: '案由',
    unit: '执法单位',
    subject: '当事人',
    officers: '执法人员',
    facts: '违法事实',
    occurredFrom: '开始时间',
    occurredTo: '结束时间',
    place: '地点',
    basis: '法律依据',
    status: '状态',
  },
  en: {
    number: 'case number',
    title: 'title',
    cause: 'cause',
    unit: 'unit',
    subject: 'party',
    officers: 'officers',
    facts: 'facts',
    occurredFrom: 'start',
    occurredTo: 'end',
    place: 'place',
    basis: 'legal basis',
    status: 'status',
  },
}

const STATUS: Record<UiLanguage, Record<string, string>> = {
  'zh-CN': { draft: '草稿', confirmed: '已确认', transferred: '已移送' },
  en: { draft: 'draft', confirmed: 'confirmed', transferred: 'transferred' },
}

const str = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : ''

/** A value from the details, short: officers by name, the party by name and code. */
function value(v: unknown, lang: UiLanguage): string {
  const empty = lang === 'zh-CN' ? '（空）' : '(empty)'
  if (v === null || v === undefined || v === '') return empty
  if (Array.isArray(v))
    return v
      .map((x) =>
        x && typeof x === 'object' && 'name' in x ? str((x as { name: unknown }).name) : value(x, lang),
      )
      .join(lang === 'zh-CN' ? '、' : ', ')
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if ('name' in o || 'creditCode' in o)
      return [str(o.name), str(o.creditCode)].filter(Boolean).join(' ') || empty
    return Object.entries(o)
      .map(([k, x]) => `${k}=${value(x, lang)}`)
      .join(' ')
  }
  return str(v)
}

function shortFingerprint(v: unknown): string {
  return (
    str(v)
      .slice(0, 16)
      .match(/.{1,4}/g) ?? []
  ).join(' ')
}

/**
 * What a custody event recorded, as one sentence in the language; the exact record stays in
 * `evidesk custody --json`. An action this version does not know lists its details as key=value.
 */
export function custodySentence(e: CustodyEvent, lang: UiLanguage, m: CliMessages, timezone = 'UTC'): string {
  const d = e.details
  const zh = lang === 'zh-CN'
  const field = (f: unknown) => FIELD_NAMES[lang][str(f)] ?? str(f)
  const why = d.reason ? (zh ? `（理由：${str(d.reason)}）` : ` (reason: ${str(d.reason)})`) : ''
  switch (e.action) {
    case 'case-created':
      return zh ? `案件编号 ${value(d.number, lang)}` : `case number ${value(d.number, lang)}`
    case 'case-edited':
      return `${field(d.field)}${zh ? '：' : ': '}${value(d.from, lang)} → ${value(d.to, lang)}${why}`
    case 'integrity-checked': {
      const bad = Array.isArray(d.objectsBad) ? d.objectsBad.length : 0
      if (d.ok)
        return zh
          ? `通过；原始文件 ${str(d.objectsChecked)} 个，记录 ${str(d.custodyEvents)} 条`
          : `passed: ${str(d.objectsChecked)} originals, ${str(d.custodyEvents)} events`
      return zh
        ? `发现问题；异常原始文件 ${bad} 个`
        : `problems found: ${bad} originals differ or are missing`
    }
    case 'imported':
      return zh
        ? `${value(d.number, lang)}，自 ${value(d.path, lang)}`
        : `${value(d.number, lang)} from ${value(d.path, lang)}`
    case 'duplicate-seen':
      return zh
        ? `与 ${value(d.sameAs, lang)} 相同，自 ${value(d.path, lang)}`
        : `same as ${value(d.sameAs, lang)}, from ${value(d.path, lang)}`
    case 'viewed':
      return value(d.number, lang)
    case 'annotation-added': {
      const what = m.citationWords(str(d.type) as AnnotationType, d.anchor, timezone) || str(d.type)
      return `${value(d.number, lang)} ${what}${d.note ? (zh ? `：${str(d.note)}` : `: ${str(d.note)}`) : ''}`
    }
    case 'annotation-withdrawn':
      return why.trim()
    case 'monitoring-limit-set':
      return zh
        ? `${value(d.number, lang)} ${str(d.pollutant)} 限值 ${d.limit === null ? '（取消）' : str(d.limit)}${why}`
        : `${value(d.number, lang)} ${str(d.pollutant)} limit ${d.limit === null ? '(cleared)' : str(d.limit)}${why}`
    case 'monitoring-basis-set':
      return zh
        ? `${value(d.number, lang)} ${str(d.pollutant)} 按${d.basis === null ? '默认基准' : basisInWords(str(d.basis), lang)}判断${why}`
        : `${value(d.number, lang)} ${str(d.pollutant)} judged on ${d.basis === null ? 'the default basis' : basisInWords(str(d.basis), lang)}${why}`
    case 'text-decoding-set':
      return zh
        ? `${value(d.number, lang)} 改按 ${str(d.to).toUpperCase()} 解码（原为 ${str(d.from).toUpperCase() || '未识别'}）${why}`
        : `${value(d.number, lang)} read as ${str(d.to).toUpperCase()} (was ${str(d.from).toUpperCase() || 'unrecognised'})${why}`
    case 'legal-basis-added': {
      const entry = (d.entry ?? {}) as Record<string, unknown>
      return `${str(entry.law)} ${str(entry.article)}`.trim()
    }
    case 'violation-created':
      return `${str(d.number)} ${str(d.title)}`
    case 'violation-edited': {
      const changes =
        d.changes && typeof d.changes === 'object'
          ? (d.changes as Record<string, { from: unknown; to: unknown }>)
          : {}
      const shown = (k: string, v: unknown) =>
        k === 'status' ? (STATUS[lang][str(v)] ?? str(v)) : value(v, lang)
      const parts = Object.entries(changes).map(
        ([k, c]) => `${field(k)}${zh ? '：' : ': '}${shown(k, c?.from)} → ${shown(k, c?.to)}`,
      )
      return `${str(d.number)} ${parts.join(zh ? '；' : '; ')}`
    }
    case 'violation-withdrawn':
      return `${str(d.number)}${why}`
    case 'evidence-linked':
      return `${str(d.number)} → ${str(d.violationNumber)}${d.note ? (zh ? `：${str(d.note)}` : `: ${str(d.note)}`) : ''}`
    case 'evidence-unlinked':
      return `${str(d.number)} ↛ ${str(d.violationNumber)}${why}`
    case 'document-edited':
      return `${str(d.label)}${zh ? '：' : ': '}${value(d.from, lang)} → ${value(d.to, lang)}`
    case 'document-printed':
      return zh ? `${str(d.fileName)}（${str(d.bytes)} 字节）` : `${str(d.fileName)} (${str(d.bytes)} bytes)`
    case 'key-created':
      return zh
        ? `密钥指纹 ${shortFingerprint(d.fingerprint)}…`
        : `key fingerprint ${shortFingerprint(d.fingerprint)}…`
    case 'exported': {
      const signer = (d.signer ?? {}) as Record<string, unknown>
      return zh
        ? `${str(d.target)}：${str(d.files)} 个文件，签名人 ${str(signer.name)}（指纹 ${shortFingerprint(signer.fingerprint)}…）`
        : `${str(d.target)}: ${str(d.files)} files, signed by ${str(signer.name)} (fingerprint ${shortFingerprint(signer.fingerprint)}…)`
    }
    case 'export-cancelled':
      return zh
        ? `${str(d.target)} 已取消，未留下任何文件`
        : `${str(d.target)} cancelled; nothing was left behind`
    case 'export-failed':
      return zh
        ? `${str(d.target)} 未完成：${str(d.reason)}`
        : `${str(d.target)} not finished: ${str(d.reason)}`
    default:
      return value(d, lang)
  }
}
