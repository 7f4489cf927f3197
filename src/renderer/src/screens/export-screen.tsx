import { useTranslation } from 'react-i18next'
import { ComingSoon } from '../components/coming-soon'

/** Export the signed custody package for the police transfer. */
export function ExportScreen() {
  const { t } = useTranslation()
  return <ComingSoon feature="export" title={t('nav.export')} />
}
