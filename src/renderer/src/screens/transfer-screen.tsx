import { useTranslation } from 'react-i18next'
import { ComingSoon } from '../components/coming-soon'

/** The transfer documents: preview, edit the free-text parts, print to PDF. */
export function TransferScreen() {
  const { t } = useTranslation()
  return <ComingSoon feature="transfer" title={t('nav.transfer')} />
}
