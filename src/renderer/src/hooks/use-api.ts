import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiInput, ApiOutput, Channel } from '../../../shared/api'
import type { ApiError } from '../../../shared/errors'
import { api, onApiEvent } from '../api'
import { asApiError } from '../lib/errors'

export interface ApiState<C extends Channel> {
  /** the answer to the current input; undefined until it has come (never an answer to another input) */
  data: ApiOutput<C> | undefined
  /** a request for the current input is on its way */
  loading: boolean
  /** why the last request failed; null after a success */
  error: ApiError | null
  /** asks again; resolves when the answer (or the error) is in */
  reload(): Promise<void>
  /** replaces the answer held (after a change this page made and already knows the result of) */
  setData(update: (current: ApiOutput<C> | undefined) => ApiOutput<C> | undefined): void
}

export interface ApiOptions {
  /** ask again whenever the open case changes (`case:changed`); default true */
  refetchOnCaseChange?: boolean
  /** ask again, keeping the answer shown meanwhile, whenever this value changes (e.g. the case's event count) */
  refetchKey?: unknown
  /** while the answer to a new input is on its way, show the previous input's (a table turning pages) */
  keepPrevious?: boolean
}

interface Held {
  key: string
  data?: unknown
  /** the last answer to any input, for `keepPrevious` */
  shown?: unknown
  error: ApiError | null
  loading: boolean
}

/**
 * The renderer's one way to read from the backend: calls `channel` with `input`, again when the
 * input changes and when the open case changes, and exposes loading and error. An answer to an
 * older request never replaces a newer one. `input` null means there is nothing to ask yet.
 */
export function useApi<C extends Channel>(
  channel: C,
  input: ApiInput<C> | null,
  { refetchOnCaseChange = true, refetchKey, keepPrevious = false }: ApiOptions = {},
): ApiState<C> {
  // The request is identified by its content, not by the identity of the input object.
  const key = input === null ? '' : JSON.stringify([channel, input])
  const [held, setHeld] = useState<Held>({ key: '', error: null, loading: false })
  const latest = useRef(0)

  const request = useCallback(async (): Promise<void> => {
    if (key === '') return
    const [ch, args] = JSON.parse(key) as [C, ApiInput<C>]
    const ticket = ++latest.current
    setHeld((h) => ({
      ...(h.key === key ? h : { data: undefined, error: null }),
      key,
      loading: true,
      shown: h.data ?? h.shown,
    }))
    try {
      const data = await api.invoke(ch, args)
      if (ticket === latest.current) setHeld({ key, data, shown: data, error: null, loading: false })
    } catch (err) {
      if (ticket === latest.current) setHeld((h) => ({ ...h, key, error: asApiError(err), loading: false }))
    }
  }, [key])

  useEffect(() => {
    void request()
  }, [request, refetchKey])

  useEffect(() => {
    if (!refetchOnCaseChange || key === '') return
    return onApiEvent('case:changed', () => void request())
  }, [refetchOnCaseChange, key, request])

  const setData = useCallback(
    (update: (current: ApiOutput<C> | undefined) => ApiOutput<C> | undefined) =>
      setHeld((h) => (h.key === key ? { ...h, data: update(h.data as ApiOutput<C> | undefined) } : h)),
    [key],
  )

  const mine = held.key === key && key !== ''
  const answered = mine && held.data !== undefined
  return {
    data: (answered ? held.data : keepPrevious ? held.shown : undefined) as ApiOutput<C> | undefined,
    loading: key !== '' && (!mine || held.loading),
    error: mine ? held.error : null,
    reload: request,
    setData,
  }
}
