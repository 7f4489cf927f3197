import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { asLanguage, rememberLanguage, type Language } from '../i18n'

/** The current UI language and a setter that also remembers it for the next start. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation()
  const language = asLanguage(i18n.resolvedLanguage ?? i18n.language)
  useEffect(() => {
    // screen readers and the CJK line-breaking rules both follow <html lang>
    document.documentElement.lang = language
  }, [language])
  const setLanguage = useCallback(
    (next: Language) => {
      rememberLanguage(next)
      void i18n.changeLanguage(next)
    },
    [i18n],
  )
  return [language, setLanguage]
}
