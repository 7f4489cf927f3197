/**
 * `npm run demo`: a sample case built on the spot, then opened in browser mode. The media are
 * generated now with real tools (ffmpeg, exiftool, sharp, iconv-lite) and go through the real
 * import pipeline, so what you see is what an officer would see after importing a card.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Backend } from '../src/core/api/backend'
import { CaseFile } from '../src/core/case/case-file'
import { importPaths } from '../src/core/evidence/import'
import { AppData } from '../src/core/profile/app-data'
import { setMonitoringLimit } from '../src/core/evidence/kinds/monitoring/view'
import { openInBrowser } from '../src/cli/commands/serve'
import { createChromiumPdfPrinter } from '../src/cli/chromium-pdf'
import {
  makeBodycamMp4,
  makeCemsCsv,
  makeDroneJpeg,
  makeHevcMp4,
  makeTranscriptGb18030,
} from '../tests/support/media'

const officer = { name: '张三', certNo: '35010012345' }

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'evidesk-demo-'))
  const card = join(root, 'inspection-card')
  mkdirSync(join(card, 'DCIM'), { recursive: true })
  mkdirSync(join(card, 'BODYCAM'), { recursive: true })
  mkdirSync(join(card, 'documents'), { recursive: true })
  process.stderr.write(`Generating sample media in ${card} …\n`)
  // One site: the body-worn recorder's position and the drone's photos are all at the plant in Mawei.
  makeBodycamMp4(join(card, 'BODYCAM'), { durationSec: 6, size: '640x360', location: '+26.0748+119.2966/' })
  makeHevcMp4(join(card, 'BODYCAM'), '20210524_050000_DSJ-A8-00123.MP4')
  const ground = 12.0 // metres above sea level at the take-off point
  const spots = [
    { lat: 26.0745, lon: 119.2965, alt: 62.4 },
    { lat: 26.0749, lon: 119.2971, alt: 63.0 },
    { lat: 26.0752, lon: 119.2962, alt: 61.8 },
  ]
  for (const [i, gps] of spots.entries()) {
    const signed = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`
    await makeDroneJpeg(join(card, 'DCIM'), {
      fileName: `DJI_000${i + 1}.JPG`,
      gps,
      dateTimeOriginal: `2021:05:24 04:1${i}:00`,
      offset: '+08:00',
      // one altitude per photo: the DJI XMP says what EXIF GPS says, and the height above take-off follows
      drone: {
        AbsoluteAltitude: signed(gps.alt),
        RelativeAltitude: signed(gps.alt - ground),
        GimbalYawDegree: '+32.50',
        GimbalPitchDegree: '-90.00',
        GimbalRollDegree: '+0.00',
        FlightYawDegree: '+30.30',
        FlightPitchDegree: '-0.50',
        FlightRollDegree: '+1.20',
      },
    })
  }
  makeTranscriptGb18030(join(card, 'documents'))
  makeCemsCsv(join(card, 'documents'), { encoding: 'gb18030', fileName: 'CEMS-2021-05-24-SO2.csv' })

  const dataDir = join(root, 'app-data')
  new AppData(dataDir).saveProfile({ ...officer, unit: '福州市生态环境局执法支队' })
  const caseDir = join(root, 'case')
  const file = CaseFile.create(
    caseDir,
    {
      number: '榕环罚〔2021〕017号',
      title: '某化工有限公司通过旁路逃避监管排放大气污染物案',
      cause: '二氧化硫超标排放；私设旁路软管逃避在线监测',
      subject: {
        name: '福州某化工有限公司',
        creditCode: '91350100M000100Y43',
        address: '福州市马尾区江滨东大道100号',
        legalRep: '王五',
      },
      unit: '福州市生态环境局执法支队',
      officers: [officer, { name: '李四', certNo: '35010067890' }],
      timezone: 'Asia/Shanghai',
    },
    officer,
    () => new Date(),
  )
  process.stderr.write('Importing through the real pipeline …\n')
  const summary = await importPaths(file, [card], { actor: officer, clock: () => new Date() })
  for (const r of summary.results)
    process.stderr.write(`  ${r.number ?? '    '} ${r.status.padEnd(9)} ${r.path}\n`)
  const cems = summary.results.find((r) => r.kind === 'monitoring')
  if (cems?.id) {
    // The CSV carries no limit column: set the one the officer would, so the chart shows the exceedance.
    await setMonitoringLimit(
      file,
      cems.id,
      'SO2',
      35,
      '示例：超低排放限值 35 mg/m³',
      officer,
      () => new Date(),
    )
  }

  // PDFs printed by Chromium, as `evidesk serve` wires them (none where no Chromium is found)
  const backend = new Backend({
    mode: 'browser',
    dataDir,
    version: 'demo',
    pdf: createChromiumPdfPrinter() ?? undefined,
  })
  await backend.setCase(file)
  const { startBrowserServer } = await import('../src/cli/browser-mode/server')
  const { existsSync } = await import('node:fs')
  const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('The UI is not built: run "npm run build" (npm run demo does it first).')
  const server = await startBrowserServer({ backend, rendererDir })
  process.stdout.write(`${server.url}\n`)
  if (!process.env.CI) openInBrowser(server.url)
  process.stderr.write(`\nThe demo case is in ${caseDir}. Open the link above; Ctrl+C stops the server.\n`)
  const stop = async () => {
    await server.close()
    await backend.dispose()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e) => {
  process.stderr.write(`demo failed: ${e instanceof Error ? e.message : String(e)}\n`)
  process.exitCode = 1
})
