import {
  formatLocalWithOffset,
  formatOffset,
  isValidTimeZone,
  zoneOffsetMinutes,
} from '../../../shared/time-zone'

/**
 * An instant as wall time in `zone` with that zone's offset at that instant
 * ("2021-05-24 04:03:12 +08:00"), so daylight-saving zones show the offset that applied then.
 */
export function formatInZone(isoInstant: string, zone: string): string {
  const ms = Date.parse(isoInstant)
  if (Number.isNaN(ms)) return isoInstant
  return formatLocalWithOffset(isoInstant, zoneOffsetMinutes(zone, ms))
}

export interface ZoneOption {
  value: string
  label: string
}

/** Every IANA zone the runtime knows, labelled with its current UTC offset; `mustInclude` is kept even if the list lacks it. */
export function timeZoneOptions(mustInclude: string[]): ZoneOption[] {
  let zones: string[]
  try {
    zones = Intl.supportedValuesOf('timeZone')
  } catch {
    zones = []
  }
  const all = Array.from(new Set([...zones, ...mustInclude.filter(Boolean), 'UTC']))
  const now = Date.now()
  return (
    all
      // a zone this runtime does not know (a case made elsewhere) is listed without an offset, not dropped
      .map((zone) => ({
        value: zone,
        label: isValidTimeZone(zone) ? `${zone} (UTC${formatOffset(zoneOffsetMinutes(zone, now))})` : zone,
      }))
      .sort((a, b) => a.value.localeCompare(b.value))
  )
}
