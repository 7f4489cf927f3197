import { useMemo, useState } from 'react'
import { Button, Empty, Flex, Segmented, Select, Spin, Typography } from 'antd'
import { AppstoreOutlined, CloudUploadOutlined, InboxOutlined, TableOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { EvidenceItem } from '../../../shared/types'
import { ErrorAlert } from '../components/error-alert'
import { EvidenceDetails } from '../components/evidence/evidence-details'
import { EvidenceGrid } from '../components/evidence/evidence-grid'
import { EvidenceTable } from '../components/evidence/evidence-table'
import { EvidenceToolbar } from '../components/evidence/evidence-toolbar'
import {
  isFiltered,
  NO_FILTERS,
  SORTS,
  SORT_TEXT,
  toQuery,
  type LibraryFilters,
  type LibrarySort,
} from '../components/evidence/library-filters'
import { DropZone } from '../components/import/drop-zone'
import { useDebounced } from '../hooks/use-debounced'
import { useEvidencePages } from '../hooks/use-evidence-pages'
import { useImportTasks } from '../state/import-tasks-context'
import { useCan } from '../state/read-only'
import { useCurrentCase } from '../state/session'
import '../components/evidence/evidence.css'

const SEARCH_PAUSE_MS = 300

/** 证据库: every item of the case as thumbnails or rows, filtered and sorted, with its details beside. */
export function EvidenceLibrary() {
  const { t } = useTranslation()
  const info = useCurrentCase()
  const { importFiles, libraryVersion } = useImportTasks()
  const canImport = useCan('import:start')
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS)
  const [view, setView] = useState<'grid' | 'table'>('grid')
  const [selected, setSelected] = useState<EvidenceItem | null>(null)

  const text = useDebounced(filters.text, SEARCH_PAUSE_MS)
  const query = useMemo(() => toQuery({ ...filters, text }, info.timezone), [filters, text, info.timezone])
  const { pager, total, failure, version } = useEvidencePages(query, libraryVersion)

  const filtered = isFiltered(filters)
  const onSelect = (item: EvidenceItem) => setSelected(item)
  // reviewer mode: nothing is imported into a package under review
  const importButton = !canImport ? null : (
    <Button
      type="primary"
      icon={<CloudUploadOutlined />}
      onClick={() => void importFiles()}
      data-testid="library-import"
    >
      {t('overview.importButton')}
    </Button>
  )

  let body
  if (total === null) {
    body = failure ? null : (
      <Spin className="library-loading" description={t('library.loading')}>
        <div className="library-loading-space" />
      </Spin>
    )
  } else if (total === 0) {
    body = filtered ? (
      <Empty className="library-empty" description={t('library.noMatch')} data-testid="library-no-match">
        <Button onClick={() => setFilters({ ...NO_FILTERS, sort: filters.sort })}>
          {t('library.clearFilters')}
        </Button>
      </Empty>
    ) : (
      <div className="library-empty evidence-empty" data-testid="library-empty">
        <InboxOutlined className="evidence-empty-icon" />
        <Typography.Text strong>{t('overview.evidenceEmpty')}</Typography.Text>
        <Typography.Text type="secondary">{t('overview.evidenceEmptyNote')}</Typography.Text>
        {importButton}
      </div>
    )
  } else {
    const props = { pager, total, version, selectedId: selected?.id ?? null, onSelect }
    body = view === 'grid' ? <EvidenceGrid {...props} /> : <EvidenceTable {...props} />
  }

  return (
    <DropZone className="library">
      <div className="library-header">
        <Flex align="baseline" gap={12} className="library-title">
          <Typography.Title level={4} className="page-title">
            {t('nav.evidence')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="library-total" data-total={total ?? ''}>
            {total === null
              ? ''
              : filtered
                ? t('library.matchCount', { count: total, all: info.evidenceCount })
                : t('library.totalCount', { count: total })}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8}>
          <Select<LibrarySort>
            className="library-sort"
            popupMatchSelectWidth={false}
            aria-label={t('library.sort')}
            value={filters.sort}
            onChange={(sort) => setFilters({ ...filters, sort })}
            options={SORTS.map((s) => ({ value: s, label: t(SORT_TEXT[s]) }))}
            data-testid="library-sort"
          />
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'grid' | 'table')}
            options={[
              { value: 'grid', icon: <AppstoreOutlined />, label: t('library.grid') },
              { value: 'table', icon: <TableOutlined />, label: t('library.table') },
            ]}
            data-testid="library-view"
          />
          {importButton}
        </Flex>
      </div>
      <EvidenceToolbar filters={filters} onChange={setFilters} libraryVersion={libraryVersion} />
      {failure && <ErrorAlert error={failure} className="form-alert library-alert" />}
      <div className="library-main">
        <div className="library-items">{body}</div>
        {selected && (
          <EvidenceDetails
            itemId={selected.id}
            libraryVersion={libraryVersion}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </DropZone>
  )
}
