/** Thermal images (红外热成像): an image's facts plus the radiometric reading. */
import * as z from 'zod'
import { imageMetaSchema } from './image'
import { defineKind } from './kind-definition'

/** Temperatures in °C; DJI R-JPEG gives relative values only. */
export const thermalReadingSchema = z.looseObject({
  format: z.enum(['flir', 'dji']),
  minC: z.number().optional(),
  maxC: z.number().optional(),
  meanC: z.number().optional(),
  emissivity: z.number().optional(),
  /** raw thermal frame size; 0 when the file does not say */
  rawWidth: z.number(),
  rawHeight: z.number(),
  relativeOnly: z.boolean().optional(),
})
export type ThermalReadingMeta = z.output<typeof thermalReadingSchema>

export const thermalMetaSchema = imageMetaSchema.extend({
  /** absent when the file turned out to hold no radiometric data */
  thermal: thermalReadingSchema.optional(),
})
export type ThermalMeta = z.output<typeof thermalMetaSchema>

export const thermalKind = defineKind({
  meta: thermalMetaSchema,
  anchors: ['region', 'measurement'],
  derived: {
    thumb: 'image/jpeg',
    preview: 'image/jpeg',
    /** temperatures (°C, or raw counts for DJI) as little-endian Float32, row-major */
    thermal: 'application/octet-stream',
    /** the visible photo embedded beside the thermal frame */
    visible: 'image/jpeg',
  },
  category: '红外热成像',
})
