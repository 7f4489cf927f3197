export * from './anchors'
export * from './in-words'
