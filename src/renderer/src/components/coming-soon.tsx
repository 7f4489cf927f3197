import { Result } from 'antd'
import { ClockCircleOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

export type ComingSoonFeature = 'timeline' | 'violations' | 'transfer' | 'export'

/** An honest placeholder for a screen whose feature has not been built: no sample content. */
export function ComingSoon({ feature, title }: { feature: ComingSoonFeature; title: string }) {
  const { t } = useTranslation()
  return (
    <div className="page">
      <Result
        className="coming-soon"
        icon={<ClockCircleOutlined />}
        title={`${title} — ${t('comingSoon.title')}`}
        subTitle={t(`comingSoon.${feature}`)}
      />
    </div>
  )
}
