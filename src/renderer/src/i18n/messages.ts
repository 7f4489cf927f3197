/**
 * The English bundle of a namespace has the zh-CN bundle's shape with every leaf a string: a key
 * missing from English, or one English has and zh-CN lacks, is a type error.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> }
