import { useState } from 'react'
import { Alert, Button, Form, Modal, Select } from 'antd'
import { LinkOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../hooks/use-api'
import { asApiError } from '../../lib/errors'
import { useReadOnly } from '../../state/read-only'
import { ErrorAlert } from '../error-alert'
import { ProvesNoteField, useLinkEvidence } from './link-form-parts'
import './violations.css'

interface Props {
  itemId: string
  /** the citation (time range, quote, data range, region); left out to link the whole item */
  annotationId?: string
  size?: 'small' | 'middle'
}

/**
 * "关联违法事实" beside a citation or an item: pick the violation, say what the evidence proves,
 * and link it. Hidden in review mode, where nothing may change.
 */
export function LinkToViolationButton({ itemId, annotationId, size = 'small' }: Props) {
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [open, setOpen] = useState(false)
  if (readOnly) return null
  return (
    <>
      <Button
        size={size}
        type="link"
        icon={<LinkOutlined />}
        onClick={() => setOpen(true)}
        data-testid="link-to-violation"
      >
        {t('violations:linkButton.label')}
      </Button>
      {open && <LinkModal itemId={itemId} annotationId={annotationId} onClose={() => setOpen(false)} />}
    </>
  )
}

function LinkModal({ itemId, annotationId, onClose }: Props & { onClose(): void }) {
  const { t } = useTranslation()
  // fetched as the modal opens: the list may have changed since the viewer was opened
  const list = useApi('violation:list', {})
  const violations = list.error ? [] : (list.data ?? null)
  const [violationId, setViolationId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const { busy, failure: linkFailure, link } = useLinkEvidence(onClose)
  const failure = linkFailure ?? list.error

  function submit() {
    if (!violationId) return
    const number = violations?.find((v) => v.id === violationId)?.number ?? ''
    void link(
      { violationId, itemId, ...(annotationId ? { annotationId } : {}), note },
      t('violations:linkButton.linked', { number }),
    )
  }

  return (
    <Modal
      open
      title={t('violations:linkButton.title')}
      okText={t('violations:linkButton.submit')}
      cancelText={t('violations:cancel')}
      okButtonProps={{ disabled: !violationId, loading: busy, ...{ 'data-testid': 'link-violation-submit' } }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="link-violation-modal">
        {violations !== null && violations.length === 0 && failure === null ? (
          <Alert type="info" showIcon title={t('violations:linkButton.noViolations')} />
        ) : (
          <Form layout="vertical">
            <Form.Item label={t('violations:linkButton.violation')} htmlFor="link-violation-select">
              <Select<string>
                id="link-violation-select"
                loading={violations === null}
                value={violationId ?? undefined}
                placeholder={t('violations:linkButton.violationPlaceholder')}
                onChange={setViolationId}
                options={(violations ?? []).map((v) => ({
                  value: v.id,
                  label: (
                    <span data-user-data>
                      <span className="mono">{v.number}</span> {v.title}
                    </span>
                  ),
                }))}
                data-testid="link-violation-select"
              />
            </Form.Item>
            <ProvesNoteField id="link-violation-note" value={note} onChange={setNote} />
          </Form>
        )}
        {failure !== null && <ErrorAlert error={asApiError(failure)} className="vio-alert" />}
      </div>
    </Modal>
  )
}
