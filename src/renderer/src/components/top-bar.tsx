import type { ReactNode } from 'react'
import { Flex, Layout, Typography } from 'antd'
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './language-switch'
import { OfficerButton } from './officer-button'

/** The app's name and mark; in the case frame it heads the navigation instead of the top bar. */
export function Brand() {
  const { t } = useTranslation()
  return (
    <Flex align="center" gap={8} className="brand">
      <SafetyCertificateOutlined className="brand-mark" />
      <Typography.Text strong className="brand-name">
        {t('app.name')}
      </Typography.Text>
    </Flex>
  )
}

interface Props {
  /** what the bar is about: the brand on the start screens, the case in the frame */
  left: ReactNode
  /** actions before the officer and language switch (e.g. close case) */
  extra?: ReactNode
  showOfficer?: boolean
}

export function TopBar({ left, extra, showOfficer = true }: Props) {
  return (
    <Layout.Header className="top-bar" data-testid="top-bar">
      <div className="top-bar-left">{left}</div>
      <Flex align="center" gap={4} className="top-bar-right">
        {showOfficer && <OfficerButton />}
        <LanguageSwitch />
        {extra}
      </Flex>
    </Layout.Header>
  )
}
