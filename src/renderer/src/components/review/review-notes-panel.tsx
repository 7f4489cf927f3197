import { useState } from 'react'
import { App, Button, Drawer, Empty, Flex, Input, List, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../../../shared/errors'
import type { ReviewNote } from '../../../../shared/package-types'
import { api } from '../../api'
import { useApi } from '../../hooks/use-api'
import { asApiError } from '../../lib/errors'
import { dirName } from '../../lib/format'
import { formatInZone } from '../../lib/time'
import { useSession } from '../../state/session'
import { joinPath } from '../../lib/paths'
import { ErrorAlert } from '../error-alert'
import { writeOrConfirmOverwrite } from './confirm-overwrite'

interface Props {
  open: boolean
  onClose(): void
  packagePath: string
  caseNumber: string
}

/** Review notes on the package, an item or a violation: kept beside the package, exported as a report. */
export function ReviewNotesPanel({ open, onClose, packagePath, caseNumber }: Props) {
  const { t, i18n } = useTranslation()
  const { message, modal } = App.useApp()
  const { currentCase } = useSession()
  const zone = currentCase?.timezone ?? 'UTC'
  // read as the panel opens; the package under review does not change, only the notes do
  const ask = open ? {} : null
  const noteList = useApi('review:notes', ask, { refetchOnCaseChange: false })
  const itemList = useApi('evidence:list', ask, { refetchOnCaseChange: false })
  // without the violation list a note names its violation by id: worse, but not a failure
  const violationList = useApi('violation:list', ask, { refetchOnCaseChange: false })
  const notes = noteList.data ?? []
  const items = itemList.data?.items ?? []
  const violations = violationList.data ?? []
  const [target, setTarget] = useState('package')
  const [text, setText] = useState('')
  const [actionFailure, setFailure] = useState<ApiError | null>(null)
  const failure = actionFailure ?? noteList.error ?? itemList.error
  const [reportPath, setReportPath] = useState(
    joinPath(
      dirName(packagePath),
      t('review:notes.reportFile', { number: caseNumber.replace(/[\\/:*?"<>|\s]/g, '_') }),
    ),
  )

  const label = (n: ReviewNote): string => {
    if (n.target.itemId) {
      const i = items.find((x) => x.id === n.target.itemId)
      return t('review:notes.targetItem', {
        number: i?.number ?? '',
        name: i?.originalName ?? n.target.itemId,
      })
    }
    if (n.target.violationId) {
      const v = violations.find((x) => x.id === n.target.violationId)
      return t('review:notes.targetViolation', {
        number: v?.number ?? '',
        title: v?.title ?? n.target.violationId,
      })
    }
    return t('review:notes.targetPackage')
  }

  async function add() {
    setFailure(null)
    const [kind, id] = target.split(':')
    try {
      await api.invoke('review:addNote', {
        target: kind === 'item' ? { itemId: id } : kind === 'violation' ? { violationId: id } : {},
        text,
      })
      setText('')
      void noteList.reload()
    } catch (err) {
      setFailure(asApiError(err))
    }
  }

  async function exportReport() {
    setFailure(null)
    try {
      // the report in the language the reviewer reads the screen in
      const language = i18n.language === 'en' ? 'en' : 'zh-CN'
      const r = await writeOrConfirmOverwrite(modal, t, reportPath, (overwrite) =>
        api.invoke('review:exportReport', { target: reportPath, language, overwrite }),
      )
      if (r) void message.success(t('review:notes.exportOk', { path: r.path }))
    } catch (err) {
      setFailure(asApiError(err))
    }
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={520}
      title={t('review:notes.title')}
      destroyOnHidden
      data-testid="review-notes"
    >
      <Typography.Paragraph type="secondary">{t('review:notes.hint')}</Typography.Paragraph>
      {failure && (
        <ErrorAlert
          error={failure}
          onClose={actionFailure ? () => setFailure(null) : undefined}
          className="form-alert"
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Flex gap={8} align="center">
          <Typography.Text>{t('review:notes.target')}</Typography.Text>
          <Select
            style={{ flex: 1 }}
            value={target}
            onChange={setTarget}
            data-testid="review-note-target"
            options={[
              { value: 'package', label: t('review:notes.targetPackage') },
              ...violations.map((v) => ({
                value: `violation:${v.id}`,
                label: t('review:notes.targetViolation', { number: v.number, title: v.title }),
              })),
              ...items.map((i) => ({
                value: `item:${i.id}`,
                label: t('review:notes.targetItem', { number: i.number, name: i.originalName }),
              })),
            ]}
          />
        </Flex>
        <Input.TextArea
          rows={3}
          value={text}
          maxLength={5000}
          placeholder={t('review:notes.placeholder')}
          onChange={(e) => setText(e.target.value)}
          data-testid="review-note-text"
        />
        <Button
          type="primary"
          disabled={!text.trim()}
          onClick={() => void add()}
          data-testid="review-note-add"
        >
          {t('review:notes.add')}
        </Button>
      </Space>
      <List
        className="review-note-list"
        dataSource={notes}
        locale={{ emptyText: <Empty description={t('review:notes.empty')} /> }}
        renderItem={(n) => (
          <List.Item data-testid="review-note">
            <List.Item.Meta
              title={<span data-user-data>{label(n)}</span>}
              description={
                <>
                  <Typography.Paragraph data-user-data style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                    {n.text}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('review:notes.by', { name: n.author.name, certNo: n.author.certNo })} ·{' '}
                    <span className="mono" data-testid="review-note-time">
                      {formatInZone(n.createdAt, zone)}
                    </span>
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('review:notes.exportTitle')}</Typography.Title>
      <Space.Compact block>
        <Input
          aria-label={t('review:notes.exportTarget')}
          className="mono"
          value={reportPath}
          onChange={(e) => setReportPath(e.target.value)}
          data-testid="review-report-path"
        />
        <Button onClick={() => void exportReport()} data-testid="review-report-export">
          {t('review:notes.export')}
        </Button>
      </Space.Compact>
    </Drawer>
  )
}
