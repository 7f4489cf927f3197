import type { clockZhCN } from './clock.zh-CN'
import type { Messages } from './messages'

/** Device clock offsets: both times in the details panel and the form (English), the `clock` namespace. */
export const clockEn: Messages<typeof clockZhCN> = {
  recorded: 'Recorded',
  corrected: 'Corrected',
  note: 'device clock {{offset}}, {{check}}',
  short: '(device clock {{offset}})',
  noteTitle:
    'Corrected by the device clock offset an officer recorded; the recorded time is kept unchanged. Recorded by {{name}}, reason: {{reason}}',
  offsetLine: 'Clock offset: {{offset}} ({{check}})',
  set: 'Record clock offset',
  change: 'Change',
  remove: 'Remove',
  setTitle: 'Record the device clock offset: {{device}}',
  changeTitle: 'Change the device clock offset: {{device}}',
  removeTitle: 'Remove the device clock offset: {{device}}',
  hint: "Record how far this device's clock runs fast or slow. Capture times stay as recorded; the corrected time is shown beside them. This is recorded in the custody log.",
  removeHint:
    "Once removed, this device's items show their recorded time only. This is recorded in the custody log.",
  direction: 'Device clock',
  fast: 'fast',
  slow: 'slow',
  amount: 'Offset',
  amountPlaceholder: 'e.g. 3m12s, 192s, 1h2m',
  amountInvalid: 'Write it as 3m12s, 192s or 1h2m, at most 7 days',
  checkedAt: 'Checked on',
  checkedAtPlaceholder: 'e.g. 2021-05-24',
  checkedAtInvalid: 'Write a date such as 2021-05-24',
  against: 'Checked against',
  againstPlaceholder: 'Beijing time, the national time service, GPS or other',
  references: { beijing: 'Beijing time', ntsc: 'National Time Service Center', gps: 'GPS' },
  reason: 'Reason',
  reasonPlaceholder: 'e.g. photographed the device screen next to a phone showing Beijing time',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Device clock offset recorded',
  removed: 'Device clock offset removed',
}
