/**
 * Audio by content. The common sniffer names most audio formats by their magic (ID3/MPEG frames,
 * RIFF WAVE, #!AMR, fLaC, M4A brands); here the formats it leaves unnamed (raw ADTS AAC, Ogg without
 * a video stream) are told from their bytes, and containers that may hold a picture stream (MP4,
 * 3GP, ASF/WMA, Matroska, …) are settled by ffprobe's list of streams: no picture, some sound → audio.
 */
import { probeMedia, type Probe } from '../../extract/ffprobe'
import type { ExtractContext, Sniffed } from '../kind-module'

/** ADTS sampling-frequency indices 0–12 are defined; 13–15 are reserved. */
const ADTS_RATES = 13

/** The length of the ADTS frame at `at` (7-byte header, sync 0xFFF, layer 0), or 0 when none is there. */
function adtsFrameLength(b: Buffer, at: number): number {
  if (at + 7 > b.length) return 0
  if (b[at] !== 0xff || (b[at + 1] & 0xf6) !== 0xf0) return 0
  if (((b[at + 2] >> 2) & 0x0f) >= ADTS_RATES) return 0
  const len = ((b[at + 3] & 0x03) << 11) | (b[at + 4] << 3) | (b[at + 5] >> 5)
  return len >= 7 ? len : 0
}

/**
 * Raw ADTS AAC: a valid frame header at the start, followed by another frame header where the
 * first frame ends, or by the end of the file (a one-frame file). One matching header alone is
 * not enough: 12 bits of 1s start many binary files.
 */
export function isAdts(head: Buffer, complete: boolean): boolean {
  const first = adtsFrameLength(head, 0)
  if (first === 0) return false
  if (first === head.length) return complete || head.length < 2 * 1024 * 1024
  return adtsFrameLength(head, first) > 0
}

/** The codec ids of the beginning-of-stream pages of an Ogg file (its first pages). */
function oggHasPicture(head: Buffer): boolean {
  const start = head.subarray(0, 64 * 1024)
  // Theora, Dirac, Daala and VP8-in-Ogg identify themselves in their first packet.
  return ['\x80theora', 'BBCD\x00', '\x80daala', 'OVP80'].some((id) => start.includes(id, 0, 'latin1'))
}

/** Detection by the bytes the sniffer read: true, a more exact MIME type, or false. */
export function claimAudio(s: Sniffed): false | true | { mime: string } {
  if (s.mime.startsWith('audio/')) return true
  if (s.mime === 'application/ogg') return oggHasPicture(s.head) ? false : { mime: 'audio/ogg' }
  if (s.mime === 'application/octet-stream' && isAdts(s.head, false)) return { mime: 'audio/aac' }
  return false
}

/** The audio MIME type of a container first named as video, when it turns out to hold only sound. */
const AUDIO_OF_VIDEO: Readonly<Record<string, string>> = {
  'video/mp4': 'audio/mp4',
  'video/quicktime': 'audio/quicktime',
  'video/3gpp': 'audio/3gpp',
  'video/3gpp2': 'audio/3gpp2',
  'video/webm': 'audio/webm',
  'video/x-matroska': 'audio/x-matroska',
  'video/x-ms-asf': 'audio/x-ms-wma',
  'video/mp2t': 'audio/mp2t',
  'video/x-flv': 'audio/x-flv',
}

/** ffprobe format names of audio-only formats no magic number named (AC-3, DTS, APE, …), with their MIME types. */
const AUDIO_FORMATS: Readonly<Record<string, string>> = {
  aac: 'audio/aac',
  ac3: 'audio/ac3',
  eac3: 'audio/eac3',
  dts: 'audio/vnd.dts',
  ape: 'audio/x-ape',
  wv: 'audio/x-wavpack',
  tta: 'audio/x-tta',
  mpc: 'audio/x-musepack',
  mpc8: 'audio/x-musepack',
  caf: 'audio/x-caf',
  aiff: 'audio/aiff',
  au: 'audio/basic',
  w64: 'audio/x-w64',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  truehd: 'audio/vnd.dolby.mlp',
  mlp: 'audio/vnd.dolby.mlp',
  voc: 'audio/x-voc',
}
/** ffprobe's confidence (0–100) below which an unnamed file is not taken as audio. */
const MIN_PROBE_SCORE = 75

