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
}
const ACTIONS_EN: typeof ACTIONS_ZH = {
  'document-edited': 'Transfer document edited',
  'document-printed': 'Transfer document PDF made',
}

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  { transfer: transferZhCN, custody: { actions: ACTIONS_ZH } },
  true,
  false,
)
i18n.addResourceBundle(
  'en',
  'translation',
  { transfer: transferEn, custody: { actions: ACTIONS_EN } },
  true,
  false,
)
