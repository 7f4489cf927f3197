/**
 * HJ 212-2017 (污染物在线监控(监测)系统数据传输标准) codes this reader names: the data commands
 * (CN), the value fields and the pollutant codes of the standard's appendix B (常用监测因子编码表).
 *
 * Sources, checked 2026-12 (the standard's text itself is sold, so its tables were checked against
 * public implementations that quote them, and kept only where two agree):
 * - appendix B codes, names and units: srdgame/lua-HJ212 `hj212.csv` and chenqi92/alltobs-hj212
 *   `enums/PollutionGas.java`, `enums/PollutionWater.java` (same codes, names and units);
 * - CN 2011 实时数据, 2051 分钟数据, 2061 小时数据, 2031 日历史数据: the CN tables of several public
 *   HJ 212 servers (e.g. caoyiliang/HJ212, guocay/hj212-protocol);
 * - data flags (§6.6.4 表 8): shared/kinds/monitoring-words.ts.
 * A code not listed here is shown as its code, never guessed.
 */

/** The data commands read as series, in the order of their periods (DataTime is the period's start). */
export const HJ212_DATA_COMMANDS = {
  '2011': '实时数据 (real-time)',
  '2051': '分钟数据 (minute)',
  '2061': '小时数据 (hourly)',
  '2031': '日历史数据 (daily)',
} as const

/** Value fields read as series: the plain ones are as measured (实测), Zs ones converted to reference O2 (折算). */
export const HJ212_SERIES_FIELDS: Readonly<Record<string, 'measured' | 'converted'>> = {
  Rtd: 'measured',
  Avg: 'measured',
  ZsRtd: 'converted',
  ZsAvg: 'converted',
}

/** Fields read and counted but not drawn as series of their own (a period's minimum, maximum, cumulative amount). */
export const HJ212_OTHER_FIELDS = new Set(['Min', 'Max', 'ZsMin', 'ZsMax', 'Cou'])

/**
 * The period statistics of minute, hourly and daily data (HJ 212-2017 CN 2051/2061/2031: -Min,
 * -Max and -Cou beside -Avg): drawn as their own series, never compared with a limit. Cou is the
 * period's cumulative amount (累计量), whose unit the packet does not state.
 */
export const HJ212_STATISTIC_FIELDS: Readonly<
  Record<string, { basis: 'measured' | 'converted'; statistic: 'min' | 'max' | 'cumulative' }>
> = {
  Min: { basis: 'measured', statistic: 'min' },
  Max: { basis: 'measured', statistic: 'max' },
  ZsMin: { basis: 'converted', statistic: 'min' },
  ZsMax: { basis: 'converted', statistic: 'max' },
  Cou: { basis: 'measured', statistic: 'cumulative' },
}

interface Hj212Code {
  /** the factor as the rest of the app names it (SO2, NOx, PM, …), or the standard's name */
  pollutant: string
  name: string
  unit: string | null
}

const code = (pollutant: string, name: string, unit: string | null): Hj212Code => ({ pollutant, name, unit })

/** Appendix B codes (a subset: the flue-gas and waste-water factors CEMS and water stations report). */
export const HJ212_CODES: Readonly<Record<string, Hj212Code>> = {
  // 废气
  a00000: code('废气流量', '废气', 'm³/s'),
  a01011: code('烟气流速', '烟气流速', 'm/s'),
  a01012: code('烟气温度', '烟气温度', '℃'),
  a01013: code('烟气压力', '烟气压力', 'kPa'),
  a01014: code('烟气湿度', '烟气湿度', '%'),
  a19001: code('O2', '氧气含量', '%'),
  a21002: code('NOx', '氮氧化物', 'mg/m³'),
  a21003: code('NO', '一氧化氮', 'mg/m³'),
  a21004: code('NO2', '二氧化氮', 'mg/m³'),
  a21005: code('CO', '一氧化碳', 'mg/m³'),
  a21024: code('HCl', '氯化氢', 'mg/m³'),
  a21026: code('SO2', '二氧化硫', 'mg/m³'),
  a21028: code('H2S', '硫化氢', 'mg/m³'),
  a20057: code('Hg', '汞及其化合物', 'mg/m³'),
  a24088: code('NMHC', '非甲烷总烃', 'mg/m³'),
  a34013: code('PM', '烟尘', 'mg/m³'),
  // 污水
  w00000: code('污水流量', '污水', 'L/s'),
  w01001: code('pH', 'pH值', null),
  w01010: code('水温', '水温', '℃'),
  w01012: code('SS', '悬浮物', 'mg/L'),
  w01018: code('COD', '化学需氧量', 'mg/L'),
  w21001: code('TN', '总氮', 'mg/L'),
  w21003: code('NH3-N', '氨氮', 'mg/L'),
  w21011: code('TP', '总磷', 'mg/L'),
  w22001: code('石油类', '石油类', 'mg/L'),
}

/** The factor a code names; an unknown code is its own name, with no unit. */
export function hj212Factor(codeText: string): Hj212Code {
  return HJ212_CODES[codeText] ?? { pollutant: codeText, name: codeText, unit: null }
}
