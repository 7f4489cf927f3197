import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { afterAll, describe, expect, it } from 'vitest'
import { extractInCaseZone as extract } from '../support/extract-in-case-zone'
import { tempDir } from '../support/temp'

const { dir, cleanup } = tempDir('extract-monitoring-encoding-')
afterAll(cleanup)

/** Hourly SO2 rows (ASCII only) from 2020-01-01: 90,000 pass the 2 MiB head kinds are detected on (and the 1 MiB the reader's encoding is). */
function asciiRows(count: number): string[] {
  const rows: string[] = []
  for (let h = 0; h < count; h++) {
    const d = new Date(Date.UTC(2020, 0, 1) + h * 3_600_000).toISOString()
    rows.push(`${d.slice(0, 10)} ${d.slice(11, 16)},${(20 + (h % 10)).toFixed(3)},N`)
  }
  return rows
}

describe('a CSV whose encoding changes after its first MiB', () => {
  it('later GB18030 bytes in a file read as UTF-8 give a warning naming the line', async () => {
    const head = ['监测时间,SO2折算浓度(mg/m3),SO2数据标记', ...asciiRows(90_000)]
    const before = Buffer.from(head.join('\n') + '\n', 'utf8')
    expect(before.length).toBeGreaterThan(2 * 1024 * 1024)
    // a row written by another program, in GB18030: 停运 (shut down) as the flag cell's words
    const later = iconv.encode('2024-07-27 16:00,,停运\n', 'gb18030')
    const path = join(dir, 'mixed.csv')
    writeFileSync(path, Buffer.concat([before, later]))
    const r = await extract(path)
    expect(r.meta.encoding).toBe('utf-8')
    const w = r.warnings.find((x) => x.code === 'monitoring-encoding-changed')
    // 停 in GB18030 (CD A3) happens to be valid UTF-8; in 运 (D4 CB), CB cannot continue the sequence D4 starts
    const at = before.length + Buffer.byteLength('2024-07-27 16:00,,') + 3
    expect(w?.message).toContain(`line ${head.length + 1} (byte ${at})`)
  }, 180_000)

  it('a UTF-8 file whose Chinese characters straddle the reading chunks gives no such warning', async () => {
    // every row carries a three-byte character, so some row crosses each 1 MiB chunk boundary
    const rows = [
      '监测时间,SO2折算浓度(mg/m3),备注',
      ...asciiRows(40_000).map((r) => `${r.slice(0, -2)},正常`),
    ]
    const path = join(dir, 'utf8.csv')
    writeFileSync(path, rows.join('\n') + '\n')
    const r = await extract(path)
    expect(r.meta.encoding).toBe('utf-8')
    expect(r.warnings.map((x) => x.code)).not.toContain('monitoring-encoding-changed')
    expect(r.meta.rows).toBe(40_000)
  }, 180_000)
})
