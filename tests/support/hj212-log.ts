/** HJ 212-2017 packets generated on the spot for tests: length and CRC as the standard computes them. */
import { hj212Crc } from '../../src/core/evidence/kinds/monitoring/hj212-packet'

/** `##` + 4-digit length + segment + CRC (hj212Crc, itself checked against the standard's example and a Python-computed packet). */
export function hj212Packet(segment: string): string {
  const crc = hj212Crc(Buffer.from(segment)).toString(16).toUpperCase().padStart(4, '0')
  return `##${String(Buffer.byteLength(segment)).padStart(4, '0')}${segment}${crc}`
}

/** An hourly (CN 2061) packet of device 88888880000001 at 2021-05-24 `hour`:00: SO2 Min/Avg/Max, SO2 折算 `so2` with `flag`, O2. */
export const hourlyPacket = (hour: number, so2: string, flag = 'N'): string => {
  const hh = String(hour).padStart(2, '0')
  return hj212Packet(
    `QN=20210524${hh}0005000;ST=31;CN=2061;PW=123456;MN=88888880000001;Flag=4;CP=&&DataTime=20210524${hh}0000;` +
      `a21026-Min=10.0,a21026-Avg=20.5,a21026-Max=30.0,a21026-ZsAvg=${so2},a21026-Flag=${flag};a19001-Avg=9.8,a19001-Flag=N&&`,
  )
}

/** The daily (CN 2031) packet of the same device for 2021-05-24, SO2 折算 `so2`. */
export const dailyPacket = (so2: string): string =>
  hj212Packet(
    `QN=20210525000005000;ST=31;CN=2031;PW=123456;MN=88888880000001;Flag=4;CP=&&DataTime=20210524000000;a21026-Avg=30.0,a21026-ZsAvg=${so2},a21026-Flag=N&&`,
  )
