import { useTranslation } from 'react-i18next'
import { ComingSoon } from '../components/coming-soon'

/** Violations, their legal basis, and the evidence matrix (violations × evidence). */
export function ViolationsScreen() {
  const { t } = useTranslation()
  return <ComingSoon feature="violations" title={t('nav.violations')} />
}
