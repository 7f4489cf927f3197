import { useEffect, useState } from 'react'
import { DatePicker, Flex, Input, Select, Switch, Typography, Button } from 'antd'
import { ClearOutlined } from '@ant-design/icons'
import type { Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { ITEM_CATEGORIES, type ItemCategory, type Officer } from '../../../../shared/types'
import { api } from '../../api'
import { isFiltered, NO_FILTERS, type LibraryFilters } from './library-filters'
import { categoryLabel } from '../../kinds/registry'

interface Props {
  filters: LibraryFilters
  onChange(next: LibraryFilters): void
  /** refetch the officer list when the case's evidence changes */
  libraryVersion: number
}

/** The library's filters: words, kinds, importing officer, capture days, and "has warnings". */
export function EvidenceToolbar({ filters, onChange, libraryVersion }: Props) {
  const { t } = useTranslation()
  const [officers, setOfficers] = useState<Officer[]>([])
  useEffect(() => {
    // the filter is a convenience: without the list it simply offers nobody
    api.invoke('evidence:officers', {}).then(setOfficers, () => setOfficers([]))
  }, [libraryVersion])
  const set = (patch: Partial<LibraryFilters>) => onChange({ ...filters, ...patch })

  return (
    <Flex gap={8} wrap align="center" className="library-filters" data-testid="library-filters">
      <Input.Search
        allowClear
        className="filter-search"
        placeholder={t('library.searchPlaceholder')}
        aria-label={t('library.search')}
        value={filters.text}
        onChange={(e) => set({ text: e.target.value })}
        data-testid="library-search"
      />
      <Select<ItemCategory[]>
        mode="multiple"
        allowClear
        className="filter-kinds"
        maxTagCount="responsive"
        placeholder={t('library.kindPlaceholder')}
        aria-label={t('library.kind')}
        value={filters.categories}
        onChange={(categories) => set({ categories })}
        options={ITEM_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c, 'many') }))}
        data-testid="filter-kinds"
      />
      <Select<string | null>
        allowClear
        className="filter-officer"
        placeholder={t('library.officerPlaceholder')}
        aria-label={t('library.officer')}
        value={filters.importedBy}
        onChange={(v) => set({ importedBy: v ?? null })}
        options={officers.map((o) => ({ value: o.certNo, label: `${o.name} ${o.certNo}` }))}
        notFoundContent={t('library.noOfficers')}
        data-testid="filter-officer"
      />
      <DatePicker.RangePicker
        className="filter-dates"
        aria-label={t('library.dates')}
        placeholder={[t('library.dateFrom'), t('library.dateTo')]}
        value={filters.dates}
        onChange={(v) => set({ dates: v && v[0] && v[1] ? ([v[0], v[1]] as [Dayjs, Dayjs]) : null })}
      />
      <label className="filter-warnings">
        <Switch
          size="small"
          checked={filters.warnings}
          onChange={(warnings) => set({ warnings })}
          data-testid="filter-warnings"
        />
        <Typography.Text>{t('library.onlyWarnings')}</Typography.Text>
      </label>
      {isFiltered(filters) && (
        <Button
          type="link"
          size="small"
          icon={<ClearOutlined />}
          onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}
        >
          {t('library.clearFilters')}
        </Button>
      )}
    </Flex>
  )
}
