/**
 * Text made safe inside HTML text and quoted attribute values: & < > " and ' become entities.
 * A number is written as text; null and undefined as nothing. The one escaper for every page we
 * write (transfer documents, the package report, the review report).
 */
export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}
