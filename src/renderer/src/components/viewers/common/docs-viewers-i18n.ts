/**
 * Registers the transcript and monitoring viewers' words under `docsViewer.*`, beside the app's
 * bundles and without touching i18n/index.ts (same pattern as thermal-i18n). Both viewers import it.
 */
import { i18n } from '../../../i18n'
import { docsViewerEn } from '../../../i18n/docs-viewers.en'
import { docsViewerZhCN } from '../../../i18n/docs-viewers.zh-CN'

i18n.addResourceBundle('zh-CN', 'translation', { docsViewer: docsViewerZhCN }, true, false)
i18n.addResourceBundle('en', 'translation', { docsViewer: docsViewerEn }, true, false)
