import { useCallback, useEffect, useState } from 'react'
import type { Annotation, AnnotationType } from '../../../../../shared/types'
import { api } from '../../../api'

export interface ItemAnnotations {
  /** this item's annotations of `type`, oldest first, withdrawn ones included (they stay on record) */
  annotations: Annotation[]
  loading: boolean
  failure: unknown
  add(anchor: Record<string, unknown>, note: string): Promise<Annotation>
  withdraw(id: string, reason: string): Promise<void>
}

/** Loads and changes one item's annotations of one type (regions, time ranges) through the API. */
export function useAnnotations(itemId: string, type: AnnotationType): ItemAnnotations {
  const [annotations, setAnnotations] = useState<Annotation[]>([])
  const [loading, setLoading] = useState(true)
  const [failure, setFailure] = useState<unknown>(null)

  const reload = useCallback(async () => {
    setAnnotations(ofType(await api.invoke('annotation:list', { itemId, includeWithdrawn: true }), type))
  }, [itemId, type])

  useEffect(() => {
    let live = true
    api.invoke('annotation:list', { itemId, includeWithdrawn: true }).then(
      (all) => {
        if (!live) return
        setAnnotations(ofType(all, type))
        setLoading(false)
      },
      (e: unknown) => {
        if (!live) return
        setFailure(e)
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [itemId, type])

  const add = useCallback(
    async (anchor: Record<string, unknown>, note: string) => {
      const saved = await api.invoke('annotation:add', {
        itemId,
        type,
        anchor,
        note: note.trim() || undefined,
      })
      await reload()
      return saved
    },
    [itemId, type, reload],
  )

  const withdraw = useCallback(
    async (id: string, reason: string) => {
      await api.invoke('annotation:withdraw', { id, reason })
      await reload()
    },
    [reload],
  )

  return { annotations, loading, failure, add, withdraw }
}

function ofType(all: Annotation[], type: AnnotationType): Annotation[] {
  return all.filter((a) => a.type === type).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
