import { useState } from 'react'
import { App, Button, Modal, Tooltip, Typography } from 'antd'
import { UserOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useSession } from '../state/session'
import { ProfileForm } from './profile-form'

/** The current officer in the top bar; clicking opens the profile for editing. */
export function OfficerButton() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { profile, setProfile } = useSession()
  const [open, setOpen] = useState(false)
  if (!profile) return null
  return (
    <>
      <Tooltip title={t('topBar.editProfile')}>
        <Button
          type="text"
          icon={<UserOutlined />}
          onClick={() => setOpen(true)}
          data-testid="officer-button"
        >
          <span className="sr-only">{t('topBar.officer')}</span>
          <span data-user-data>{profile.name}</span>
          <Typography.Text type="secondary" className="officer-cert mono" data-user-data>
            {profile.certNo}
          </Typography.Text>
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title={t('profile.title')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('profile.editIntro')}</Typography.Paragraph>
        <ProfileForm
          initial={profile}
          onCancel={() => setOpen(false)}
          onSaved={(p) => {
            setProfile(p)
            setOpen(false)
            void message.success(t('profile.saved'))
          }}
        />
      </Modal>
    </>
  )
}
