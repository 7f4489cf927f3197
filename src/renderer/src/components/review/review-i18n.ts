/**
 * Registers reviewer mode's words under `review.*` (and the read-only error text), beside the
 * app's bundles; deep-merged and never overwriting.
 */
import { i18n } from '../../i18n'
import { reviewEn, reviewErrorsEn } from '../../i18n/review.en'
import { reviewErrorsZhCN, reviewZhCN } from '../../i18n/review.zh-CN'

i18n.addResourceBundle('zh-CN', 'translation', { review: reviewZhCN, errors: reviewErrorsZhCN }, true, false)
i18n.addResourceBundle('en', 'translation', { review: reviewEn, errors: reviewErrorsEn }, true, false)
