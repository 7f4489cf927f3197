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
import { caseDate, kindLabel } from './document-format'
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

const DEFAULT_CRIME = '污染环境罪'

function evidenceSummary(s: DocumentSources): string {
  const counts = new Map<string, number>()
  for (const item of s.packageItems)
    counts.set(kindLabel(item.kind), (counts.get(kindLabel(item.kind)) ?? 0) + 1)
  const parts = [...counts].map(([k, n]) => `${k} ${n} 件`)
  return parts.length
    ? `共收集、固定电子证据 ${s.packageItems.length} 件（${parts.join('、')}）`
    : '尚未收集电子证据'
}

const SPECS: Record<TransferDocumentKind, FieldSpec[]> = {
  'transfer-letter': [
    { key: 'docNumber', label: '文号', multiline: false, generated: () => '' },
    { key: 'addressee', label: '受移送机关', multiline: false, generated: () => '' },
    { key: 'suspectedCrime', label: '涉嫌罪名', multiline: false, generated: () => DEFAULT_CRIME },
    {
      key: 'body',
      label: '正文',
      multiline: true,
      generated: (s) =>
        `我单位在查处${subjectName(s)}${s.info.cause ? `${s.info.cause}` : ''}一案（案件编号：${s.info.number}）中，发现其行为涉嫌构成犯罪。` +
        `根据《行政执法机关移送涉嫌犯罪案件的规定》第三条和《环境保护行政执法与刑事司法衔接工作办法》第五条的规定，现将该案移送你单位，请依法审查。` +
        `\n请你单位自收到本移送书及附件之日起三日内审查，并将是否立案的决定书面告知我单位。`,
    },
    {
      key: 'contact',
      label: '联系人及联系电话',
      multiline: false,
      generated: (s) => (s.info.officers[0] ? `${s.info.officers[0].name}，联系电话：` : ''),
    },
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
  'investigation-report': [
    {
      key: 'caseSource',
      label: '案件来源',
      multiline: true,
      generated: (s) =>
        `${caseDate(new Date(s.info.createdAt), s.info.timezone)}，${s.info.unit || '我单位'}对${subjectName(s)}立案调查` +
        `（案件编号：${s.info.number}${s.info.cause ? `；案由：${s.info.cause}` : ''}）。`,
    },
    {
      key: 'investigation',
      label: '调查经过',
      multiline: true,
      generated: (s) =>
        `执法人员${s.info.officers.map((o) => o.name).join('、')}依法对${subjectName(s)}开展调查，${evidenceSummary(s)}。` +
        `各项电子证据的完整性校验值见《电子数据提取固定清单》。`,
    },
    {
      key: 'facts',
      label: '违法事实概述',
      multiline: true,
      generated: (s) =>
        s.violations.length
          ? `经查，${subjectName(s)}存在以下涉嫌违法犯罪的行为：${s.violations.map((v) => `${v.number} ${v.title}`).join('；')}。具体事实、法律依据及证据分述如下。`
          : '（尚未认定违法事实）',
    },
    {
      key: 'conclusion',
      label: '调查结论及处理意见',
      multiline: true,
      generated: (s, crime) =>
        `综上，${subjectName(s)}的上述行为涉嫌${crime || DEFAULT_CRIME}。依照《行政执法机关移送涉嫌犯罪案件的规定》第三条的规定，建议将本案移送公安机关依法处理。`,
    },
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
  'seized-items-list': [{ key: 'remarks', label: '备注', multiline: true, generated: () => '' }],
  'evidence-list': [{ key: 'remarks', label: '备注', multiline: true, generated: () => '' }],
  'electronic-data-list': [
    {
      key: 'extractionMethod',
      label: '提取方法',
      multiline: true,
      generated: () =>
        '以只读方式读取原始存储介质中的文件，逐字节复制入案件证据库，复制时同步计算 SHA-256 完整性校验值，写入后设为只读；原始文件未作任何修改。',
    },
    { key: 'remarks', label: '备注', multiline: true, generated: () => '' },
  ],
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
  const crime = edits.get('transfer-letter/suspectedCrime')?.value || DEFAULT_CRIME
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
