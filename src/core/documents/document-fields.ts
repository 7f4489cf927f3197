/**
 * The free-text parts of the transfer documents that officers may edit before export, their
 * generated text, and the stored edits (table document_fields: the latest row per (kind, key) wins).
 */
import type { Officer } from '../../shared/types'
import {
  TRANSFER_DOCUMENT_KINDS,
  type TransferDocumentField,
  type TransferDocumentKind,
} from '../../shared/violation-types'
import type { CaseFile, Clock } from '../case/case-file'
import type { ReadableDB } from '../db/database'
import { EvidenceError } from '../errors'
import { kindLabel, proseDay } from './document-format'
import { crimesOf, groundsOf } from './legal-citation'
import type { DocumentSources } from './document-sources'
import { unprintableCodePoint } from './printable-text'

interface FieldSpec {
  key: string
  label: string
  multiline: boolean
  /** `crime` is the suspected crime as the transfer letter names it (edited or not) */
  generated(s: DocumentSources, crime: string): string
}

const subjectName = (s: DocumentSources) => s.info.subject.name || '（当事人）'
const unitName = (s: DocumentSources) => s.info.unit || '我局'

/** 罪名 the criminal provisions name, joined as a letter writes them; 污染环境罪 when none is recorded. */
export function defaultCrime(s: DocumentSources): string {
  return crimesOf(groundsOf(s, 'criminal')).join('、') || '污染环境罪'
}

function evidenceSummary(s: DocumentSources): string {
  const counts = new Map<string, number>()
  for (const item of s.packageItems) counts.set(kindLabel(item), (counts.get(kindLabel(item)) ?? 0) + 1)
  const parts = [...counts].map(([k, n]) => `${k} ${n} 件`)
  return parts.length
    ? `共收集、固定电子证据 ${s.packageItems.length} 件（${parts.join('、')}）`
    : '尚未收集电子证据'
}

const cause = (s: DocumentSources) => s.info.cause || s.info.title

const contactFields: FieldSpec[] = [
  {
    key: 'contact',
    label: '联系人',
    multiline: false,
    generated: (s) => s.info.officers[0]?.name ?? '',
  },
  { key: 'phone', label: '联系电话', multiline: false, generated: () => '' },
]

