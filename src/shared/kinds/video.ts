/** Video (执法记录仪视频): ffprobe's reading of the container and streams. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

export const videoMetaSchema = z.looseObject({
  /** ffprobe's format family, e.g. "mov,mp4,m4a,3gp,3g2,mj2"; null when unreadable */
  container: z.string().nullish(),
  formatLongName: z.string().nullish(),
  videoCodec: z.string().nullish(),
  /** null when the video has no sound */
  audioCodec: z.string().nullish(),
  fps: z.number().nullish(),
  pixelFormat: z.string().optional(),
  brand: z.string().optional(),
  encoder: z.string().optional(),
  comment: z.string().optional(),
  title: z.string().optional(),
  /** stored frame size before rotation and aspect correction */
  codedWidth: z.number().optional(),
  codedHeight: z.number().optional(),
  /** degrees, from the display matrix or the rotate tag */
  rotation: z.number().optional(),
})
export type VideoMeta = z.output<typeof videoMetaSchema>

export const videoKind = defineKind({
  meta: videoMetaSchema,
  anchors: ['time-range'],
  derived: { poster: 'image/jpeg', proxy: 'video/mp4' },
  category: '执法记录仪视频',
})
