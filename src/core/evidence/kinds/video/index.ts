/**
 * Videos (body-worn recorders, phones, drones): ffprobe facts and capture time, a poster frame,
 * a background H.264 proxy for what Chromium cannot play, and stills and clips as derived items
 * (derive-item.ts).
 */
import { mkdir } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { readMeta } from '../../../../shared/kinds'
import { insideDuration } from '../../../annotations/anchor-bounds'
import { derivedDir } from '../../../case/layout'
import { getItem, setDerived } from '../../item-repository'
import type { CoreKindModule } from '../kind-module'
import { ELEMENTARY_VIDEO_FORMATS, mayHoldRawVideo, videoByProbe } from './by-probe'
import { extractVideo } from './extract'
import { videoPoster } from './poster'
import { chromiumPlays } from './probe-parse'
import { makePlaybackProxy } from './proxy'

const PROXY_FILE = 'proxy.mp4'

export const videoModule: CoreKindModule<'video'> = {
  kind: 'video',
  detectionRank: 30,
  claims: (s) => s.mime.startsWith('video/'),
  formats: ELEMENTARY_VIDEO_FORMATS,
  // Formats without a magic number our sniffer knows (raw DV, MPEG-4 Part 2 and H.264/H.265
  // elementary streams): ffprobe, which reads them, tells.
  reclaims: {
    from: ['other'],
    check: async (ctx) =>
      mayHoldRawVideo(ctx.head, ctx.size <= ctx.head.length) ? videoByProbe(ctx.path, ctx.signal) : null,
  },
  citations: { 'time-range': (item, a) => insideDuration(item, a.start, a.end) },
  extract: (ctx) =>
    extractVideo(ctx.path, {
      caseTimeZone: ctx.caseTimeZone,
      fileName: ctx.fileName,
      sourceMtimeMs: ctx.sourceMtimeMs,
      mime: ctx.mime,
      fileSize: ctx.size,
      signal: ctx.signal,
    }),
  // ffmpeg reads a stored entry's bytes straight from a package ZIP
  pictures: { fromZip: 'range', make: (src, outDir) => videoPoster(src, outDir) },
  proxy: {
    fileName: PROXY_FILE,
    describe: 'H.264/AAC MP4',
    make: async (src, out, opts) => {
      await makePlaybackProxy(src, out, opts)
    },
  },
  // Reviewer mode plays from the package: a video Chromium cannot play (HEVC, MJPEG AVI…) gets its
  // proxy made into the review workspace when the package opens. Proxies are not evidence, so the
  // package never carries them; one made here is labelled as a copy like any other.
  prepareForReview: async (file, itemId, original, { signal }) => {
    const item = getItem(file.db, itemId)
    if (!item || !original) return
    const { meta } = readMeta('video', item.meta)
    const video = meta.videoCodec ? { codec_name: meta.videoCodec, pix_fmt: meta.pixelFormat } : undefined
    if (chromiumPlays(item.mime, meta.container ?? '', video, meta.audioCodec ?? null)) return
    const out = join(derivedDir(file.dir, item.sha256), PROXY_FILE)
    await mkdir(dirname(out), { recursive: true, mode: 0o700 })
    await makePlaybackProxy(original.path, out, { durationSec: item.durationSec, signal })
    setDerived(file.db, itemId, 'proxy', 'ready', relative(file.dir, out))
  },
}
