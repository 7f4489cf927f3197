/**
 * The custody record in words: one sentence per event, in the UI language, for the custody log
 * screen, the details panel, the package's report/index.html and the review report. Citations
 * use the one citation wording (../citations); a time range is absolute time in the case zone
 * with the device. The raw details stay in custody-log.jsonl and behind the "技术详情" toggle.
 */
import { isCustodyAction, type CustodyAction } from '../custody-labels'
import { citationInWords, turnLookup, type WordsLanguage, type Words } from '../citations/in-words'
import { ANNOTATION_TYPES, type AnnotationType } from '../citations/anchors'
import type { EvidenceKind } from '../kinds'
import type { CustodyEvent, EvidenceItem } from '../types'
import { BATCH_FIELDS, CASE_FIELDS, TRANSFER_FIELDS, VIOLATION_FIELDS } from './field-labels'
import { fill, type Segment, type Sentence } from './segments'
import { listSep, userValue, valueText } from './values'
import { formatMediaTime } from '../media-time'
import { clockOffsetSentence } from './clock-sentences'
import { deviceName } from '../clock-offset'

export { fill, sentenceHtml, sentenceText, type Segment, type Sentence } from './segments'
export { instantInZone } from './values'

/** What a sentence may say about the item an event names. */
export interface ItemFacts {
  number: string
  kind: EvidenceKind
  /** capture instant (UTC ISO), the start of a recording */
  capturedAt: string | null
  /** the recording device in words ("DSJ-A8-00123"), when known */
  device: string | null
  /** the device's recorded clock offset (ms, + = fast), when one is recorded: ranges are then written in corrected time */
  clockOffsetMs?: number
  /** an interview record's 问答 turns (where each starts), so a quote reads "第 7 问答：……" */
  turns?: ReadonlyArray<{ qStart: number | null; aStart: number | null }>
}

export interface CustodyWordsContext {
  lang: WordsLanguage
  /** the case's IANA zone: every instant is written there, with the offset */
  timezone: string
  /** the item with this id, when the reader has it (for its kind and a range's absolute time) */
  item?: (id: string) => ItemFacts | null
}

type Details = Record<string, unknown>
type Say = (d: Details, w: Tools) => Sentence

interface Tools {
  lang: WordsLanguage
  /** the case's IANA zone */
  zone: string
  /** the template in the language, filled */
  t(words: Words, values?: Record<string, Segment | Sentence>): Sentence
  /** a recorded value as user data */
  v(value: unknown): Segment
  /** the event's item number: from the details, else from the item it names */
  number(d: Details): Segment
  /** a citation (type and anchor) in words, or the whole item */
  citation(type: unknown, anchor: unknown, itemId: string | null): Segment
  /** "field: from → to" for each change, with the field names of `labels` */
  changes(changes: unknown, labels: Record<string, Words>): Sentence
  /** "（原因：…）" when a reason was recorded */
  reason(d: Details): Sentence
}

const w = (zh: string, en: string): Words => ({ 'zh-CN': zh, en })

