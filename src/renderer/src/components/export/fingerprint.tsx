import { Typography } from 'antd'

/** "ab12cd34…" → "ab12 cd34 …": fingerprints are read aloud and compared in groups of four. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ')
}

/** A key fingerprint in groups of four, monospaced, copyable as the plain hex. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text className="mono export-fingerprint" copyable={{ text: value }} data-testid={testId}>
      {groupFingerprint(value)}
    </Typography.Text>
  )
}
