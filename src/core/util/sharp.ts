import type SharpModule from 'sharp'

let loading: Promise<typeof SharpModule> | null = null

/**
 * sharp, loaded on first use: libvips takes about 140 ms to load, which every command and every
 * import paid whether or not it made a picture. Loaded with libvips' file cache off: it keeps
 * recently read files open, and a case on a removable drive must be unmountable as soon as the
 * work is done.
 */
export function loadSharp(): Promise<typeof SharpModule> {
  loading ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache({ files: 0 })
    return sharp
  })
  return loading
}
