/** The names of the fields custody events record changes to, in each UI language. */
import type { Words } from '../citations/in-words'

export const CASE_FIELDS: Record<string, Words> = {
  number: { 'zh-CN': '案件编号', en: 'Case number' },
  title: { 'zh-CN': '案件名称', en: 'Case title' },
  cause: { 'zh-CN': '案由', en: 'Cause of action' },
  unit: { 'zh-CN': '执法单位', en: 'Enforcement unit' },
  subject: { 'zh-CN': '当事人', en: 'Party' },
  officers: { 'zh-CN': '执法人员', en: 'Officers' },
  timezone: { 'zh-CN': '案件时区', en: 'Case time zone' },
}

export const VIOLATION_FIELDS: Record<string, Words> = {
  title: { 'zh-CN': '标题', en: 'Title' },
  facts: { 'zh-CN': '违法事实经过', en: 'Facts' },
  occurredFrom: { 'zh-CN': '发生时间（起）', en: 'Occurred from' },
  occurredTo: { 'zh-CN': '发生时间（止）', en: 'Occurred to' },
  place: { 'zh-CN': '地点', en: 'Place' },
  subject: { 'zh-CN': '当事人（企业）', en: 'Party (enterprise)' },
  basis: { 'zh-CN': '法律依据', en: 'Legal basis' },
  status: { 'zh-CN': '状态', en: 'Status' },
}

export const TRANSFER_FIELDS: Record<string, Words> = {
  filedOn: { 'zh-CN': '立案日期', en: 'Date filed' },
  permitNumber: { 'zh-CN': '排污许可证编号', en: 'Discharge permit number' },
  keyUnit: { 'zh-CN': '重点排污单位', en: 'Key discharge unit' },
  keyUnitSource: { 'zh-CN': '重点排污单位认定依据', en: 'Key unit listed in' },
  suspects: { 'zh-CN': '犯罪嫌疑人', en: 'Suspects' },
}

export const BATCH_FIELDS: Record<string, Words> = {
  extractedAt: { 'zh-CN': '提取时间', en: 'Extracted at' },
  place: { 'zh-CN': '提取地点', en: 'Place' },
  medium: { 'zh-CN': '原始存储介质', en: 'Original medium' },
  mediumSeized: { 'zh-CN': '介质是否扣押', en: 'Medium seized' },
  notSeizedReason: { 'zh-CN': '未扣押原因', en: 'Why not seized' },
  holder: { 'zh-CN': '持有人', en: 'Holder' },
  witness: { 'zh-CN': '见证人', en: 'Witness' },
  extractors: { 'zh-CN': '提取人', en: 'Extracted by' },
}