const SAY: Record<CustodyAction, Say> = {
  'case-created': (d, x) =>
    x.t(w('案件编号 {{number}}', 'Case number {{number}}'), { number: x.v(d.number) }),
  'case-edited': (d, x) => [
    ...x.changes({ [String(d.field ?? '')]: { from: d.from, to: d.to } }, CASE_FIELDS),
    ...x.reason(d),
  ],
  'integrity-checked': (d, x) =>
    d.ok
      ? x.t(
          w(
            '通过；原始文件 {{objects}} 个，记录 {{events}} 条',
            'Passed: {{objects}} originals, {{events}} records',
          ),
          {
            objects: String(d.objectsChecked ?? 0),
            events: String(d.custodyEvents ?? 0),
          },
        )
      : x.t(w('发现问题；异常原始文件：{{bad}}', 'Problems found; originals affected: {{bad}}'), {
          bad: x.v(d.objectsBad),
        }),
  imported: (d, x) =>
    x.t(w('{{number}}，自 {{path}}', '{{number}}, from {{path}}'), {
      number: x.number(d),
      path: x.v(d.path),
    }),
  'duplicate-seen': (d, x) =>
    x.t(w('与 {{number}} 内容相同，自 {{path}}', 'Same content as {{number}}, from {{path}}'), {
      number: x.v(d.sameAs),
      path: x.v(d.path),
    }),
  viewed: (d, x) => x.t(w('查看 {{number}}', 'Viewed {{number}}'), { number: x.number(d) }),
  'annotation-added': (d, x) => [
    ...x.t(w('{{number}} {{citation}}', '{{number}} {{citation}}'), {
      number: x.number(d),
      citation: x.citation(d.type, d.anchor, null),
    }),
    ...(typeof d.note === 'string' && d.note
      ? x.t(w('：{{note}}', ': {{note}}'), { note: x.v(d.note) })
      : []),
  ],
  'annotation-withdrawn': (d, x) => [
    ...x.t(w('撤回 {{number}} 的一处引用', 'Withdrew a citation on {{number}}'), { number: x.number(d) }),
    ...x.reason(d),
  ],
  'monitoring-limit-set': (d, x) => [
    ...(d.limit === null || d.limit === undefined
      ? x.t(w('{{number}} {{pollutant}}：清除排放限值', '{{number}} {{pollutant}}: limit cleared'), {
          number: x.number(d),
          pollutant: x.v(d.pollutant),
        })
      : x.t(
          w(
            '{{number}} {{pollutant}} 排放限值设为 {{limit}}',
            '{{number}} {{pollutant}}: limit set to {{limit}}',
          ),
          {
            number: x.number(d),
            pollutant: x.v(d.pollutant),
            limit: x.v(d.limit),
          },
        )),
    ...x.reason(d),
  ],
  'monitoring-basis-set': (d, x) => [
    ...x.t(
      w(
        '{{number}} {{pollutant}} 浓度基准：{{basis}}',
        '{{number}} {{pollutant}}: concentration basis {{basis}}',
      ),
      {
        number: x.number(d),
        pollutant: x.v(d.pollutant),
        basis: x.v(d.basis),
      },
    ),
    ...x.reason(d),
  ],
  'monitoring-compared': (d, x) => [
    ...x.t(
      w(
        '生成数据比对 {{number}}：A {{a}} 与 B {{b}}，阈值 {{threshold}}，{{windows}} 段相差超过阈值',
        'Data comparison {{number}} made: A {{a}} against B {{b}}, threshold {{threshold}}, {{windows}} window(s) over it',
      ),
      {
        number: x.number(d),
        a: x.v(d.a),
        b: x.v(d.b),
        threshold: x.v(d.threshold),
        windows: x.v(d.windows),
      },
    ),
    ...x.reason(d),
  ],
  'text-decoding-set': (d, x) => [
    ...x.t(w('{{number}} 改按 {{to}} 解码（原为 {{from}}）', '{{number}} is read as {{to}} (was {{from}})'), {
      number: x.number(d),
      to: typeof d.to === 'string' ? d.to.toUpperCase() : x.v(null),
      from: typeof d.from === 'string' ? d.from.toUpperCase() : x.v(null),
    }),
    ...x.reason(d),
  ],
  'legal-basis-added': (d, x) =>
    x.t(w('本地条款 {{entry}}', 'Local provision {{entry}}'), { entry: x.v(d.entry) }),
  'violation-created': (d, x) =>
    x.t(w('{{number}} {{title}}', '{{number}} {{title}}'), { number: x.v(d.number), title: x.v(d.title) }),
  'violation-edited': (d, x) => [
    ...x.t(w('{{number}} ', '{{number}} '), { number: x.v(d.number) }),
    ...x.changes(d.changes, VIOLATION_FIELDS),
  ],
  'violation-withdrawn': (d, x) => [
    ...x.t(w('{{number}}', '{{number}}'), { number: x.v(d.number) }),
    ...x.reason(d),
  ],
  'evidence-linked': (d, x) => [
    ...x.t(w('{{item}} {{citation}} → {{violation}}', '{{item}} {{citation}} → {{violation}}'), {
      item: x.number(d),
      citation: x.citation(d.annotationType, d.anchor, null),
      violation: x.v(d.violationNumber),
    }),
    ...(typeof d.note === 'string' && d.note
      ? x.t(w('：{{note}}', ': {{note}}'), { note: x.v(d.note) })
      : []),
  ],
  'evidence-unlinked': (d, x) => [
    ...x.t(w('{{item}} 与 {{violation}} 解除关联', '{{item}} unlinked from {{violation}}'), {
      item: x.number(d),
      violation: x.v(d.violationNumber),
    }),
    ...x.reason(d),
  ],
  'document-edited': (d, x) =>
    x.t(w('{{label}}：{{from}} → {{to}}', '{{label}}: {{from}} → {{to}}'), {
      label: x.v(d.label),
      from: x.v(d.from),
      to: x.v(d.to),
    }),
  'document-printed': (d, x) =>
    x.t(w('{{fileName}}（{{bytes}} 字节）', '{{fileName}} ({{bytes}} bytes)'), {
      fileName: x.v(d.fileName),
      bytes: String(d.bytes ?? ''),
    }),
  'key-created': (d, x) =>
    x.t(w('密钥指纹 {{fingerprint}}…', 'Key fingerprint {{fingerprint}}…'), {
      fingerprint: shortFingerprint(d.fingerprint),
    }),
  exported: (d, x) => {
    const signer = (d.signer ?? {}) as Details
    return x.t(
      w(
        '{{target}}：{{files}} 个文件，签名人 {{signer}}（指纹 {{fingerprint}}…）',
        '{{target}}: {{files}} files, signed by {{signer}} (fingerprint {{fingerprint}}…)',
      ),
      {
        target: x.v(d.target),
        files: String(d.files ?? ''),
        signer: x.v(signer.name),
        fingerprint: shortFingerprint(signer.fingerprint),
      },
    )
  },
  'export-cancelled': (d, x) =>
    x.t(w('{{target}} 已取消，未留下任何文件', '{{target}} cancelled; no files left behind'), {
      target: x.v(d.target),
    }),
  'export-failed': (d, x) =>
    x.t(w('{{target}} 未完成：{{reason}}', '{{target}} not completed: {{reason}}'), {
      target: x.v(d.target),
      reason: x.v(d.reason),
    }),
  'object-repaired': (d, x) =>
    x.t(
      w(
        '{{number}} 的原始文件已按 {{path}} 重新写入（损坏的副本 {{size}} 字节）',
        'The original of {{number}} was written again from {{path}} (damaged copy: {{size}} bytes)',
      ),
      { number: x.number(d), path: x.v(d.path), size: String(d.damagedSize ?? '') },
    ),
  'orphans-removed': (d, x) =>
    x.t(
      w(
        '清除 {{count}} 个没有证据登记的文件，共 {{bytes}} 字节',
        'Removed {{count}} files no evidence item records ({{bytes}} bytes)',
      ),
      {
        count: String(Array.isArray(d.objects) ? d.objects.length : 0),
        bytes: typeof d.bytes === 'number' ? String(d.bytes) : '',
      },
    ),
  'recording-paired': (d, x) =>
    x.t(w('{{recording}} 与 {{transcript}} 配对', '{{recording}} paired with {{transcript}}'), {
      recording: x.v(numberOf(d.recording)),
      transcript: x.v(numberOf(d.transcript)),
    }),
  'recording-unpaired': (d, x) => [
    ...x.t(w('{{recording}} 与 {{transcript}} 解除配对', '{{recording}} unpaired from {{transcript}}'), {
      recording: x.v(numberOf(d.recording)),
      transcript: x.v(numberOf(d.transcript)),
    }),
    ...x.reason(d),
  ],
  'transfer-fields-edited': (d, x) => x.changes(d.changes, TRANSFER_FIELDS),
  'attachment-added': (d, x) => [
    ...x.t(w('{{title}}', '{{title}}'), { title: x.v(d.title) }),
    ...(d.reference ? x.t(w('（{{ref}}）', ' ({{ref}})'), { ref: x.v(d.reference) }) : []),
    ...(d.itemNumber ? x.t(w('，对应 {{number}}', ', for {{number}}'), { number: x.v(d.itemNumber) }) : []),
    ...x.t(w('，{{copies}} 份 {{pages}} 页', ', {{copies}} copies, {{pages}} pages'), {
      copies: String(d.copies ?? ''),
      pages: String(d.pages ?? ''),
    }),
  ],
  'attachment-removed': (d, x) => [
    ...x.t(w('{{title}}', '{{title}}'), { title: x.v(d.title) }),
    ...x.reason(d),
  ],
  'seized-item-added': (d, x) =>
    x.t(
      w(
        '{{name}} {{quantity}}{{unit}}，存放于 {{place}}',
        '{{name}}, {{quantity}} {{unit}}, kept at {{place}}',
      ),
      {
        name: x.v(d.name),
        quantity: x.v(d.quantity),
        unit: x.v(d.unit),
        place: x.v(d.storagePlace),
      },
    ),
  'seized-item-removed': (d, x) => [...x.t(w('{{name}}', '{{name}}'), { name: x.v(d.name) }), ...x.reason(d)],
  'extraction-batch-edited': (d, x) => [
    ...x.t(w('批次 {{batch}}：', 'Batch {{batch}}: '), { batch: x.v(d.sourceFolder ?? d.batch) }),
    ...x.changes(d.changes, BATCH_FIELDS),
  ],
  'law-choice-recorded': (d, x) => [
    ...x.t(
      d.chosen === 'old'
        ? w(
            '{{number}} 适用行为时的旧法（{{decided}} 决定）',
            '{{number}}: the law in force at the time of the act applies (decided {{decided}})',
          )
        : w(
            '{{number}} 适用新法（{{decided}} 决定）',
            '{{number}}: the new law applies (decided {{decided}})',
          ),
      { number: x.v(d.number), decided: x.v(d.decidedOn) },
    ),
    ...x.reason(d),
  ],
  'still-derived': (d, x) =>
    x.t(
      w(
        '从 {{source}} 导出截图 {{number}}（视频内 {{at}}）',
        'Still {{number}} exported from {{source}} (at {{at}} into the video)',
      ),
      {
        source: x.v(derivedOf(d).sourceNumber),
        number: x.number(d),
        at: mediaPosition(derivedOf(d).start),
      },
    ),
  'clip-derived': (d, x) =>
    x.t(
      w(
        '从 {{source}} 导出视频片段 {{number}}（视频内 {{from}}–{{to}}）',
        'Clip {{number}} exported from {{source}} ({{from}}–{{to}} into the video)',
      ),
      {
        source: x.v(derivedOf(d).sourceNumber),
        number: x.number(d),
        from: mediaPosition(derivedOf(d).start),
        to: mediaPosition(derivedOf(d).end),
      },
    ),
  'clock-offset-set': (d, x) => clockOffsetSentence('clock-offset-set', d, x.lang, x.zone),
  'clock-offset-changed': (d, x) => clockOffsetSentence('clock-offset-changed', d, x.lang, x.zone),
  'clock-offset-removed': (d, x) => clockOffsetSentence('clock-offset-removed', d, x.lang, x.zone),
}

