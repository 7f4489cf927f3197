import { Fragment, type ReactNode } from 'react'
import { custodyActionLabel } from '../../../shared/custody-labels'
import { custodyDetailsInWords, type ItemFacts, type Sentence } from '../../../shared/custody-words'
import type { CustodyEvent } from '../../../shared/types'
import { asLanguage } from '../i18n'
import { UserValue } from './interpolate-nodes'

/** The action in words of the interface language (the shared bilingual labels); an unknown one keeps its code. */
export function actionLabel(action: string, language: string): string {
  return custodyActionLabel(action, asLanguage(language))
}

/** A shared sentence as nodes, values from the case marked as user data. */
export function sentenceNodes(sentence: Sentence): ReactNode {
  return sentence.map((s, i) =>
    typeof s === 'string' ? <Fragment key={i}>{s}</Fragment> : <UserValue key={i}>{s.user}</UserValue>,
  )
}

/**
 * What an event recorded, as a sentence of the interface language (shared/custody-words: the same
 * words as the package report and the review report). The raw details are behind 技术详情.
 */
export function summariseEvent(
  e: CustodyEvent,
  language: string,
  timezone: string,
  items?: Record<string, ItemFacts>,
): ReactNode {
  return sentenceNodes(
    custodyDetailsInWords(e, { lang: asLanguage(language), timezone, item: (id) => items?.[id] ?? null }),
  )
}