/**
 * Leading bytes of the formats above whose FFmpeg probes can reach MIN_PROBE_SCORE: each probe
 * looks for its magic at the start of the file. (Raw MP3, AAC, AC-3, E-AC-3 and DTS frames never
 * score above 51, AVPROBE_SCORE_EXTENSION + 1, so ffprobe can never make them audio here; ADTS is
 * told by isAdts instead.)
 */
const PROBED_AUDIO_MAGIC = [
  'RIFF',
  'RIFX',
  'RF64',
  'BW64', // wav
  'riff', // w64 (its GUID starts so)
  'caff',
  'FORM',
  '.snd',
  'Creative Voice File\x1a',
  'MAC ',
  'wvpk',
  'TTA1',
  'MP+',
  'MPCK',
  'fLaC',
  '#!AMR',
  'ID3', // FFmpeg skips an ID3v2 tag before probing what follows
].map((m) => Buffer.from(m, 'latin1'))

/** The major sync of MLP / TrueHD (F8 72 6F BA|BB), which mlp_probe looks for anywhere. */
const MLP_SYNC = Buffer.from([0xf8, 0x72, 0x6f])

/**
 * Whether ffprobe could name a file whose bytes are all in `head` as one of AUDIO_FORMATS with
 * MIN_PROBE_SCORE: only with one of their magic numbers at the start or an MLP sync inside.
 * Without one, the ffprobe process (about 15 ms of CPU) is skipped. A file larger than `head` is
 * always probed.
 */
export function mayHoldProbedAudio(head: Buffer, whole: boolean): boolean {
  if (!whole) return true
  if (PROBED_AUDIO_MAGIC.some((m) => head.subarray(0, m.length).equals(m))) return true
  for (let at = head.indexOf(MLP_SYNC); at >= 0; at = head.indexOf(MLP_SYNC, at + 1))
    if (head[at + 3] === 0xba || head[at + 3] === 0xbb) return true
  return false
}

export interface AudioStreams {
  /** sound streams */
  audio: number
  /** picture streams other than cover art */
  picture: number
}

export function countStreams(data: Probe | null): AudioStreams {
  const streams = data?.streams ?? []
  return {
    audio: streams.filter((s) => s.codec_type === 'audio').length,
    picture: streams.filter((s) => s.codec_type === 'video' && !s.disposition?.attached_pic).length,
  }
}

/**
 * The second look: a container the video kind claimed, or a file no magic named, is audio when
 * ffprobe finds sound and no picture stream. Returns the audio MIME type, or null.
 */
export async function reclaimAudio(ctx: ExtractContext): Promise<string | null> {
  const fromVideo = AUDIO_OF_VIDEO[ctx.mime]
  if (!fromVideo && ctx.mime !== 'application/octet-stream') return null
  if (ctx.size === 0) return null
  if (!fromVideo && !mayHoldProbedAudio(ctx.head, ctx.size <= ctx.head.length)) return null
  const { data } = await probeMedia(ctx.path, { signal: ctx.signal, timeoutMs: 20_000 })
  const streams = countStreams(data)
  if (streams.audio === 0 || streams.picture > 0) return null
  if (fromVideo) return fromVideo
  const format = data?.format as (Probe['format'] & { probe_score?: number }) | undefined
  const names = (format?.format_name ?? '').split(',')
  if ((format?.probe_score ?? 0) < MIN_PROBE_SCORE) return null
  const known = names.find((n) => Object.hasOwn(AUDIO_FORMATS, n))
  return known ? AUDIO_FORMATS[known] : null
}
