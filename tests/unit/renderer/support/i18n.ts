import i18next, { type TFunction } from 'i18next'
import type { UiLanguage as Language } from '../../../../src/shared/error-words'
import { i18nOptions } from '../../../../src/renderer/src/i18n/options'

/** A real i18next instance set up as the app sets it up, in one language. */
export function translator(language: Language): TFunction {
  const instance = i18next.createInstance()
  void instance.init(i18nOptions(language))
  return instance.t
}
