import { Button, Form, Input, Segmented, Space, Typography } from 'antd'
import { FolderOpenOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { joinPath } from '../../lib/paths'

export type ExportFormat = 'zip' | 'folder'

/** "<case number>_<YYYYMMDD>": the package's name, as the backend makes it (characters unsafe in names → "_"). */
export function packageRootName(caseNumber: string, timeZone: string, at = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const safe = caseNumber.replace(/[/\\<>:"|?*\u0000-\u001f\u007f]/g, '_').replace(/[ .]+$/, '') || 'case'
  return `${safe}_${get('year')}${get('month')}${get('day')}`
}

/** What 'export:start' gets: a .zip path, or the folder in which the package folder is made. */
export function exportTarget(format: ExportFormat, dir: string, rootName: string): string {
  return format === 'zip' ? joinPath(dir, `${rootName}.zip`) : dir
}

interface Props {
  format: ExportFormat
  onFormat(f: ExportFormat): void
  dir: string
  onDir(dir: string): void
  onBrowse(): void
  rootName: string
  disabled: boolean
}

/** Where the package goes: ZIP or folder, and the existing folder to put it in. */
export function ExportTargetFields({ format, onFormat, dir, onDir, onBrowse, rootName, disabled }: Props) {
  const { t } = useTranslation()
  const result = dir.trim()
    ? format === 'zip'
      ? exportTarget('zip', dir.trim(), rootName)
      : joinPath(dir.trim(), rootName)
    : null
  return (
    <Form layout="vertical" disabled={disabled}>
      <Form.Item
        label={t('exportPkg:target.format')}
        extra={t(format === 'zip' ? 'exportPkg:target.zipHint' : 'exportPkg:target.folderHint')}
      >
        <Segmented<ExportFormat>
          value={format}
          onChange={onFormat}
          options={[
            { value: 'zip', label: t('exportPkg:target.zip') },
            { value: 'folder', label: t('exportPkg:target.folder') },
          ]}
        />
      </Form.Item>
      <Form.Item label={t('exportPkg:target.dir')} htmlFor="export-dir">
        <Space.Compact block>
          <Input
            id="export-dir"
            className="mono"
            value={dir}
            placeholder={t('exportPkg:target.dirPlaceholder')}
            onChange={(e) => onDir(e.target.value)}
          />
          <Button icon={<FolderOpenOutlined />} onClick={onBrowse}>
            {t('exportPkg:target.browse')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {result && (
        <Typography.Paragraph type="secondary" data-testid="export-result-path">
          {t('exportPkg:target.result')}{' '}
          <Typography.Text className="mono" data-user-data>
            {result}
          </Typography.Text>
        </Typography.Paragraph>
      )}
    </Form>
  )
}
