import { describe, expect, it } from 'vitest'
import {
  CUSTODY_ACTION_LABELS,
  CUSTODY_ACTIONS,
  custodyActionLabel,
  isCustodyAction,
} from '../../src/shared/custody-labels'
import { UI_LANGUAGES } from '../../src/shared/error-words'

const HAN = /\p{Script=Han}/u

describe('custody action labels', () => {
  it('name every action in both languages, each in its own script and different from the others', () => {
    for (const language of UI_LANGUAGES) {
      expect(Object.keys(CUSTODY_ACTION_LABELS[language]).sort()).toEqual([...CUSTODY_ACTIONS].sort())
      const labels = CUSTODY_ACTIONS.map((a) => CUSTODY_ACTION_LABELS[language][a])
      expect(new Set(labels).size, `two actions share a ${language} label`).toBe(labels.length)
      for (const [i, label] of labels.entries()) {
        expect(label.trim(), CUSTODY_ACTIONS[i]).not.toBe('')
        expect(label, `${CUSTODY_ACTIONS[i]} (${language})`).not.toBe(CUSTODY_ACTIONS[i])
        if (language === 'en') expect(label, CUSTODY_ACTIONS[i]).not.toMatch(HAN)
        // "PDF" is the one Latin word a Chinese label may carry
        else expect(label.replace('PDF', ''), CUSTODY_ACTIONS[i]).not.toMatch(/[A-Za-z]/)
      }
    }
  })

  it('use the words issue 15 asks for', () => {
    expect(custodyActionLabel('viewed', 'zh-CN')).toBe('查看证据')
    expect(custodyActionLabel('monitoring-limit-set', 'zh-CN')).toBe('设定排放限值')
    expect(custodyActionLabel('annotation-added', 'zh-CN')).toBe('添加引用')
    expect(custodyActionLabel('imported', 'en')).toBe('Evidence imported')
  })

  it('keep the code of an action this version does not know (a package from a newer version)', () => {
    expect(isCustodyAction('clock-offset-recorded')).toBe(false)
    expect(custodyActionLabel('clock-offset-recorded', 'zh-CN')).toBe('clock-offset-recorded')
    expect(isCustodyAction('constructor')).toBe(false)
  })
})
