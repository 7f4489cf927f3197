import { useState } from 'react'
import { Button, Card, Select, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { asApiError } from '../../lib/errors'
import { useReadOnly } from '../../state/read-only'
import { ErrorAlert } from '../../components/error-alert'
import { ReasonButton } from '../../components/reason-button'
import { useAudioWords } from './audio-words'
import type { Pairs } from './use-pairs'

interface Props {
  pairs: Pairs
  /** the transcript shown beside the recording, or null */
  shown: string | null
  onShow(transcriptId: string | null): void
}

/** Pairing the recording with its interview record (a custody event either way), and showing the two side by side. */
export function PairPanel({ pairs, shown, onShow }: Props) {
  const w = useAudioWords().pair
  const { t } = useTranslation()
  const readOnly = useReadOnly()
  const [choice, setChoice] = useState<string | null>(null)
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const paired = new Set(pairs.pairs.map((p) => p.transcriptId))
  const options = pairs.transcripts
    .filter((x) => !paired.has(x.id))
    .map((x) => ({ value: x.id, label: `${x.number} ${x.originalName}` }))

  async function add() {
    if (!choice) return
    setBusy(true)
    setFailure(null)
    try {
      await pairs.pair(choice)
      onShow(choice)
      setChoice(null)
    } catch (e) {
      setFailure(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="small" title={w.title} className="media-card" data-testid="pair-panel">
      <div className="audio-pair">
        {(pairs.failure ?? failure) !== null && <ErrorAlert error={asApiError(pairs.failure ?? failure)} />}
        {pairs.pairs.length === 0 && <Typography.Text type="secondary">{w.none}</Typography.Text>}
        {pairs.pairs.map((p) => (
          <div key={p.id} className="audio-pair-row" data-testid="pair-row">
            <span>{w.paired(p.transcriptNumber)}</span>
            <Button
              size="small"
              type={shown === p.transcriptId ? 'default' : 'primary'}
              onClick={() => onShow(shown === p.transcriptId ? null : p.transcriptId)}
              data-testid="pair-show"
            >
              {shown === p.transcriptId ? w.hideSide : w.showSide}
            </Button>
            <ReasonButton
              texts={{
                label: w.remove,
                title: w.remove,
                ok: w.removeConfirm,
                cancel: t('viewer:cancel'),
                reasonLabel: w.removeReason,
                reasonPlaceholder: w.removeReason,
              }}
              subject={`${p.recordingNumber} ↔ ${p.transcriptNumber}`}
              onConfirm={async (reason) => {
                await pairs.unpair(p.id, reason)
                if (shown === p.transcriptId) onShow(null)
              }}
              testId="unpair"
              size="small"
            />
          </div>
        ))}
        {!readOnly &&
          (pairs.transcripts.length === 0 ? (
            <Typography.Text type="secondary">{w.noTranscripts}</Typography.Text>
          ) : (
            options.length > 0 && (
              <div className="audio-pair-row">
                <Select
                  value={choice}
                  onChange={setChoice}
                  options={options}
                  placeholder={w.choose}
                  style={{ minWidth: 240 }}
                  data-testid="pair-choose"
                />
                <Button onClick={() => void add()} disabled={!choice} loading={busy} data-testid="pair-add">
                  {w.add}
                </Button>
              </div>
            )
          ))}
      </div>
    </Card>
  )
}
