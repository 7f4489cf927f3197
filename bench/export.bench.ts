import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { Bench, BenchRow } from './bench-types'
import { CaseFile } from '../src/core/case/case-file'
import { objectPath } from '../src/core/case/layout'
import { importPaths } from '../src/core/evidence/import'
import { queryItems } from '../src/core/evidence/item-repository'
import { exportCase } from '../src/core/package/export'
import { OfficerKeys } from '../src/core/signing/officer-key'
import { writeRandomFile } from './bench-files'
import { timeShell } from './timing'

const OFFICER = { name: '张三', certNo: '32010001' }

/**
 * The whole custody-package export (re-hash of the stored original while copying it, sha256 +
 * sha512, documents, log, report, signature, fsync, rename) of a case holding one large
 * original, against `cp` + `sync` of that same stored file. PDFs are left out (no printer):
 * their cost does not grow with the payload. Each side runs twice, interleaved; the best counts.
 */
export const exportBench: Bench = {
  name: 'export',
  async run({ tmpDir, quick, log }) {
    const size = quick ? 256 << 20 : 1 << 30
    const label = quick ? '256 MiB' : '1 GiB'
    const source = join(tmpDir, 'recording.bin')
    writeRandomFile(source, size)
    const clock = (): Date => new Date()
    const file = CaseFile.create(
      join(tmpDir, 'case'),
      {
        number: '宁环罚〔2026〕1号',
        title: 'bench',
        cause: '',
        subject: { name: '', creditCode: '', address: '', legalRep: '' },
        unit: '南京市生态环境局',
        officers: [OFFICER, { name: '李四', certNo: '32010002' }],
        timezone: 'Asia/Shanghai',
      },
      OFFICER,
      clock,
    )
    try {
      await importPaths(file, [source], { actor: OFFICER, clock })
      rmSync(source, { force: true })
      const stored = objectPath(file.dir, queryItems(file.db).items[0].sha256)
      const keys = new OfficerKeys(join(tmpDir, 'app-data'))
      const out = join(tmpDir, 'out')
      mkdirSync(out)
      const sync = (): void => void execFileSync('sync')
      const exportOnce = async (i: number): Promise<number> => {
        const dest = join(out, `bag-${i}`)
        sync()
        const t0 = performance.now()
        await exportCase(file, dest, { actor: OFFICER, keys, clock, generator: 'Evidence Desk bench' })
        const ms = performance.now() - t0
        rmSync(dest, { recursive: true, force: true })
        return ms
      }
      const cpOnce = (): number => {
        const copy = join(out, 'copy.bin')
        rmSync(copy, { force: true })
        sync()
        const ms = timeShell(`cp ${stored} ${copy} && sync`)
        rmSync(copy, { force: true })
        return ms
      }
      const ours: number[] = []
      const cp: number[] = []
      const sha512: number[] = []
      for (let i = 0; i < 2; i++) {
        ours.push(await exportOnce(i))
        cp.push(cpOnce())
        sha512.push(timeShell(`openssl dgst -sha512 ${stored}`))
      }
      log(
        `export runs ${ours.map(Math.round).join(', ')} ms; cp+sync ${cp.map(Math.round).join(', ')} ms; sha512 ${sha512.map(Math.round).join(', ')} ms`,
      )
      const best = Math.min(...ours)
      const rows: BenchRow[] = [
        {
          name: `export a case holding ${label} as a signed folder package (re-hash, copy, sha256 + sha512, fsync)`,
          oursMs: best,
          // the floor: neither copying nor the slower hash can be avoided
          referenceMs: Math.max(Math.min(...cp), Math.min(...sha512)),
          reference: `the slower of cp + sync (${Math.round(Math.min(...cp))} ms) and openssl dgst -sha512 (${Math.round(Math.min(...sha512))} ms)`,
          goalRatio: 1.15,
          extra: { MBps: Math.round(size / 1e6 / (best / 1000)), loadavg: loadavg()[0].toFixed(1) },
        },
      ]
      return rows
    } finally {
      file.close()
    }
  },
}
