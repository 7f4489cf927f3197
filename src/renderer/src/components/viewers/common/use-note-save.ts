import { useState } from 'react'

/**
 * The note typed for a new citation (region, time range, quote, data range) and its saving:
 * busy while it saves, the error kept for the form to show, the note cleared once saved.
 */
export function useNoteSave(onSave: (note: string) => Promise<unknown>) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)

  async function save() {
    setBusy(true)
    setFailure(null)
    try {
      await onSave(note.trim())
      setNote('')
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return { note, setNote, busy, failure, save }
}
