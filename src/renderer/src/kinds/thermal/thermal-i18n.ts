/**
 * Registers the thermal viewer's words beside the app's own bundles, under `thermal.*`, without
 * touching i18n/index.ts. Deep-merged and never overwriting, so it stays harmless once the UI
 * owner merges these bundles into zh-CN.ts and en.ts.
 */
import { i18n } from '../../i18n'
import { thermalEn } from '../../i18n/thermal.en'
import { thermalZhCN } from '../../i18n/thermal.zh-CN'

i18n.addResourceBundle('zh-CN', 'translation', { thermal: thermalZhCN }, true, false)
i18n.addResourceBundle('en', 'translation', { thermal: thermalEn }, true, false)
