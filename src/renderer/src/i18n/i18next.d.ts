import 'i18next'
import type { NAMESPACES, Resources } from './resources'

// Typed keys: t() with a key that zh-CN lacks does not compile, and en has exactly zh-CN's keys
// (resources.ts). `common` needs no prefix; other namespaces are written `ns:key`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACES
    resources: Resources
    strictKeyChecks: true
  }
}
