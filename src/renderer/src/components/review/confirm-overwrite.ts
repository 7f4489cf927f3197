import type { useAppProps } from 'antd/es/app/context'
import type { TFunction } from 'i18next'
import { ApiCallError } from '../../api'

/**
 * Runs a write that refuses to replace an existing file ('target-exists'); when it does, asks
 * the user and, on yes, runs it again with `overwrite`. Null when the user kept the file.
 */
export async function writeOrConfirmOverwrite<T>(
  modal: useAppProps['modal'],
  t: TFunction,
  target: string,
  write: (overwrite: boolean) => Promise<T>,
): Promise<T | null> {
  try {
    return await write(false)
  } catch (err) {
    if (!(err instanceof ApiCallError) || err.error.code !== 'target-exists') throw err
    const confirmed = await modal.confirm({
      title: t('review:overwrite.title'),
      content: t('review:overwrite.content', { path: target }),
      okText: t('review:overwrite.ok'),
      cancelText: t('review:overwrite.cancel'),
      okButtonProps: { danger: true },
    })
    return confirmed ? write(true) : null
  }
}
