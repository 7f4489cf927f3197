import type { ReactNode } from 'react'
import { Card, Flex, Tag } from 'antd'
import type { JobState } from '../../../../shared/jobs'

const STATE_COLORS: Record<JobState, string> = {
  scanning: 'processing',
  running: 'processing',
  done: 'success',
  cancelled: 'default',
  failed: 'error',
}

interface Props {
  testId: string
  state: JobState
  title: string
  /** the state in words, for this kind of work */
  stateLabel: string
  extra?: ReactNode
  children: ReactNode
}

/** The frame of one job in the progress drawer: what it is, its state as a coloured tag, and its body. */
export function JobCard({ testId, state, title, stateLabel, extra, children }: Props) {
  return (
    <Card
      size="small"
      className="task-card"
      data-testid={testId}
      data-state={state}
      title={
        <Flex align="center" gap={8}>
          <span>{title}</span>
          <Tag color={STATE_COLORS[state]} data-testid={`${testId.replace(/-card$/, '')}-state`}>
            {stateLabel}
          </Tag>
        </Flex>
      }
      extra={extra}
    >
      {children}
    </Card>
  )
}
