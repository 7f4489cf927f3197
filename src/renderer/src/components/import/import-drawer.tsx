import { Drawer, Empty } from 'antd'
import { useTranslation } from 'react-i18next'
import { useImportTasks } from '../../state/import-tasks-context'
import { ErrorAlert } from '../error-alert'
import { ProxyCard } from './proxy-card'
import { TaskCard } from './task-card'
import './import.css'

/** The progress drawer (UI.md "Long work"): this case's imports and playback-copy runs of this session, newest first. */
export function ImportDrawer() {
  const { t } = useTranslation()
  const { tasks, drawerOpen, setDrawerOpen, failure, clearFailure } = useImportTasks()
  return (
    <Drawer
      open={drawerOpen}
      onClose={() => setDrawerOpen(false)}
      title={t('tasks.title')}
      size={680}
      className="tasks-drawer"
    >
      <div data-testid="tasks-drawer">
        {failure && <ErrorAlert error={failure} onClose={clearFailure} className="form-alert" />}
        {tasks.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.empty')} />
        ) : (
          <div className="task-list">
            {tasks.map((task) =>
              task.kind === 'import' ? (
                <TaskCard key={task.taskId} task={task} />
              ) : (
                <ProxyCard key={task.taskId} task={task} />
              ),
            )}
          </div>
        )}
      </div>
    </Drawer>
  )
}
