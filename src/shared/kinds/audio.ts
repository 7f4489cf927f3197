/** Audio recordings (录音: interviews, phone calls, recorders): ffprobe's reading of the stream and its tags. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

export const audioMetaSchema = z.looseObject({
  /** ffprobe's format family, e.g. "mov,mp4,m4a,3gp,3g2,mj2", "amr", "asf"; null when unreadable */
  container: z.string().nullish(),
  formatLongName: z.string().nullish(),
  /** ffprobe's codec name of the first audio stream (aac, mp3, amr_nb, wmav2, opus, pcm_s16le, …); null when none was read */
  codec: z.string().nullish(),
  /** e.g. "LC" for AAC-LC */
  codecProfile: z.string().optional(),
  /** Hz */
  sampleRate: z.number().nullish(),
  channels: z.number().nullish(),
  /** "mono", "stereo", … */
  channelLayout: z.string().optional(),
  /** bits per second, of the whole file */
  bitRate: z.number().optional(),
  /** descriptive tags as the file carries them (title, artist, album, comment, genre, encoder, …), searchable */
  tags: z.record(z.string(), z.string()).optional(),
})
export type AudioMeta = z.output<typeof audioMetaSchema>

/** The stored waveform (derived role `waveform`): peak levels over equal stretches of the recording. */
export const waveformSchema = z.looseObject({
  version: z.literal(1),
  /** seconds each peak covers */
  secondsPerPeak: z.number().positive(),
  /** seconds of sound decoded (for a damaged file, what could be decoded) */
  decodedSec: z.number().min(0),
  /** the loudest sample of each stretch, 0 (silence) … 1000 (full scale) */
  peaks: z.array(z.number().int().min(0).max(1000)),
})
export type Waveform = z.output<typeof waveformSchema>

export const audioKind = defineKind({
  meta: audioMetaSchema,
  anchors: ['time-range'],
  // the waveform picture is the thumbnail; the peaks are drawn by the viewer
  derived: { thumb: 'image/jpeg', waveform: 'application/json', proxy: 'audio/mp4' },
  category: '视听资料',
  citationNouns: { 'time-range': { 'zh-CN': '录音片段', en: 'Audio excerpt' } },
})
