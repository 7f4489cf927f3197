// Registers the viewer strings with i18next when the viewer module loads (same pattern as thermal).
import { i18n } from '../../i18n'
import { viewerEn } from '../../i18n/viewer.en'
import { viewerZhCN } from '../../i18n/viewer.zh-CN'

i18n.addResourceBundle('zh-CN', 'translation', { viewer: viewerZhCN }, true, false)
i18n.addResourceBundle('en', 'translation', { viewer: viewerEn }, true, false)
