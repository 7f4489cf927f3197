import { Badge, Button, Tooltip } from 'antd'
import { LoadingOutlined, UnorderedListOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import { useImportTasks } from '../../state/import-tasks-context'

/** The top bar's way back to the progress drawer; the badge counts imports still running. */
export function ImportTasksButton() {
  const { t } = useTranslation()
  const { running, setDrawerOpen } = useImportTasks()
  return (
    <Tooltip title={running > 0 ? t('tasks.buttonRunning', { count: running }) : t('tasks.buttonHint')}>
      <Badge count={running} size="small" offset={[-6, 4]}>
        <Button
          type="text"
          icon={running > 0 ? <LoadingOutlined /> : <UnorderedListOutlined />}
          onClick={() => setDrawerOpen(true)}
          data-testid="tasks-button"
          data-running={running}
        >
          {t('tasks.button')}
        </Button>
      </Badge>
    </Tooltip>
  )
}
