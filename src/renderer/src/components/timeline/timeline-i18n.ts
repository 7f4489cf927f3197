/**
 * Registers the words of the timeline, location view and case search beside the app's own
 * bundles, under `timeline.*`, without touching i18n/index.ts (same pattern as thermal-i18n).
 * Deep-merged and never overwriting, so it stays harmless once merged into zh-CN.ts and en.ts.
 */
import { i18n } from '../../i18n'
import { timelineEn } from '../../i18n/timeline.en'
import { timelineZhCN } from '../../i18n/timeline.zh-CN'

i18n.addResourceBundle('zh-CN', 'translation', { timeline: timelineZhCN }, true, false)
i18n.addResourceBundle('en', 'translation', { timeline: timelineEn }, true, false)
