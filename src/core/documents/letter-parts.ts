/** Parts both transfer letters print: the case facts, the persons, the violations, the closing. */
import type { SuspectRole } from '../../shared/transfer-types'
import type { DocumentProblem, TransferDocumentField, Violation } from '../../shared/violation-types'
import { caseDate, proseDay, proseTime } from './document-format'
import type { DocumentSources } from './document-sources'
import { fieldValue } from './document-fields'
import { issuerBlock, type PrintedText } from './html-layout'

export const SUSPECT_ROLE_LABELS: Record<SuspectRole, string> = {
  suspect: '犯罪嫌疑人',
  manager: '直接负责的主管人员',
  direct: '其他直接责任人员',
}

const KEY_UNIT: Record<DocumentSources['fields']['keyUnit'], string> = {
  yes: '是',
  no: '否',
  unknown: '未查明',
}

/** The violations a transfer of this kind carries: those citing at least one provision of that kind. */
export function violationsToTransfer(s: DocumentSources, kind: 'criminal' | 'detention'): Violation[] {
  return s.violations.filter((v) => v.basis.some((id) => s.basis.get(id)?.transferKind === kind))
}

/** A letter's number, its addressee and the officer's opening text, or blanks to fill in by hand. */
export function letterOpening(p: PrintedText, fields: TransferDocumentField[]): string {
  const docNumber = fieldValue(fields, 'docNumber')
  const addressee = fieldValue(fields, 'addressee')
  return `<p class="doc-number">${docNumber ? p.text('文号', docNumber) : '〔　　　　〕　　　号'}</p>
<p class="addressee">${addressee ? p.text('受移送机关', addressee) : '<span class="blank"></span>'}：</p>
${p.paragraphs('正文', fieldValue(fields, 'body'))}`
}

/** The enterprise and the case facts as a two-column table. */
export function caseFactsTable(s: DocumentSources, p: PrintedText): string {
  const { info, fields } = s
  const row = (label: string, value: string) => `<tr><th>${label}</th><td>${value}</td></tr>`
  return `<table class="kv"><tbody>
${row('案件编号', p.text('案件编号', info.number))}
${row('当事人', p.text('当事人', info.subject.name || '（未填写）'))}
${row('统一社会信用代码', p.text('统一社会信用代码', info.subject.creditCode || '（无）'))}
${row('法定代表人', p.text('法定代表人', info.subject.legalRep || '（未填写）'))}
${row('住所', p.text('住所', info.subject.address || '（未填写）'))}
${row('排污许可证编号', p.text('排污许可证编号', fields.permitNumber || '（未填写）'))}
${row('重点排污单位', `${KEY_UNIT[fields.keyUnit]}${fields.keyUnitSource ? `（${p.text('重点排污单位依据', fields.keyUnitSource)}）` : ''}`)}
${row('立案日期', fields.filedOn ? proseDay(fields.filedOn) : '（未填写）')}
</tbody></table>`
}

/** The persons the transfer names, with their ID numbers and roles. */
export function personsTable(s: DocumentSources, p: PrintedText, roles: SuspectRole[]): string {
  const persons = s.fields.suspects.filter((x) => roles.includes(x.role))
  if (persons.length === 0) return '<p class="plain">（尚未列明）</p>'
  return `<table><thead><tr><th class="num" style="width:8%">序号</th><th style="width:16%">姓名</th><th style="width:28%">公民身份号码</th><th style="width:24%">身份</th><th>职务</th></tr></thead><tbody>
${persons
  .map(
    (x, i) =>
      `<tr><td class="num">${i + 1}</td><td>${p.text('人员', x.name)}</td><td class="hash">${p.text('公民身份号码', x.idNumber)}</td><td>${SUSPECT_ROLE_LABELS[x.role]}</td><td>${p.text('职务', x.position)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
}

function occurredProse(v: Violation, timezone: string): string {
  if (v.occurredFrom && v.occurredTo)
    return `${proseTime(v.occurredFrom, timezone)}至${proseTime(v.occurredTo, timezone)}`
  if (v.occurredFrom) return `${proseTime(v.occurredFrom, timezone)}起`
  if (v.occurredTo) return `至${proseTime(v.occurredTo, timezone)}`
  return '（未认定）'
}

/** The violations as a table: the number in its own column, the time in prose. */
export function violationsTable(
  s: DocumentSources,
  violations: Violation[],
  p: PrintedText,
  basisOf: (v: Violation) => string,
): string {
  if (violations.length === 0) return '<p class="plain">（尚未认定违法事实）</p>'
  return `<table><thead><tr><th class="num" style="width:7%">编号</th><th style="width:27%">违法事实</th><th style="width:22%">时间、地点</th><th>法律依据</th></tr></thead><tbody>
${violations
  .map(
    (v) =>
      `<tr><td class="num">${v.number}</td><td>${p.text(`${v.number} 名称`, v.title)}</td><td>${p.text(`${v.number} 时间`, occurredProse(v, s.info.timezone))}${v.place ? `，${p.text(`${v.number} 地点`, v.place)}` : ''}</td><td>${basisOf(v)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`
}

/**
 * The end of an outgoing letter, kept on one page with the text it closes: remarks, contact
 * (named once), the issuing unit with the seal placeholder and date. No signature lines: those
 * are on the internal 审批表.
 */
export function letterClosing(
  s: DocumentSources,
  fields: TransferDocumentField[],
  p: PrintedText,
  extra = '',
): string {
  const f = (key: string) => fieldValue(fields, key)
  const remarks = f('remarks')
  const contact = f('contact')
  const phone = f('phone')
  return `<div class="keep">
${remarks ? `<p class="plain">备注：</p>${p.paragraphs('备注', remarks)}` : ''}
<p class="plain">联系人：${contact ? p.text('联系人', contact) : '<span class="blank"></span>'}　联系电话：${phone ? p.text('联系电话', phone) : '<span class="blank"></span>'}</p>
<div class="closing">
${issuerBlock(p.text('移送单位', s.info.unit || '（移送单位）'), caseDate(s.now, s.info.timezone))}
</div>
${extra}
</div>`
}

/** Problems with the case facts a letter needs, each naming the field to fill in. */
export function caseFactProblems(s: DocumentSources, needPersons: string): DocumentProblem[] {
  const out: DocumentProblem[] = []
  if (!s.fields.filedOn) out.push({ code: 'missing-field', field: 'filedOn', message: '尚未填写立案日期。' })
  if (s.fields.suspects.length === 0)
    out.push({ code: 'missing-field', field: 'suspects', message: `尚未列明${needPersons}。` })
  return out
}
