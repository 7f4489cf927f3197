/**
 * Audio recordings (录音): interviews, phone calls, recorders. Detected by content (magic numbers,
 * ADTS frames, and ffprobe's streams for containers that may hold pictures); a waveform made by
 * streaming at import, which is also the thumbnail; a background AAC proxy for what Chromium
 * cannot play; citations are time ranges, as for video (shared/citations/anchors.ts says why).
 */
import { join, relative } from 'node:path'
import { readMeta } from '../../../../shared/kinds'
import { insideDuration } from '../../../annotations/anchor-bounds'
import { derivedDir } from '../../../case/layout'
import { getItem, setDerived } from '../../item-repository'
import type { CoreKindModule } from '../kind-module'
import { claimAudio, reclaimAudio } from './detect'
import { extractAudio } from './extract'
import { audioPictures } from './pictures'
import { chromiumPlaysAudio, makeAudioProxy } from './playback'

const PROXY_FILE = 'proxy.m4a'

export const audioModule: CoreKindModule<'audio'> = {
  kind: 'audio',
  // after video (which claims containers first), before the text kinds and the catch-all
  detectionRank: 35,
  formats: {
    'audio/mp4': ['m4a', 'mp4', 'm4b', 'aac'],
    'audio/aac': ['aac', 'adts'],
    'audio/ogg': ['ogg', 'oga', 'opus'],
    'audio/quicktime': ['mov', 'm4a'],
    'audio/3gpp': ['3gp', '3ga', 'amr'],
    'audio/3gpp2': ['3g2'],
    'audio/webm': ['webm', 'weba'],
    'audio/x-matroska': ['mka', 'mkv'],
    'audio/x-ms-wma': ['wma', 'asf'],
    'audio/mp2t': ['ts'],
    'audio/x-flv': ['flv'],
    'audio/amr': ['amr', 'awb'],
  },
  claims: claimAudio,
  reclaims: { from: ['video', 'other'], check: reclaimAudio },
  extract: extractAudio,
  citations: { 'time-range': (item, a) => insideDuration(item, a.start, a.end) },
  // ffmpeg reads a stored entry's bytes straight from a package ZIP
  pictures: { fromZip: 'range', make: audioPictures },
  proxy: {
    fileName: PROXY_FILE,
    describe: 'AAC M4A',
    make: (src, out, opts) => makeAudioProxy(src, out, opts),
  },
  // Reviewer mode plays from the package: what Chromium cannot play gets its proxy made there too.
  prepareForReview: async (file, itemId, original, { signal }) => {
    const item = getItem(file.db, itemId)
    if (!item || !original) return
    const { meta } = readMeta('audio', item.meta)
    if (!meta.codec || chromiumPlaysAudio(item.mime, meta.container ?? null, meta.codec)) return
    const out = join(derivedDir(file.dir, item.sha256), PROXY_FILE)
    await makeAudioProxy(original.path, out, { durationSec: item.durationSec, signal })
    setDerived(file.db, itemId, 'proxy', 'ready', relative(file.dir, out))
  },
}
