/**
 * Registers the words of the transfer documents screen under `transfer.*`, and the custody log's
 * names for the document events under `custody.actions.*`, beside the app's bundles without
 * touching i18n/index.ts (same pattern as timeline-i18n). Deep-merged and never overwriting.
 */
import { i18n } from '../../i18n'
import { transferEn } from '../../i18n/transfer.en'
import { transferZhCN } from '../../i18n/transfer.zh-CN'

const ACTIONS_ZH = {
  'document-edited': '修改移送文书',
  'document-printed': '生成移送文书 PDF',
  'transfer-fields-edited': '修改移送案件信息',
  'attachment-added': '登记附件材料',
  'attachment-removed': '移除附件材料',
  'seized-item-added': '登记涉案物品',
  'seized-item-removed': '移除涉案物品',
  'extraction-batch-edited': '记录电子数据提取情况',
  'law-choice-recorded': '记录法律适用（从旧兼从轻）',
}
const ACTIONS_EN: typeof ACTIONS_ZH = {
  'document-edited': 'Transfer document edited',
  'document-printed': 'Transfer document PDF made',
  'transfer-fields-edited': 'Transfer details edited',
  'attachment-added': 'Attachment registered',
  'attachment-removed': 'Attachment removed',
  'seized-item-added': 'Seized item recorded',
  'seized-item-removed': 'Seized item removed',
  'extraction-batch-edited': 'Extraction details recorded',
  'law-choice-recorded': 'Choice of law recorded (milder-law rule)',
}

/** Field errors of the transfer details, under the app's `fieldErrors`. */
const FIELD_ERRORS_ZH = {
  'resident-id-length': '公民身份号码应为 18 位',
  'resident-id-charset': '公民身份号码只能是 17 位数字加一位数字或 X',
  'resident-id-birth-date': '号码中的出生日期不存在，请核对',
  'resident-id-check-digit': '校验位（最后一位）不正确，请核对号码',
  'date-in-future': '立案日期不能晚于今天',
  'date-format': '日期应写成 年-月-日，如 2026-05-25',
  'time-format': '时间应写成 年-月-日 时:分，如 2021-05-24 04:30',
  'key-unit-source-required': '请写明重点排污单位的依据（名录及年度）',
  'pages-min': '页数至少为 1',
  'copies-min': '份数至少为 1',
  'quantity-positive': '数量应大于 0',
  'item-unknown': '案件中没有这件证据',
  'extraction-after-import': '现场提取时间不能晚于导入本系统的时间',
  'not-seized-reason-required': '原始存储介质未扣押时，请写明原因',
  'two-extractors': '请填写两名不同的提取人',
}
const FIELD_ERRORS_EN: typeof FIELD_ERRORS_ZH = {
  'resident-id-length': 'A resident ID number has 18 characters',
  'resident-id-charset': 'Only 17 digits followed by a digit or X',
  'resident-id-birth-date': 'The birth date in the number does not exist; check it',
  'resident-id-check-digit': 'The check digit (the last character) is wrong; check the number',
  'date-in-future': 'The date cannot be after today',
  'date-format': 'Write the date as YYYY-MM-DD, e.g. 2026-05-25',
  'time-format': 'Write the time as YYYY-MM-DD HH:MM, e.g. 2021-05-24 04:30',
  'key-unit-source-required': 'Say where the key-unit status comes from (list and year)',
  'pages-min': 'At least 1 page',
  'copies-min': 'At least 1 copy',
  'quantity-positive': 'The quantity must be more than 0',
  'item-unknown': 'No such evidence item in this case',
  'extraction-after-import': 'The extraction on site cannot be after the import',
  'not-seized-reason-required': 'Say why the original medium was not seized',
  'two-extractors': 'Name two different extracting officers',
}

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  { transfer: transferZhCN, custody: { actions: ACTIONS_ZH }, fieldErrors: FIELD_ERRORS_ZH },
  true,
  false,
)
i18n.addResourceBundle(
  'en',
  'translation',
  { transfer: transferEn, custody: { actions: ACTIONS_EN }, fieldErrors: FIELD_ERRORS_EN },
  true,
  false,
)
