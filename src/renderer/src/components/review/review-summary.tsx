import { Alert, Descriptions, Typography } from 'antd'
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'
import type { PackageProblem, PackageVerdict } from '../../../../shared/package-types'
import type { MessageKey } from '../../i18n/keys'

/** A fingerprint in groups of four, as people read it aloud to compare. */
export function groupedFingerprint(fp: string | null): string {
  return fp ? (fp.match(/.{1,4}/g) ?? []).join(' ') : '—'
}

/** Package problem codes as CLI.md lists them (the wire type is a string: other verifiers' codes pass through). */
const PROBLEM_TEXT = {
  'missing-file': 'review:problem.missing-file',
  'extra-file': 'review:problem.extra-file',
  'hash-mismatch': 'review:problem.hash-mismatch',
  'bad-signature': 'review:problem.bad-signature',
  'custody-broken': 'review:problem.custody-broken',
  'unsafe-path': 'review:problem.unsafe-path',
  'not-a-bag': 'review:problem.not-a-bag',
  'case-manifest-mismatch': 'review:problem.case-manifest-mismatch',
  'untrusted-key': 'review:problem.untrusted-key',
  'signer-mismatch': 'review:problem.signer-mismatch',
} as const satisfies Record<string, MessageKey>

export function useProblemSentence(): (p: PackageProblem) => string {
  const { t } = useTranslation()
  return (p) =>
    Object.hasOwn(PROBLEM_TEXT, p.code)
      ? t(PROBLEM_TEXT[p.code as keyof typeof PROBLEM_TEXT], {
          path: p.path ?? '',
          at: p.path ? ` (${p.path})` : '',
        })
      : t('review:problem.other', { path: p.path ?? '—', code: p.code })
}

/** Problems (or notices) worded once each: sha256 and sha512 manifests both name a changed file. */
function distinct(
  list: PackageProblem[],
  sentence: (p: PackageProblem) => string,
): Array<{ text: string; detail: string }> {
  const seen = new Map<string, string>()
  for (const p of list) {
    const text = sentence(p)
    if (!seen.has(text)) seen.set(text, p.message)
  }
  return [...seen].map(([text, detail]) => ({ text, detail }))
}

/**
 * The verdict in plain words: green only when everything holds, else each problem naming its file;
 * notices that leave the verdict valid (an untrusted key, an unsigned extra tag file) in amber.
 */
export function ReviewSummary({ path, verdict }: { path: string; verdict: PackageVerdict }) {
  const { t } = useTranslation()
  const sentence = useProblemSentence()
  const sig = verdict.signature
  const custodyState = !verdict.custody.present
    ? t('review:summary.custodyAbsent')
    : verdict.custody.intact
      ? t('review:summary.custodyIntact')
      : t('review:summary.custodyBroken')
  const notices = distinct([...(verdict.warnings ?? []), ...verdict.bagit.warnings], sentence)
  return (
    <div className="review-summary" data-testid="review-summary" data-valid={verdict.valid}>
      <Alert
        type={verdict.valid ? 'success' : 'error'}
        showIcon
        icon={verdict.valid ? <CheckCircleFilled /> : <CloseCircleFilled />}
        title={
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="review-verdict">
            {verdict.valid ? t('review:summary.ok') : t('review:summary.bad')}
          </Typography.Text>
        }
        description={
          verdict.valid ? (
            t('review:summary.okText')
          ) : (
            <>
              <div>{t('review:summary.badText')}</div>
              <ul className="review-problems" data-testid="review-problems">
                {distinct(verdict.problems, sentence).map((p) => (
                  <li key={p.text} title={p.detail}>
                    {p.text}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      />
      {notices.length > 0 && (
        <Alert
          className="review-warnings"
          type="warning"
          showIcon
          data-testid="review-warnings"
          title={t('review:summary.warnings')}
          description={
            <>
              <div>{t('review:summary.warningsText')}</div>
              <ul className="review-problems">
                {notices.map((w) => (
                  <li key={w.text} title={w.detail}>
                    {w.text}
                  </li>
                ))}
              </ul>
            </>
          }
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered
        className="review-facts"
        // labels stay on one line in both languages (a wrapped "监管链记录" reads badly)
        styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
      >
        <Descriptions.Item label={t('review:summary.package')}>
          <Typography.Text className="mono" data-user-data>
            {path}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('review:summary.signer')}>
          <span data-user-data data-testid="review-signer">
            {sig.signer ?? '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('review:summary.fingerprint')}>
          <Typography.Text className="mono" data-testid="review-fingerprint">
            {groupedFingerprint(sig.fingerprint)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('review:summary.signature')}>
          {!sig.present
            ? t('review:summary.signatureAbsent')
            : sig.valid
              ? t('review:summary.signatureValid')
              : t('review:summary.signatureInvalid')}
        </Descriptions.Item>
        <Descriptions.Item label={t('review:summary.key')}>
          <Typography.Text type={sig.trusted ? 'success' : 'warning'} data-testid="review-trust">
            {sig.trusted ? t('review:summary.trusted') : t('review:summary.untrusted')}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('review:summary.custody')}>
          {t('review:summary.custodyEvents', { n: verdict.custody.events, state: custodyState })}
        </Descriptions.Item>
      </Descriptions>
    </div>
  )
}
