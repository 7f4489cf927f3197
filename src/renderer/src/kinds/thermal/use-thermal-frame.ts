import { useCallback, useEffect, useState } from 'react'
import type { ApiError } from '../../../../shared/errors'
import type { Annotation, ThermalFrameInfo } from '../../../../shared/types'
import { api, mediaUrl } from '../../api'
import { asApiError } from '../../lib/errors'
import { parseFrameBytes, type ThermalFrameData } from './thermal-render'

export interface ThermalFrameState {
  loading: boolean
  info: ThermalFrameInfo | null
  /** null while loading, and when the item has no readable thermal image */
  frame: ThermalFrameData | null
  failure: ApiError | null
  /** the item's measurements, oldest first */
  measurements: Annotation[]
  addMeasurement(a: Annotation): void
}

async function loadValues(info: ThermalFrameInfo): Promise<ThermalFrameData | null> {
  if (!info.stats || info.width <= 0 || info.height <= 0) return null
  const response = await fetch(mediaUrl(info.itemId, 'thermal'), { credentials: 'same-origin' })
  if (!response.ok) {
    throw Object.assign(new Error(`thermal frame: HTTP ${response.status}`), {
      apiError: {
        code: response.status === 404 ? 'not-found' : 'io-error',
        message: `The thermal frame file of this item could not be fetched (HTTP ${response.status}).`,
      } satisfies ApiError,
    })
  }
  const values = parseFrameBytes(await response.arrayBuffer(), info.width, info.height)
  if (!values) {
    throw Object.assign(new Error('thermal frame size'), {
      apiError: {
        code: 'internal',
        message: `The thermal frame file does not hold ${info.width}×${info.height} values.`,
      } satisfies ApiError,
    })
  }
  return { width: info.width, height: info.height, values }
}

interface Loaded {
  itemId: string
  info: ThermalFrameInfo | null
  frame: ThermalFrameData | null
  failure: ApiError | null
  measurements: Annotation[]
}

function toApiError(err: unknown): ApiError {
  const own = (err as { apiError?: ApiError } | null)?.apiError
  return own ?? asApiError(err)
}

/** The frame info, the Float32 values (fetched from media role "thermal") and the measurements of one item. */
export function useThermalFrame(itemId: string): ThermalFrameState {
  // Keyed by item: a state for another item means this one is still loading (no reset needed).
  const [state, setState] = useState<Loaded | null>(null)

  useEffect(() => {
    let live = true
    let info: ThermalFrameInfo | null = null
    ;(async () => {
      // thermal:frame first: it makes the frame file that the fetch then reads
      info = await api.invoke('thermal:frame', { itemId })
      const [frame, annotations] = await Promise.all([
        loadValues(info),
        api.invoke('annotation:list', { itemId }),
      ])
      const measurements = annotations.filter((a) => a.type === 'measurement')
      if (live) setState({ itemId, info, frame, failure: null, measurements })
    })().catch((err: unknown) => {
      // keep what did load (the info and its warnings) beside the failure
      if (live) setState({ itemId, info, frame: null, failure: toApiError(err), measurements: [] })
    })
    return () => {
      live = false
    }
  }, [itemId])

  const addMeasurement = useCallback((a: Annotation) => {
    setState((s) => (s && s.itemId === a.itemId ? { ...s, measurements: [...s.measurements, a] } : s))
  }, [])

  if (!state || state.itemId !== itemId)
    return { loading: true, info: null, frame: null, failure: null, measurements: [], addMeasurement }
  return { loading: false, ...state, addMeasurement }
}
