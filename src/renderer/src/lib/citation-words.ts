import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import {
  citationInWords,
  turnLookup,
  type AnnotationType,
  type CitationWords,
} from '../../../shared/citations'
import type { EvidenceKind } from '../../../shared/types'
import { asLanguage } from '../i18n'
import { SessionContext } from '../state/session'

export type CitationWordsFn = (
  type: AnnotationType | null,
  anchor: unknown,
  kind?: EvidenceKind | null,
  numberOf?: (itemId: string) => string | null,
  /** an interview record's 问答 turns, so a quote names its turn ("第 7 问答：……") */
  turns?: ReadonlyArray<{ qStart: number | null; aStart: number | null }>,
) => CitationWords

/** The case's zone, for instants in words; the system zone outside a case. */
export function useCaseZone(): string {
  const session = useContext(SessionContext)
  return session?.currentCase?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
}

/**
 * Citations in words in the UI language and the case's zone: the same wording the transfer
 * documents and the package report print (shared/citations).
 */
export function useCitationWords(): CitationWordsFn {
  const { i18n } = useTranslation()
  const timezone = useCaseZone()
  const lang = asLanguage(i18n.language)
  return (type, anchor, kind, numberOf, turns) =>
    citationInWords(type, anchor, {
      lang,
      timezone,
      kind,
      numberOf,
      turnAt: turns ? turnLookup(turns) : undefined,
    })
}
