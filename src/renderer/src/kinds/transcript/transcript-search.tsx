import { Button, Input, Space, Tooltip, Typography } from 'antd'
import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

interface Props {
  query: string
  onQuery(q: string): void
  total: number
  /** 0-based index of the current match */
  current: number
  onStep(delta: 1 | -1): void
  /** a plain-text document rather than an interview record: the words say text, not record */
  plain?: boolean
}

/** Find in the record: matches highlighted in the text, the current one scrolled to; Enter steps on. */
export function TranscriptSearch({ query, onQuery, total, current, onStep, plain = false }: Props) {
  const { t } = useTranslation()
  const label = t(plain ? 'docsViewer:transcript.plain.search' : 'docsViewer:transcript.search.label')
  return (
    <Space.Compact className="tx-search">
      <Input
        allowClear
        prefix={<SearchOutlined />}
        value={query}
        aria-label={label}
        placeholder={label}
        onChange={(e) => onQuery(e.target.value)}
        onPressEnter={(e) => onStep(e.shiftKey ? -1 : 1)}
        data-testid="transcript-search"
        suffix={
          query.trim() ? (
            <Typography.Text type="secondary" className="small" data-testid="transcript-search-count">
              {total === 0
                ? t('docsViewer:transcript.search.none')
                : t('docsViewer:transcript.search.count', { current: current + 1, total })}
            </Typography.Text>
          ) : null
        }
      />
      <Tooltip title={t('docsViewer:transcript.search.prev')}>
        <Button
          icon={<UpOutlined />}
          disabled={total === 0}
          onClick={() => onStep(-1)}
          aria-label={t('docsViewer:transcript.search.prev')}
          data-testid="transcript-search-prev"
        />
      </Tooltip>
      <Tooltip title={t('docsViewer:transcript.search.next')}>
        <Button
          icon={<DownOutlined />}
          disabled={total === 0}
          onClick={() => onStep(1)}
          aria-label={t('docsViewer:transcript.search.next')}
          data-testid="transcript-search-next"
        />
      </Tooltip>
    </Space.Compact>
  )
}
