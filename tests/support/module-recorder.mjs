// Preloaded with NODE_OPTIONS=--import=<this file> to list every module a Node process loads
// (ES modules through a resolve hook, CommonJS through Module._load), one per line, in the file
// named by EVIDESK_MODULE_LOG. NODE_OPTIONS is inherited, so child Node processes are listed too.
import { appendFileSync } from 'node:fs'
import Module, { register } from 'node:module'

const log = process.env.EVIDESK_MODULE_LOG
if (log) {
  register('./module-recorder-hooks.mjs', import.meta.url, { data: { log } })
  const load = Module._load
  Module._load = function (request, parent, isMain) {
    try {
      appendFileSync(log, `cjs ${Module._resolveFilename(request, parent, isMain)}\n`)
    } catch {
      appendFileSync(log, `cjs ${request}\n`)
    }
    return load.apply(this, arguments)
  }
}
