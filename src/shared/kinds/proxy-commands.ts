/**
 * The exact ffmpeg arguments of the playback copies (proxies) made for originals Chromium cannot
 * play. One template per kind: the core runs it with the paths put in, and the viewers show it
 * with the item's names put in, so what a reviewer reads is what ran (issue 15).
 */

export const PROXY_SOURCE = '{source}'
export const PROXY_OUTPUT = '{output}'

/** H.264/AAC MP4, 8-bit 4:2:0, long side ≤ 1920 px, faststart; progress on stdout. */
export const VIDEO_PROXY_ARGS: readonly string[] = [
  ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
  ...['-i', PROXY_SOURCE],
  ...['-map', '0:v:0', '-map', '0:a:0?', '-sn', '-dn'],
  '-vf',
  "scale='if(gte(iw,ih),min(1920,trunc(iw/2)*2),-2)':'if(gte(iw,ih),-2,min(1920,trunc(ih/2)*2))'",
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'],
  ...['-c:a', 'aac', '-b:a', '128k', '-ac', '2'],
  ...['-movflags', '+faststart', '-progress', 'pipe:1', '-nostats', '-f', 'mp4', PROXY_OUTPUT],
]

/** AAC in an M4A, faststart. */
export const AUDIO_PROXY_ARGS: readonly string[] = [
  ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
  ...['-i', PROXY_SOURCE],
  ...['-map', '0:a:0', '-vn', '-sn', '-dn'],
  ...['-c:a', 'aac', '-b:a', '96k', '-movflags', '+faststart', '-f', 'mp4', PROXY_OUTPUT],
]

/** The template with the source and output put in. */
export function proxyArgs(template: readonly string[], source: string, output: string): string[] {
  return template.map((a) => (a === PROXY_SOURCE ? source : a === PROXY_OUTPUT ? output : a))
}

/** The command as a shell would take it: `ffmpeg` and each argument, quoted where a shell needs it. */
export function proxyCommandLine(template: readonly string[], source: string, output: string): string {
  const quote = (a: string): string => (/^[\w@%+=:,./-]+$/u.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)
  return ['ffmpeg', ...proxyArgs(template, source, output)].map(quote).join(' ')
}
