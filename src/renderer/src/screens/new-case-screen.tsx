import { useMemo, useState } from 'react'
import { Alert, App, Button, Card, Form, Layout, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { caseFieldsSchema, type CaseFields } from '../../../shared/api'
import type { ApiError } from '../../../shared/errors'
import { api } from '../api'
import { CaseFieldsSections } from '../components/case-fields-sections'
import { ErrorAlert } from '../components/error-alert'
import { FolderField } from '../components/folder-field'
import { Brand, TopBar } from '../components/top-bar'
import { useFolderPicker } from '../hooks/use-folder-picker'
import {
  apiFieldErrors,
  asApiError,
  changedPaths,
  clearFieldErrors,
  issuesToFieldErrors,
  type FieldErrorMap,
} from '../lib/errors'
import { timeZoneOptions } from '../lib/time'
import { DEFAULT_CASE_TIME_ZONE, defaultCaseTimeZone, isPlaceholderZone } from '../../../shared/time-zone'
import { useSession } from '../state/session'

/** the system zone the officer confirmed for new cases on this machine */
const ZONE_CONFIRMED = 'evidesk.caseZoneConfirmed'

// Backend errors about the folder itself, shown next to the folder field rather than in a banner.
const FOLDER_ERRORS = new Set(['case-exists', 'case-locked', 'case-missing', 'not-found', 'path-not-chosen'])

/** The new-case form: the same zod schema as the backend, so both report the same problems at the same fields. */
export function NewCaseScreen({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { info, profile, setCase } = useSession()
  const [form] = Form.useForm<CaseFields>()
  const folderPicker = useFolderPicker()
  const [dir, setDir] = useState('')
  const [errors, setErrors] = useState<FieldErrorMap>({})
  const [folderError, setFolderError] = useState<ApiError | null>(null)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const [creating, setCreating] = useState(false)
  const system = info.systemTimeZone
  const startZone = defaultCaseTimeZone(system)
  const zoneOptions = useMemo(() => timeZoneOptions([system, startZone]), [system, startZone])
  // a real system zone other than China's is offered for confirmation, once per machine and zone
  const [zoneNote, setZoneNote] = useState<'defaulted' | 'confirm' | null>(() =>
    isPlaceholderZone(system)
      ? 'defaulted'
      : system !== DEFAULT_CASE_TIME_ZONE && localStorage.getItem(ZONE_CONFIRMED) !== system
        ? 'confirm'
        : null,
  )

  const initialValues: CaseFields = {
    number: '',
    title: '',
    cause: '',
    unit: profile?.unit ?? '',
    timezone: startZone,
    subject: { name: '', creditCode: '', address: '', legalRep: '' },
    // the officer at the keyboard is almost always one of the two
    officers: [
      { name: profile?.name ?? '', certNo: profile?.certNo ?? '' },
      { name: '', certNo: '' },
    ],
  }

  async function submit() {
    setFailure(null)
    setFolderError(null)
    const parsed = caseFieldsSchema.safeParse(form.getFieldsValue(true))
    const next = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)
    if (!dir.trim()) next.dir = 'required'
    setErrors(next)
    if (!parsed.success || !dir.trim()) return
    setCreating(true)
    try {
      const created = await api.invoke('case:create', { dir: dir.trim(), fields: parsed.data })
      void message.success(t('caseForm.created'))
      setCase(created)
    } catch (err) {
      const error = asApiError(err)
      const fields = apiFieldErrors(error, 'fields.')
      if (Object.keys(fields).length > 0) setErrors(fields)
      else if (FOLDER_ERRORS.has(error.code)) setFolderError(error)
      else setFailure(error)
    } finally {
      setCreating(false)
    }
  }

  async function browse() {
    try {
      const picked = await folderPicker.pick('new-case')
      if (picked) {
        setDir(picked)
        setFolderError(null)
        setErrors((e) => clearFieldErrors(e, ['dir']))
      }
    } catch (err) {
      setFailure(asApiError(err))
    }
  }

  const hasFieldErrors = Object.keys(errors).length > 0 || folderError !== null
  return (
    <Layout className="app-layout">
      <TopBar left={<Brand />} />
      <Layout.Content className="scroll-area form-page" data-testid="new-case-screen">
        <div className="form-page-inner">
          <Typography.Title level={3} className="page-title">
            {t('caseForm.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('caseForm.intro')}</Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            initialValues={initialValues}
            onValuesChange={(changed) => setErrors((e) => clearFieldErrors(e, changedPaths(changed)))}
            onFinish={() => void submit()}
          >
            {zoneNote === 'defaulted' && (
              <Alert
                type="info"
                showIcon
                className="form-alert"
                data-testid="zone-note"
                title={t('caseForm.zoneDefaulted', { system: system || 'UTC' })}
              />
            )}
            {zoneNote === 'confirm' && (
              <Alert
                type="warning"
                showIcon
                className="form-alert"
                data-testid="zone-note"
                title={t('caseForm.zoneFromSystem', { system })}
                action={
                  <Space direction="vertical" size={4}>
                    <Button
                      size="small"
                      onClick={() => {
                        localStorage.setItem(ZONE_CONFIRMED, system)
                        setZoneNote(null)
                      }}
                      data-testid="zone-confirm"
                    >
                      {t('caseForm.zoneConfirm', { system })}
                    </Button>
                    <Button
                      size="small"
                      onClick={() => {
                        form.setFieldValue('timezone', DEFAULT_CASE_TIME_ZONE)
                        setZoneNote(null)
                      }}
                      data-testid="zone-use-shanghai"
                    >
                      {t('caseForm.zoneUseShanghai')}
                    </Button>
                  </Space>
                }
              />
            )}
            <CaseFieldsSections errors={errors} zoneOptions={zoneOptions} />
            <Card size="small" title={t('caseForm.sectionFolder')} className="form-section">
              <FolderField
                value={dir}
                onChange={(v) => {
                  setDir(v)
                  setFolderError(null)
                  setErrors((e) => clearFieldErrors(e, ['dir']))
                }}
                onBrowse={() => void browse()}
                missing={errors.dir === 'required'}
                folderError={folderError}
              />
            </Card>
            {failure && (
              <ErrorAlert
                error={failure}
                subject={dir}
                onClose={() => setFailure(null)}
                className="form-alert"
              />
            )}
            <div className="form-actions">
              {hasFieldErrors && (
                <Typography.Text type="danger" className="form-actions-note" role="status">
                  {t('caseForm.fixErrors')}
                </Typography.Text>
              )}
              <Button onClick={onCancel}>{t('caseForm.cancel')}</Button>
              <Button type="primary" htmlType="submit" loading={creating}>
                {creating ? t('caseForm.creating') : t('caseForm.create')}
              </Button>
            </div>
          </Form>
        </div>
      </Layout.Content>
      {folderPicker.element}
    </Layout>
  )
}