const SPECS: Record<TransferDocumentKind, FieldSpec[]> = {
  'approval-form': [
    {
      key: 'handlerOpinion',
      label: '承办人意见',
      multiline: true,
      generated: (s) => {
        const kinds = [
          s.grounds.criminal.length ? '涉嫌犯罪' : '',
          s.grounds.detention.length ? '适用行政拘留' : '',
        ]
          .filter(Boolean)
          .join('及')
        return kinds
          ? `${subjectName(s)}${cause(s)}一案，经调查，当事人的行为${kinds === '涉嫌犯罪' ? '涉嫌犯罪' : `属于${kinds}情形`}，建议将本案移送公安机关依法处理。`
          : '本案尚无可作为移送依据的法律条款，暂不具备移送条件。'
      },
    },
    { key: 'reviewerOpinion', label: '审核人意见', multiline: true, generated: () => '' },
    { key: 'chiefOpinion', label: '负责人意见', multiline: true, generated: () => '' },
  ],
  'transfer-letter': [
    { key: 'docNumber', label: '文号', multiline: false, generated: () => '' },
    { key: 'addressee', label: '受移送机关', multiline: false, generated: () => '' },
    { key: 'suspectedCrime', label: '涉嫌罪名', multiline: false, generated: (s) => defaultCrime(s) },
    {
      key: 'body',
      label: '正文',
      multiline: true,
      generated: (s, crime) =>
        `我局在查处${subjectName(s)}${cause(s)}一案中，发现其行为涉嫌${crime}。` +
        `根据《中华人民共和国行政处罚法》第二十七条、《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定，现将该案移送你局，请依法审查。` +
        `\n请你局自接受移送之日起三日内审查，并将是否立案的决定书面告知我局。`,
    },
    ...contactFields,
    { key: 'procuratorate', label: '抄送（同级人民检察院）', multiline: false, generated: () => '' },
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
  'detention-letter': [
    { key: 'docNumber', label: '文号', multiline: false, generated: () => '' },
    { key: 'addressee', label: '受移送机关', multiline: false, generated: () => '' },
    {
      key: 'body',
      label: '正文',
      multiline: true,
      generated: (s) =>
        `我局在查处${subjectName(s)}${cause(s)}一案中，发现其直接负责的主管人员和其他直接责任人员的行为尚不构成犯罪，依法应当处以行政拘留。` +
        `根据《行政主管部门移送适用行政拘留环境违法案件暂行办法》（公治〔2014〕853号）的规定，现将该案移送你局，请依法处理，并将处理结果书面告知我局。`,
    },
    ...contactFields,
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
  receipt: [],
  'investigation-report': [
    {
      key: 'caseSource',
      label: '案件来源',
      multiline: true,
      generated: (s) =>
        `${s.fields.filedOn ? proseDay(s.fields.filedOn) : '（立案日期未填写）'}，${unitName(s)}对${subjectName(s)}立案调查` +
        `（案件编号：${s.info.number}${s.info.cause ? `；案由：${s.info.cause}` : ''}）。`,
    },
    {
      key: 'investigation',
      label: '调查经过',
      multiline: true,
      generated: (s) =>
        `执法人员${s.info.officers.map((o) => o.name).join('、')}依法对${subjectName(s)}开展调查，${evidenceSummary(s)}。` +
        `各项电子证据的完整性校验值见《电子数据清单》。`,
    },
    {
      key: 'facts',
      label: '违法事实概述',
      multiline: true,
      generated: (s) =>
        s.violations.length
          ? `经查，${subjectName(s)}存在以下违法行为：${s.violations.map((v) => v.title).join('；')}。具体事实、法律依据及证据分述如下。`
          : '（尚未认定违法事实）',
    },
    {
      key: 'conclusion',
      label: '调查结论及处理意见',
      multiline: true,
      generated: (s, crime) => {
        const out: string[] = []
        if (s.grounds.criminal.length)
          out.push(
            `${subjectName(s)}的上述行为涉嫌${crime}，依照《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定，建议将本案移送公安机关依法追究刑事责任。`,
          )
        if (s.grounds.detention.length)
          out.push(
            `对尚不构成犯罪、依法应当处以行政拘留的行为，建议依照《行政主管部门移送适用行政拘留环境违法案件暂行办法》移送公安机关处理。`,
          )
        return out.length ? `综上，${out.join('')}` : '综上，本案尚无可作为移送依据的法律条款。'
      },
    },
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
  'evidence-list': [{ key: 'remarks', label: '备注', multiline: true, generated: () => '' }],
  'seized-items-list': [{ key: 'remarks', label: '备注', multiline: true, generated: () => '' }],
  'extraction-record': [
    {
      key: 'method',
      label: '提取方法',
      multiline: true,
      generated: () =>
        '以只读方式读取原始存储介质中的文件，逐字节复制入案件证据库，复制时同步计算 SHA-256 完整性校验值并记录，写入后设为只读。',
    },
    {
      key: 'process',
      label: '提取过程',
      multiline: true,
      generated: () =>
        '提取过程由本系统自动记录于证据保管链记录（导入事件含文件名、大小、完整性校验值、导入人及时间）。本系统能够证明的是：各文件自导入本系统起完整性校验值未发生变化；导入前文件在原始存储介质中的状况，由提取人、见证人在本笔录中记载。',
    },
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
  'electronic-data-list': [{ key: 'remarks', label: '备注', multiline: true, generated: () => '' }],
}

interface EditRow {
  kind: string
  field_key: string
  value: string
  edited_by_json: string
  edited_at: string
}

function latestEdits(db: ReadableDB): Map<string, EditRow> {
  const rows = db
    .prepare(
      `SELECT kind, field_key, value, edited_by_json, edited_at FROM document_fields
       WHERE id IN (SELECT max(id) FROM document_fields GROUP BY kind, field_key)`,
    )
    .all() as EditRow[]
  return new Map(rows.map((r) => [`${r.kind}/${r.field_key}`, r]))
}

/** The fields of every document: an officer's latest edit where there is one, else the generated text. */
export function documentFields(
  db: ReadableDB,
  s: DocumentSources,
): Record<TransferDocumentKind, TransferDocumentField[]> {
  const edits = latestEdits(db)
  const crime = edits.get('transfer-letter/suspectedCrime')?.value || defaultCrime(s)
  const out = {} as Record<TransferDocumentKind, TransferDocumentField[]>
  for (const kind of TRANSFER_DOCUMENT_KINDS) {
    out[kind] = SPECS[kind].map((spec) => {
      const edit = edits.get(`${kind}/${spec.key}`)
      // An empty edit hands the field back to the generated text.
      const edited = edit && edit.value !== '' ? edit : null
      return {
        key: spec.key,
        label: spec.label,
        value: edited ? edited.value : spec.generated(s, crime),
        multiline: spec.multiline,
        editedBy: edited ? (JSON.parse(edited.edited_by_json) as Officer) : null,
        editedAt: edited ? edited.edited_at : null,
      }
    })
  }
  return out
}

/** A field's value by key; fields are fixed per kind, so a missing key is a programming error. */
export function fieldValue(fields: TransferDocumentField[], key: string): string {
  const f = fields.find((x) => x.key === key)
  if (!f) throw new Error(`No document field ${key}`)
  return f.value
}

/**
 * Stores an officer's text for one free-text part of a document, with a 'document-edited'
 * custody event in the same transaction. An empty value restores the generated text.
 * Refuses unknown kinds or keys, and text that cannot be printed (invalid-input naming the field).
 */
export function editDocumentField(
  file: CaseFile,
  kind: TransferDocumentKind,
  key: string,
  value: string,
  actor: Officer,
  clock: Clock,
): void {
  if (file.readOnly)
    throw new EvidenceError('read-only', 'This case is open read-only; its documents cannot be edited.')
  const specs = (SPECS as Partial<Record<string, FieldSpec[]>>)[kind]
  if (!specs) throw new EvidenceError('invalid-input', `There is no transfer document of kind "${kind}".`)
  const spec = specs.find((s) => s.key === key)
  if (!spec)
    throw new EvidenceError(
      'invalid-input',
      `The document ${kind} has no editable field "${key}" (editable: ${specs.map((s) => s.key).join(', ')}).`,
      { fields: [{ path: key, code: 'unknown-field', message: `No editable field ${key}.` }] },
    )
  const bad = unprintableCodePoint(value)
  if (bad)
    throw new EvidenceError(
      'invalid-input',
      `The text for "${spec.label}" (${key}) holds ${bad}, a character that cannot be printed (a control character, a private-use or unassigned code point). Remove it and save again.`,
      { fields: [{ path: key, code: 'unprintable-text', message: `Character ${bad} cannot be printed.` }] },
    )
  if (!spec.multiline && /[\r\n]/.test(value))
    throw new EvidenceError(
      'invalid-input',
      `"${spec.label}" (${key}) is one line; remove the line breaks.`,
      {
        fields: [{ path: key, code: 'single-line', message: 'One line only.' }],
      },
    )
  const previous = latestEdits(file.db).get(`${kind}/${key}`)?.value ?? ''
  if (previous === value) return
  const at = clock()
  file.record(
    actor,
    at,
    {
      action: 'document-edited',
      details: { kind, key, label: spec.label, from: previous, to: value },
    },
    () => {
      file.db
        .prepare(
          'INSERT INTO document_fields (kind, field_key, value, edited_by_json, edited_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(kind, key, value, JSON.stringify({ name: actor.name, certNo: actor.certNo }), at.toISOString())
    },
  )
}
