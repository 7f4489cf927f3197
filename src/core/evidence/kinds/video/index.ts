/**
 * Videos (body-worn recorders, phones, drones): ffprobe facts and capture time, a poster frame,
 * a background H.264 proxy for what Chromium cannot play, and stills and clips as derived items
 * (derive-item.ts).
 */
import { insideDuration } from '../../../annotations/anchor-bounds'
import type { CoreKindModule } from '../kind-module'
import { ELEMENTARY_VIDEO_FORMATS, videoByProbe } from './by-probe'
import { extractVideo } from './extract'
import { videoPoster } from './poster'
import { makePlaybackProxy } from './proxy'

export const videoModule: CoreKindModule<'video'> = {
  kind: 'video',
  detectionRank: 30,
  claims: (s) => s.mime.startsWith('video/'),
  formats: ELEMENTARY_VIDEO_FORMATS,
  // Formats without a magic number our sniffer knows (raw DV, MPEG-4 Part 2 and H.264/H.265
  // elementary streams): ffprobe, which reads them, tells.
  reclaims: { from: ['other'], check: (ctx) => videoByProbe(ctx.path, ctx.signal) },
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
    fileName: 'proxy.mp4',
    describe: 'H.264/AAC MP4',
    make: async (src, out, opts) => {
      await makePlaybackProxy(src, out, opts)
    },
  },
}
