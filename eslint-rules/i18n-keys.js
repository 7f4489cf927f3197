/**
 * Message keys are written out, never built at run time (the idea of Signal-Desktop's
 * valid-i18n-keys rule; see CONVENTIONS.md "Typed message keys"). The compiler checks that a key
 * exists in the bundles (i18next CustomTypeOptions); this rule keeps keys greppable and keeps the
 * compiler's check from being side-stepped:
 * - the key of `t(…)`, `i18n.t(…)`, `i18n.exists(…)` and `template(t, …)` is a string literal, a
 *   choice between literals, or a value read from a typed map (`KIND_LABELS[kind]`), never a
 *   template with `${…}`, a concatenation or a call;
 * - a value typed `MessageKey` (a variable, or a map that `satisfies Record<…, MessageKey>`) is
 *   written out the same way;
 * - nothing is cast to `MessageKey`.
 */

const KEY_TYPE = 'MessageKey'

/** Where a key may come from: written out, or looked up (the compiler checks a lookup's type). */
function nonLiteralPart(node) {
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? null : node
    case 'TemplateLiteral':
      return node.expressions.length === 0 ? null : node
    case 'ConditionalExpression':
      return nonLiteralPart(node.consequent) ?? nonLiteralPart(node.alternate)
    case 'LogicalExpression':
      return nonLiteralPart(node.left) ?? nonLiteralPart(node.right)
    case 'Identifier':
    case 'MemberExpression':
    case 'ChainExpression':
      return null
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSAsExpression': // a cast to MessageKey is reported on its own; `as const` keeps what it wraps
      return nonLiteralPart(node.expression)
    default:
      return node
  }
}

function mentionsKeyType(typeNode, sourceCode) {
  return typeNode ? new RegExp(`\\b${KEY_TYPE}\\b`).test(sourceCode.getText(typeNode)) : false
}

function isKeyCall(node) {
  const callee = node.callee
  if (callee.type === 'Identifier') return callee.name === 't' ? 0 : callee.name === 'template' ? 1 : -1
  if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    if (callee.property.name === 't') return 0
    if (
      callee.property.name === 'exists' &&
      callee.object.type === 'Identifier' &&
      callee.object.name === 'i18n'
    )
      return 0
  }
  return -1
}

/** @type {import('eslint').Rule.RuleModule} */
export const i18nKeysRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Message keys are literals or typed-map lookups, never built at run time' },
    messages: {
      built:
        'Message keys are not built at run time: write the key out, or look it up in a typed map (Record<Code, MessageKey>).',
      cast: 'Do not cast to MessageKey: a cast hides a key the bundles may lack.',
    },
    schema: [],
  },
  create(context) {
    const sourceCode = context.sourceCode
    const check = (node) => {
      const bad = node && nonLiteralPart(node)
      if (bad) context.report({ node: bad, messageId: 'built' })
    }
    // In a typed map only the values typed MessageKey matter, and the compiler finds those: here
    // it is enough that no value is put together from pieces.
    const checkMapValues = (node) => {
      switch (node.type) {
        case 'TSAsExpression':
        case 'TSSatisfiesExpression':
          return checkMapValues(node.expression)
        case 'ObjectExpression':
          for (const p of node.properties)
            if (p.type === 'Property') checkMapValues(p.value)
            else context.report({ node: p, messageId: 'built' })
          return
        case 'ArrayExpression':
          for (const e of node.elements) if (e) checkMapValues(e)
          return
        case 'ConditionalExpression':
          checkMapValues(node.consequent)
          return checkMapValues(node.alternate)
        case 'TemplateLiteral':
          if (node.expressions.length > 0) context.report({ node, messageId: 'built' })
          return
        case 'BinaryExpression':
          if (node.operator === '+') context.report({ node, messageId: 'built' })
          return
        case 'SpreadElement':
          return checkMapValues(node.argument)
        default:
      }
    }
    return {
      CallExpression(node) {
        const index = isKeyCall(node)
        if (index >= 0 && node.arguments[index]) check(node.arguments[index])
      },
      VariableDeclarator(node) {
        if (node.init && mentionsKeyType(node.id.typeAnnotation, sourceCode)) checkMapValues(node.init)
      },
      TSSatisfiesExpression(node) {
        if (mentionsKeyType(node.typeAnnotation, sourceCode)) checkMapValues(node.expression)
      },
      TSAsExpression(node) {
        if (mentionsKeyType(node.typeAnnotation, sourceCode)) context.report({ node, messageId: 'cast' })
      },
    }
  },
}

export const i18nKeysPlugin = { rules: { 'literal-keys': i18nKeysRule } }
