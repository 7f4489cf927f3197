/** Still images (照片, 无人机照片): what EXIF/XMP and the decoder say. */
import * as z from 'zod'
import { defineKind } from './kind-definition'

/** DJI drone-dji XMP: altitudes in metres, angles in degrees; null where the file gives none. */
export const droneMetaSchema = z.record(z.string(), z.number().nullable())

export const imageMetaSchema = z.looseObject({
  /** the decoder's format name: jpeg, png, heif, … */
  format: z.string().optional(),
  pages: z.number().optional(),
  /** stored pixel size, before EXIF orientation */
  pixelWidth: z.number().optional(),
  pixelHeight: z.number().optional(),
  /** EXIF orientation 1–8 */
  orientation: z.number().nullish(),
  /** bytes after the image's end marker */
  trailingData: z.boolean().optional(),
  software: z.string().optional(),
  drone: droneMetaSchema.optional(),
  /** which tag the capture time came from */
  timeTag: z.string().optional(),
  metadataNotes: z.array(z.string()).optional(),
})
export type ImageMeta = z.output<typeof imageMetaSchema>

export const imageKind = defineKind({
  meta: imageMetaSchema,
  anchors: ['region'],
  derived: { thumb: 'image/jpeg', preview: 'image/jpeg' },
  category: '照片',
})
