import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { Bench, BenchRow } from './bench-types'
import { openBag } from '../src/core/package/bagit/bag-source'
import { verifyBag } from '../src/core/package/bagit/verify'
import { createBagWriter } from '../src/core/package/bagit/writer'
import { writeRandomFile } from './bench-files'
import { timeShell } from './timing'

/**
 * BagIt verify and export on one large payload file, each against the tool that does the
 * irreducible part of the same work on the same file in the same run:
 * - verifyBag (sha256 + sha512 of every byte, from one read) vs `openssl dgst -sha512`;
 * - the bag writer exporting the file to a folder bag (copy + both hashes + fsync) vs the slower of
 *   `cp` + `sync` and `openssl dgst -sha512`: neither the copy nor the slower hash can be avoided,
 *   and on a core slower at SHA-512 than the disk is at writing, the hash is the floor (issue 16's
 *   export floor, as the package export bench measures it).
 * Each side runs twice, interleaved, and the best run counts; the page cache is left as it is.
 */
export const verifyBench: Bench = {
  name: 'verify',
  async run({ tmpDir, quick, log }) {
    const size = quick ? 256 << 20 : 1 << 30
    const label = quick ? '256 MiB' : '1 GiB'
    const source = join(tmpDir, 'video.bin')
    writeRandomFile(source, size)
    const sync = (): void => void execFileSync('sync')

    // CPU time of this process (all threads) beside wall time: on a busy machine the hashing
    // competes for cores while cp and sync mostly wait for the disk, so CPU shows our own cost.
    const cpu = { export: Infinity, verify: Infinity }
    const exportOnce = async (i: number): Promise<number> => {
      const dest = join(tmpDir, `bag-${i}`)
      rmSync(dest, { recursive: true, force: true })
      sync()
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const writer = await createBagWriter({ destination: dest, format: 'folder' })
      await writer.addFile('data/evidence/video.bin', source)
      await writer.finish({ bagInfo: [['Source-Organization', 'bench']] })
      const ms = performance.now() - t0
      cpu.export = Math.min(cpu.export, cpuMs(c0))
      return ms
    }
    const cpOnce = (): number => {
      rmSync(join(tmpDir, 'copy.bin'), { force: true })
      sync()
      return timeShell(`cp ${source} ${join(tmpDir, 'copy.bin')} && sync`)
    }
    const writerMs: number[] = []
    const cpMs: number[] = []
    for (let i = 0; i < 2; i++) {
      writerMs.push(await exportOnce(i))
      cpMs.push(cpOnce())
    }
    rmSync(join(tmpDir, 'copy.bin'), { force: true })
    rmSync(join(tmpDir, 'bag-1'), { recursive: true, force: true })

    const bag = join(tmpDir, 'bag-0')
    const payload = join(bag, 'data/evidence/video.bin')
    const verifyOnce = async (): Promise<number> => {
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const src = await openBag(bag)
      const result = await verifyBag(src)
      await src.close()
      const ms = performance.now() - t0
      cpu.verify = Math.min(cpu.verify, cpuMs(c0))
      if (!result.valid) throw new Error(`bench bag did not verify: ${JSON.stringify(result.problems)}`)
      return ms
    }
    const verifyMs: number[] = []
    const opensslMs: number[] = []
    for (let i = 0; i < 2; i++) {
      verifyMs.push(await verifyOnce())
      opensslMs.push(timeShell(`openssl dgst -sha512 ${payload}`))
    }
    log(
      `verify runs ${verifyMs.map(Math.round).join(', ')} ms; openssl ${opensslMs.map(Math.round).join(', ')} ms`,
    )
    log(
      `export runs ${writerMs.map(Math.round).join(', ')} ms; cp+sync ${cpMs.map(Math.round).join(', ')} ms`,
    )

    const mbps = (ms: number): number => Math.round(size / 1e6 / (ms / 1000))
    const bestCp = Math.min(...cpMs)
    const bestOpenssl = Math.min(...opensslMs)
    const rows: BenchRow[] = [
      {
        name: `verify ${label} bag (sha256 + sha512, one read)`,
        oursMs: Math.min(...verifyMs),
        referenceMs: bestOpenssl,
        reference: 'openssl dgst -sha512',
        goalRatio: 1,
        extra: {
          MBps: mbps(Math.min(...verifyMs)),
          cpuMs: Math.round(cpu.verify),
          loadavg: loadavg()[0].toFixed(1),
        },
      },
      {
        name: `export ${label} file to a folder bag (copy + sha256 + sha512 + fsync)`,
        oursMs: Math.min(...writerMs),
        referenceMs: Math.max(bestCp, bestOpenssl),
        reference: `the slower of cp + sync (${Math.round(bestCp)} ms) and openssl dgst -sha512 (${Math.round(bestOpenssl)} ms)`,
        goalRatio: 1.15,
        extra: {
          MBps: mbps(Math.min(...writerMs)),
          cpuMs: Math.round(cpu.export),
          loadavg: loadavg()[0].toFixed(1),
        },
      },
    ]
    return rows
  },
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}
