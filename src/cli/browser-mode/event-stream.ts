import type { ServerResponse } from 'node:http'

/** Pushes named events to every connected page (Server-Sent Events); the backend's progress goes here. */
export interface EventBroadcaster {
  broadcast(event: string, payload: unknown): void
}

const EVENT_NAME = /^[A-Za-z0-9:._-]{1,64}$/
const HEARTBEAT_MS = 20_000

export class EventStream implements EventBroadcaster {
  private readonly clients = new Set<ServerResponse>()
  private heartbeat: NodeJS.Timeout | null = null

  /** Takes over a response as an event stream until the client goes away or `closeAll()`. */
  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    })
    // Tells EventSource how long to wait before reconnecting, and flushes the headers.
    res.write('retry: 2000\n\n')
    this.clients.add(res)
    res.on('close', () => {
      this.clients.delete(res)
      if (this.clients.size === 0) this.stopHeartbeat()
    })
    if (!this.heartbeat) {
      // Comment lines keep idle connections from being dropped; unref so they never hold the process open.
      this.heartbeat = setInterval(() => this.writeAll(': ping\n\n'), HEARTBEAT_MS)
      this.heartbeat.unref()
    }
  }

  get size(): number {
    return this.clients.size
  }

  broadcast(event: string, payload: unknown): void {
    if (!EVENT_NAME.test(event))
      throw new Error(`Bad event name ${JSON.stringify(event)}: use letters, digits and : . _ -`)
    // JSON.stringify without indentation never emits a raw newline, so one data line is enough.
    this.writeAll(`event: ${event}\ndata: ${JSON.stringify(payload ?? null)}\n\n`)
  }

  closeAll(): void {
    this.stopHeartbeat()
    for (const res of this.clients) res.end()
    this.clients.clear()
  }

  private writeAll(chunk: string): void {
    for (const res of this.clients) res.write(chunk)
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = null
  }
}
