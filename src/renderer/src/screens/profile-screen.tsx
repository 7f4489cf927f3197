import { Card, Layout, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { ProfileForm } from '../components/profile-form'
import { Brand, TopBar } from '../components/top-bar'
import { useSession } from '../state/session'

/** First run: nothing can be recorded in a custody log until we know who is acting. */
export function ProfileScreen() {
  const { t } = useTranslation()
  const { setProfile } = useSession()
  return (
    <Layout className="app-layout">
      <TopBar left={<Brand />} showOfficer={false} />
      <Layout.Content className="scroll-area centered-content">
        <Card className="profile-card" title={t('profile.firstRunTitle')} data-testid="profile-screen">
          <Typography.Paragraph type="secondary">{t('profile.firstRunIntro')}</Typography.Paragraph>
          <ProfileForm initial={null} onSaved={setProfile} />
        </Card>
      </Layout.Content>
    </Layout>
  )
}
