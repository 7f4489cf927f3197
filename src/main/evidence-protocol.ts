import { protocol } from 'electron'
import { Readable } from 'node:stream'
import type { Backend } from '../core/api/backend'
import { mediaResponse, parseMediaPath } from '../core/api/media-response'

export const EVIDENCE_SCHEME = 'evidence'

/** Must run before app 'ready': media elements need a standard, streaming scheme to seek. */
export function registerEvidenceScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: EVIDENCE_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
    },
  ])
}

/**
 * evidence://media/<itemId>/<role>: originals and derived files of the open case only, with
 * Range support. The path is never taken from the URL: the backend looks the item up in the
 * case and returns a file inside the case folder, or nothing.
 */
export function handleEvidenceProtocol(getBackend: () => Backend | null): void {
  protocol.handle(EVIDENCE_SCHEME, async (request) => {
    const url = new URL(request.url)
    const parsed = url.host === 'media' ? parseMediaPath(`media${url.pathname}`) : null
    const file = parsed ? await getBackend()?.mediaFile(parsed.itemId, parsed.role) : null
    if (!file) return new Response('Not found', { status: 404 })
    const media = await mediaResponse(
      file.path,
      file.mime,
      request.headers.get('range') ?? undefined,
      request.method === 'HEAD',
      file.slice,
      file.guard,
    )
    const body = media.body ? (Readable.toWeb(media.body) as ReadableStream<Uint8Array>) : null
    return new Response(body, { status: media.status, headers: media.headers })
  })
}
