import { describe, it } from 'vitest'
import { RuleTester } from 'eslint'
import tseslint from 'typescript-eslint'
import { i18nKeysRule } from '../../eslint-rules/i18n-keys.js'

RuleTester.describe = describe
RuleTester.it = it
RuleTester.itOnly = it.only

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser } })
const built = [{ messageId: 'built' }]

tester.run('i18n/literal-keys', i18nKeysRule, {
  valid: [
    "t('custody.title')",
    't(`custody.title`)',
    "t('thermal:tools.spot', { count: 2 })",
    "t(ok ? 'exportPkg:failed' : 'exportPkg:cancelled')",
    't(KIND_LABEL[item.kind])',
    't(text.title)',
    "i18n.t('app.name')",
    "i18n.exists('app.name')",
    "template(t, 'custody.createdSummary')",
    "const STATUS: Record<Status, MessageKey> = { draft: 'violations:status.draft' }",
    "const M = { a: 'x.a', n: 3 } as const satisfies Record<string, MessageKey | number>",
    // not message keys: ids and paths may be built
    'const id = `tool-${k}`',
    'join(`${dir}/${name}`)',
  ],
  invalid: [
    { code: 't(`kinds.${kind}`)', errors: built },
    { code: "t('errors.' + code + '.title')", errors: built },
    { code: 'i18n.t(`thermal:param.${k}`)', errors: built },
    { code: 'i18n.exists(`thermal:param.${k}`)', errors: built },
    { code: "t(ok ? 'a.b' : `a.${c}`)", errors: built },
    { code: "t(['a', 'b'].join('.'))", errors: built },
    { code: 'template(t, `violations:custody.${key}`)', errors: built },
    { code: 'const key: MessageKey = `kinds.${kind}`', errors: built },
    { code: 'const M = { a: `x.${a}` } satisfies Record<string, MessageKey>', errors: built },
    { code: 't(key as MessageKey)', errors: [{ messageId: 'cast' }] },
    { code: 't(`kinds.${kind}` as const)', errors: built },
  ],
})
