import type { Page } from '@playwright/test'

/** Evidence library → the item's row or tile (by file name) → details panel → the given button, as an officer would. */
export async function openFromLibrary(page: Page, fileName: string, button = 'open-viewer'): Promise<void> {
  await page.getByTestId('side-nav').getByText('证据库', { exact: true }).click()
  await page
    .getByTestId('evidence-row')
    .or(page.getByTestId('evidence-tile'))
    .filter({ hasText: fileName })
    .first()
    .click()
  await page.getByTestId('details-panel').getByTestId(button).click()
}
