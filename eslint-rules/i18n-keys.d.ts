import type { Rule } from 'eslint'

export declare const i18nKeysRule: Rule.RuleModule
export declare const i18nKeysPlugin: { rules: Record<string, Rule.RuleModule> }
