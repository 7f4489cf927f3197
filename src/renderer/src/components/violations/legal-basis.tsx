import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LegalBasisEntry } from '../../../../shared/violation-types'
import { ROLE_TEXT, TRANSFER_KIND_TEXT } from './violation-text'

/** The law's short name as officers say it: 《中华人民共和国大气污染防治法》 → 大气污染防治法. */
export function shortLaw(entry: LegalBasisEntry, language: string): string {
  if (language === 'en' && entry.lawEn) return entry.lawEn
  return entry.law.replace(/[《》]/g, '').replace(/^中华人民共和国/, '')
}

/** The act in the UI's language; the zh-CN wording when there is no English summary. */
export function actText(entry: LegalBasisEntry, language: string): string {
  return language === 'en' && entry.actEn ? entry.actEn : entry.act
}

/** Text an officer may search the catalogue by: both languages, the article, the id. */
export function basisSearchText(entry: LegalBasisEntry): string {
  return [entry.id, entry.law, entry.lawEn, entry.article, entry.act, entry.actEn].join(' ').toLowerCase()
}

/** One provision: law and article (catalogue data, kept as cited), the act, and whether it grounds a transfer. */
export function BasisLine({ entry, compact }: { entry: LegalBasisEntry; compact?: boolean }) {
  const { t, i18n } = useTranslation()
  return (
    <span className="vio-basis-line" data-testid="basis-line" data-basis-id={entry.id}>
      <span className="vio-basis-cite">
        <span data-user-data>{shortLaw(entry, i18n.language)}</span>{' '}
        <span data-user-data>{entry.article}</span>
      </span>
      {entry.transferKind !== 'none' && (
        <Tag color={entry.transferKind === 'criminal' ? 'red' : 'volcano'} className="vio-tag">
          {t(TRANSFER_KIND_TEXT[entry.transferKind])}
        </Tag>
      )}
      {entry.textStatus === 'unverified' && (
        <Tag color="gold" className="vio-tag" data-testid="basis-unverified">
          {t('violations:local.textStatus.unverified')}
        </Tag>
      )}
      {!compact && (
        <Tag className="vio-tag" bordered={false}>
          {t(ROLE_TEXT[entry.role])}
        </Tag>
      )}
      <Typography.Text type="secondary" className="vio-basis-act" data-user-data>
        {actText(entry, i18n.language)}
      </Typography.Text>
    </span>
  )
}
