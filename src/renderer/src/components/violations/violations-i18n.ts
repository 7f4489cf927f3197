/**
 * Registers the words of the violations screen, the evidence matrix and the link button under
 * `violations.*`, and the custody log's names for the violation events under `custody.actions.*`,
 * beside the app's bundles without touching i18n/index.ts (same pattern as timeline-i18n).
 * Deep-merged and never overwriting, so it stays harmless once merged into zh-CN.ts and en.ts.
 */
import { i18n } from '../../i18n'
import { violationsEn } from '../../i18n/violations.en'
import { violationsZhCN } from '../../i18n/violations.zh-CN'

const ACTIONS_ZH = {
  'violation-created': '新建违法事实',
  'violation-edited': '修改违法事实',
  'violation-withdrawn': '撤销违法事实',
  'evidence-linked': '关联证据',
  'evidence-unlinked': '解除证据关联',
  'legal-basis-added': '添加法律依据',
}
const ACTIONS_EN: typeof ACTIONS_ZH = {
  'violation-created': 'Violation created',
  'violation-edited': 'Violation edited',
  'violation-withdrawn': 'Violation withdrawn',
  'evidence-linked': 'Evidence linked',
  'evidence-unlinked': 'Evidence unlinked',
  'legal-basis-added': 'Legal basis added',
}

// codes the backend puts on the local legal-basis form's fields
const FIELD_ERRORS_ZH = {
  'legal-id-format': '只能使用小写字母、数字和连字符，并以字母或数字开头',
  'legal-id-taken': '本案件中已有该编号，请换一个',
}
const FIELD_ERRORS_EN: typeof FIELD_ERRORS_ZH = {
  'legal-id-format': 'Use lower-case letters, digits and hyphens, starting with a letter or digit',
  'legal-id-taken': 'This case already has an entry with this id; choose another',
}

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  { violations: violationsZhCN, custody: { actions: ACTIONS_ZH }, fieldErrors: FIELD_ERRORS_ZH },
  true,
  false,
)
i18n.addResourceBundle(
  'en',
  'translation',
  { violations: violationsEn, custody: { actions: ACTIONS_EN }, fieldErrors: FIELD_ERRORS_EN },
  true,
  false,
)
