/**
 * Registers the image and video viewers' words under `mediaViewer.*`, beside the app's bundles and
 * without touching i18n/index.ts (same pattern as thermal-i18n). Deep-merged and never
 * overwriting, so it stays harmless once these bundles are merged into zh-CN.ts and en.ts.
 */
import { i18n } from '../../../i18n'
import { mediaViewersEn } from '../../../i18n/media-viewers.en'
import { mediaViewersZhCN } from '../../../i18n/media-viewers.zh-CN'

i18n.addResourceBundle('zh-CN', 'translation', { mediaViewer: mediaViewersZhCN }, true, false)
i18n.addResourceBundle('en', 'translation', { mediaViewer: mediaViewersEn }, true, false)