const UNKNOWN = w(
  '此版本不认识的操作，内容见技术详情',
  'An action this version does not know; see the technical details',
)
const REASON = w('（原因：{{reason}}）', ' (reason: {{reason}})')

function shortFingerprint(value: unknown): string {
  if (typeof value !== 'string') return ''
  return (value.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ')
}

/** The derivedFrom record a still's or clip's event carries (fields absent in a damaged log stay empty). */
function derivedOf(d: Details): { sourceNumber?: unknown; start?: unknown; end?: unknown } {
  return d.derivedFrom && typeof d.derivedFrom === 'object' ? (d.derivedFrom as Record<string, unknown>) : {}
}

/** Media seconds as the citations write them ("00:00:01.800"); "?" when not a number. */
function mediaPosition(sec: unknown): string {
  return typeof sec === 'number' && Number.isFinite(sec) && sec >= 0 ? formatMediaTime(sec) : '?'
}

function numberOf(v: unknown): unknown {
  return v && typeof v === 'object' ? (v as { number?: unknown }).number : v
}

function isAnnotationType(v: unknown): v is AnnotationType {
  return typeof v === 'string' && (ANNOTATION_TYPES as readonly string[]).includes(v)
}

/**
 * The event's details as a sentence in `ctx.lang`. An action this version does not know (a
 * package made by a newer one) is named by its code and shows no details: those are in the
 * technical details and custody-log.jsonl.
 */
export function custodyDetailsInWords(
  e: Pick<CustodyEvent, 'action' | 'details' | 'itemId'>,
  ctx: CustodyWordsContext,
): Sentence {
  const { lang, timezone } = ctx
  const item = e.itemId ? (ctx.item?.(e.itemId) ?? null) : null
  const tools: Tools = {
    lang,
    zone: timezone,
    t: (words, values = {}) => fill(words[lang], values),
    v: (value) => userValue(value, lang, timezone),
    number: (d) => userValue(d.number ?? item?.number ?? '', lang, timezone),
    citation: (type, anchor) => {
      const words = citationInWords(isAnnotationType(type) ? type : null, anchor, {
        lang,
        timezone,
        kind: item?.kind ?? null,
        numberOf: (id) => ctx.item?.(id)?.number ?? null,
        recording:
          item && type === 'time-range'
            ? { startsAt: item.capturedAt, device: item.device, clockOffsetMs: item.clockOffsetMs }
            : undefined,
        turnAt: item?.turns ? turnLookup(item.turns) : undefined,
      })
      // the place in the item came from the case: marked as user data like the other values
      return { user: words.full }
    },
    changes: (changes, labels) => {
      if (!changes || typeof changes !== 'object') return []
      const out: Sentence = []
      for (const [field, change] of Object.entries(changes as Record<string, unknown>)) {
        const c = (change ?? {}) as { from?: unknown; to?: unknown }
        if (out.length > 0) out.push(lang === 'en' ? '; ' : '；')
        const label = Object.hasOwn(labels, field) ? labels[field][lang] : field
        out.push(
          ...fill(lang === 'en' ? '{{label}}: {{from}} → {{to}}' : '{{label}}：{{from}} → {{to}}', {
            label,
            from: userValue(c.from, lang, timezone),
            to: userValue(c.to, lang, timezone),
          }),
        )
      }
      return out
    },
    reason: (d) =>
      typeof d.reason === 'string' && d.reason ? fill(REASON[lang], { reason: { user: d.reason } }) : [],
  }
  if (!isCustodyAction(e.action)) return [UNKNOWN[lang]]
  return SAY[e.action](e.details ?? {}, tools)
}

/** What a sentence needs of an evidence item. */
export function itemFacts(item: EvidenceItem): ItemFacts {
  return {
    number: item.number,
    kind: item.kind,
    capturedAt: item.capturedAt,
    device: deviceWords(item.device),
    ...(item.clock ? { clockOffsetMs: item.clock.offset.offsetMs } : {}),
    // offsets only: the words of every turn would bloat each custody page
    turns:
      item.kind === 'transcript'
        ? item.meta.dialogue?.map((t) => ({ qStart: t.qStart, aStart: t.aStart }))
        : undefined,
  }
}

/** A device in words for a sentence: its id or serial, else make and model. */
export function deviceWords(
  device: { make: string | null; model: string | null; serial: string | null; id: string | null } | null,
): string | null {
  return deviceName(device)
}

export { listSep, valueText }
