import { useEffect, useRef } from 'react'
import { paletteLut, type PaletteName } from './palettes'
import { formatValue } from './thermal-render'

interface Props {
  palette: PaletteName
  lo: number
  hi: number
  /** CSS pixels, the height of the thermal image beside it */
  height: number
  unit: string
  relativeOnly: boolean
}

const TICKS = 5

/** The colour scale of the display range: hottest at the top, with values at even steps. */
export function ScaleBar({ palette, lo, hi, height, unit, relativeOnly }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    const c = canvas.current
    const ctx = c?.getContext('2d')
    if (!c || !ctx) return
    const lut = paletteLut(palette)
    const image = ctx.createImageData(1, 256)
    for (let i = 0; i < 256; i++) image.data.set(lut.subarray((255 - i) * 4, (255 - i) * 4 + 4), i * 4)
    ctx.putImageData(image, 0, 0)
  }, [palette])

  const barHeight = Math.max(120, height - 24)
  return (
    <div className="thermal-scale" data-testid="thermal-scale" style={{ height }}>
      <div className="thermal-scale-unit">{unit}</div>
      <div className="thermal-scale-body" style={{ height: barHeight }}>
        <canvas ref={canvas} width={1} height={256} className="thermal-scale-bar" aria-hidden />
        <div className="thermal-scale-ticks">
          {Array.from({ length: TICKS }, (_, i) => {
            const f = i / (TICKS - 1)
            return (
              <span
                key={i}
                className="thermal-scale-tick mono"
                style={{ top: `${f * 100}%` }}
                data-testid={i === 0 ? 'scale-max' : i === TICKS - 1 ? 'scale-min' : undefined}
              >
                {formatValue(hi - f * (hi - lo), relativeOnly)}
              </span>
            )
          })}
        </div>
      </div>
    </div>
  )
}
