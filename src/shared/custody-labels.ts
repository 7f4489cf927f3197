/**
 * Every action the custody log records, and each in words in each UI language: for the custody log
 * screen, the package report and the command line. Core appends only these (`appendCustodyEvent`),
 * and tables keyed by action are `Record<CustodyAction, …>` (these labels, the renderer's
 * summaries), so an action added here does not compile until each says what it means. An action
 * this version does not know (a package made by a newer one) keeps its code.
 */
import type { UiLanguage } from './error-words'

export const CUSTODY_ACTIONS = [
  'case-created',
  'case-edited',
  'integrity-checked',
  'imported',
  'duplicate-seen',
  'viewed',
  'annotation-added',
  'annotation-withdrawn',
  'monitoring-limit-set',
  'monitoring-basis-set',
  'legal-basis-added',
  'violation-created',
  'violation-edited',
  'violation-withdrawn',
  'evidence-linked',
  'evidence-unlinked',
  'document-edited',
  'document-printed',
  'key-created',
  'exported',
  'export-cancelled',
  'export-failed',
  'object-repaired',
  'orphans-removed',
  'recording-paired',
  'recording-unpaired',
  'transfer-fields-edited',
  'attachment-added',
  'attachment-removed',
  'seized-item-added',
  'seized-item-removed',
  'extraction-batch-edited',
  'law-choice-recorded',
] as const
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number]

export const CUSTODY_ACTION_LABELS: Record<UiLanguage, Record<CustodyAction, string>> = {
  'zh-CN': {
    'case-created': '建立案件',
    'case-edited': '修改案件信息',
    'integrity-checked': '完整性校验',
    imported: '导入证据',
    'duplicate-seen': '发现重复文件',
    viewed: '查看证据',
    'annotation-added': '添加引用',
    'annotation-withdrawn': '撤回引用',
    'monitoring-limit-set': '设定排放限值',
    'monitoring-basis-set': '设定浓度基准',
    'legal-basis-added': '添加法律依据',
    'violation-created': '记录违法事实',
    'violation-edited': '修改违法事实',
    'violation-withdrawn': '撤回违法事实',
    'evidence-linked': '关联证据',
    'evidence-unlinked': '解除证据关联',
    'document-edited': '修改移送材料',
    'document-printed': '打印移送材料',
    'key-created': '生成签名密钥',
    exported: '导出证据包',
    'export-cancelled': '取消导出',
    'export-failed': '导出失败',
    'object-repaired': '修复原始文件',
    'orphans-removed': '清除未登记的文件',
    'recording-paired': '录音录像与笔录配对',
    'recording-unpaired': '解除录音录像与笔录配对',
    'transfer-fields-edited': '修改移送案件信息',
    'attachment-added': '登记附件材料',
    'attachment-removed': '移除附件材料',
    'seized-item-added': '登记涉案物品',
    'seized-item-removed': '移除涉案物品',
    'extraction-batch-edited': '记录电子数据提取情况',
    'law-choice-recorded': '记录法律适用（从旧兼从轻）',
  },
  en: {
    'case-created': 'Case created',
    'case-edited': 'Case details changed',
    'integrity-checked': 'Integrity check',
    imported: 'Evidence imported',
    'duplicate-seen': 'Duplicate file seen',
    viewed: 'Evidence viewed',
    'annotation-added': 'Citation added',
    'annotation-withdrawn': 'Citation withdrawn',
    'monitoring-limit-set': 'Emission limit set',
    'monitoring-basis-set': 'Concentration basis set',
    'legal-basis-added': 'Legal basis added',
    'violation-created': 'Violation recorded',
    'violation-edited': 'Violation changed',
    'violation-withdrawn': 'Violation withdrawn',
    'evidence-linked': 'Evidence linked',
    'evidence-unlinked': 'Evidence unlinked',
    'document-edited': 'Transfer document changed',
    'document-printed': 'Transfer document printed',
    'key-created': 'Signing key created',
    exported: 'Package exported',
    'export-cancelled': 'Export cancelled',
    'export-failed': 'Export failed',
    'object-repaired': 'Original repaired',
    'orphans-removed': 'Unrecorded files removed',
    'recording-paired': 'Recording paired with its written record',
    'recording-unpaired': 'Recording and written record unpaired',
    'transfer-fields-edited': 'Transfer details edited',
    'attachment-added': 'Attachment registered',
    'attachment-removed': 'Attachment removed',
    'seized-item-added': 'Seized item recorded',
    'seized-item-removed': 'Seized item removed',
    'extraction-batch-edited': 'Extraction details recorded',
    'law-choice-recorded': 'Choice of law recorded (milder-law rule)',
  },
}

export function isCustodyAction(action: string): action is CustodyAction {
  return (CUSTODY_ACTIONS as readonly string[]).includes(action)
}

/** The action's label; an unknown action shows its code rather than being hidden. */
export function custodyActionLabel(action: string, language: UiLanguage): string {
  return isCustodyAction(action) ? CUSTODY_ACTION_LABELS[language][action] : action
}
