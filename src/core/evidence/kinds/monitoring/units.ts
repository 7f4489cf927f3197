/**
 * Units of monitoring values, and the conversions between them that are exact by definition: the
 * SI prefixes of one mass per one volume (ng, μg, mg, g per m³, per L). Anything else (ppm to mg/m³
 * depends on the gas and its temperature and pressure; % to mg/m³ is no conversion at all) is not
 * converted: values in such a unit are kept apart and never compared with a limit in another unit.
 */

const MASS: Record<string, number> = { ng: 1e-9, μg: 1e-6, mg: 1e-3, g: 1 }
const VOLUME: Record<string, number> = { 'm³': 1, L: 1e-3 }

/** A unit as written ("mg/m3", "ug/m³", "毫克/立方米", "μg/L") in one spelling, "mg/m³"; other units trimmed as written. */
export function canonicalUnit(unit: string): string {
  const u = unit
    .trim()
    .replace(/\s+/g, '')
    .replace(/毫克/g, 'mg')
    .replace(/微克/g, 'μg')
    .replace(/纳克/g, 'ng')
    .replace(/立方米/g, 'm³')
    .replace(/升/g, 'L')
    .replace(/^(ug|µg)/i, 'μg')
    .replace(/m3$/i, 'm³')
    .replace(/\/l$/, '/L')
  return u
}

function massPerVolume(unit: string): { mass: number; volume: number } | null {
  const m = /^(ng|μg|mg|g)\/(m³|L)$/.exec(canonicalUnit(unit))
  return m ? { mass: MASS[m[1]], volume: VOLUME[m[2]] } : null
}

/**
 * The factor that turns a value in `from` into `to` when that is exact (mg/m³ → μg/m³: 1000), 1 for
 * the same unit however written; null when the units cannot be converted exactly.
 */
export function exactFactor(from: string, to: string): number | null {
  if (canonicalUnit(from) === canonicalUnit(to)) return 1
  const a = massPerVolume(from)
  const b = massPerVolume(to)
  if (!a || !b) return null
  // a power of ten, rounded so 1e-3 / 1e-6 is exactly 1000
  const exponent = Math.round(Math.log10(a.mass / a.volume / (b.mass / b.volume)))
  return 10 ** exponent
}

/** `value` in `from` expressed in `to` by an exact factor (divided, not multiplied by 0.001), without float noise. */
export function convertExactly(value: number, factor: number): number {
  // the same unit: nothing to convert (and no string round trip per value: a million rows call this)
  if (factor === 1) return value
  const x = factor >= 1 ? value * factor : value / Math.round(1 / factor)
  return Number(x.toPrecision(15))
}
