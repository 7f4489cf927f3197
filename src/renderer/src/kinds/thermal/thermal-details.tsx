import { useTranslation } from 'react-i18next'
import type { EvidenceItemOf } from '../../../../shared/types'
import { FactList, factRows, fmt } from '../../components/evidence/fact-rows'
import { droneRows } from '../image/drone-rows'
import type { MessageKey } from '../../i18n/keys'

const FORMAT_TEXT: Record<NonNullable<EvidenceItemOf<'thermal'>['meta']['thermal']>['format'], MessageKey> = {
  flir: 'item.thermal.formats.flir',
  dji: 'item.thermal.formats.dji',
}

/** A thermal image's radiometric facts (format, range, emissivity, raw size) and its drone facts. */
export function ThermalDetails({ item }: { item: EvidenceItemOf<'thermal'> }) {
  const { t } = useTranslation()
  const { rows, add } = factRows()
  const th = item.meta.thermal
  if (th) {
    add('tformat', t('item.thermal.format'), t(FORMAT_TEXT[th.format]))
    if (th.relativeOnly === true) {
      add('trange', t('item.thermal.values'), t('item.thermal.relative'))
    } else {
      const c = (v: number | undefined) => fmt(v, 1, (n) => `${n} °C`)
      add('tmin', t('item.thermal.min'), c(th.minC))
      add('tmax', t('item.thermal.max'), c(th.maxC))
      add('tmean', t('item.thermal.mean'), c(th.meanC))
    }
    add('temis', t('item.thermal.emissivity'), fmt(th.emissivity, 2))
    add(
      'traw',
      t('item.thermal.rawSize'),
      th.rawWidth && th.rawHeight ? `${th.rawWidth} × ${th.rawHeight}` : null,
    )
  }
  droneRows(item.meta.drone, add, t)
  return <FactList rows={rows} />
}
