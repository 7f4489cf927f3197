import { useEffect, useState } from 'react'
import { Form, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Violation } from '../../../../shared/violation-types'
import type { Annotation, EvidenceItem } from '../../../../shared/types'
import { api } from '../../api'
import { asApiError } from '../../lib/errors'
import { ErrorAlert } from '../error-alert'
import { citationOptions } from './citation-options'
import { useCitationWords } from '../../lib/citation-words'
import { ProvesNoteField, useLinkEvidence } from './link-form-parts'

interface Props {
  violation: Violation
  items: EvidenceItem[]
  onClose(): void
  onLinked(): void
}

/** "Cite evidence": pick an item (by number or name), optionally one of its citations, and say what it proves. */
export function AddEvidenceModal({ violation, items, onClose, onLinked }: Props) {
  const { t } = useTranslation()
  const words = useCitationWords()
  const [itemId, setItemId] = useState<string | null>(null)
  const [annotationId, setAnnotationId] = useState<string | null>(null)
  const [loaded, setLoaded] = useState<{ itemId: string; annotations: Annotation[] } | null>(null)
  const [note, setNote] = useState('')
  const { busy, failure, setFailure, link } = useLinkEvidence(onLinked)

  useEffect(() => {
    if (!itemId) return
    let live = true
    api.invoke('annotation:list', { itemId }).then(
      (annotations) => live && setLoaded({ itemId, annotations }),
      (e) => live && setFailure(e),
    )
    return () => {
      live = false
    }
  }, [itemId, setFailure])

  const annotations = loaded?.itemId === itemId ? loaded.annotations : null

  function submit() {
    if (!itemId) return
    void link(
      { violationId: violation.id, itemId, ...(annotationId ? { annotationId } : {}), note },
      t('violations:picker.linked'),
    )
  }

  return (
    <Modal
      open
      width={640}
      title={t('violations:picker.title', { number: violation.number })}
      okText={t('violations:picker.submit')}
      cancelText={t('violations:cancel')}
      okButtonProps={{ disabled: !itemId, loading: busy, ...{ 'data-testid': 'picker-submit' } }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="evidence-picker">
        <Form layout="vertical">
          <Form.Item label={t('violations:picker.item')} htmlFor="picker-item">
            <Select<string>
              id="picker-item"
              value={itemId ?? undefined}
              placeholder={t('violations:picker.itemPlaceholder')}
              notFoundContent={t('violations:picker.itemEmpty')}
              onChange={(v) => {
                setItemId(v)
                setAnnotationId(null)
              }}
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
              }}
              options={items.map((i) => ({
                value: i.id,
                search: `${i.number} ${i.originalName}`.toLowerCase(),
                label: (
                  <span data-user-data>
                    <span className="mono">{i.number}</span> {i.originalName}
                  </span>
                ),
              }))}
              data-testid="picker-item"
            />
          </Form.Item>
          <Form.Item
            label={t('violations:picker.citation')}
            htmlFor="picker-citation"
            extra={t('violations:picker.citationHint')}
          >
            <Select<string>
              id="picker-citation"
              allowClear
              disabled={!itemId}
              loading={itemId !== null && annotations === null}
              value={annotationId ?? undefined}
              placeholder={t('violations:links.wholeItem')}
              onChange={(v) => setAnnotationId(v ?? null)}
              showSearch={{
                filterOption: (input, option) => (option?.search ?? '').includes(input.trim().toLowerCase()),
              }}
              options={
                annotations
                  ? citationOptions(annotations, items.find((i) => i.id === itemId)?.kind ?? null, words)
                  : []
              }
              data-testid="picker-citation"
            />
          </Form.Item>
          <ProvesNoteField id="picker-note" value={note} onChange={setNote} />
        </Form>
        {failure !== null && <ErrorAlert error={asApiError(failure)} className="vio-alert" />}
      </div>
    </Modal>
  )
}
