// The verification of a package as a reader checks it (issue 6 "Verify"): one verdict, then every level
// (申请人 / 单位 / 市级): signature, signer fingerprint, the link to the level below, each file's digest
// (the bad ones named), files no manifest lists, and every problem in the UI language.
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Tag, Typography } from 'antd';
import type { LevelReport, VerifyReport } from '../../../shared/package/report.js';
import { useT, type TextKey } from '../i18n.js';
import { Fingerprint } from './fingerprint.js';
import { levelKey } from './PackageList.js';

type FileStatus = LevelReport['files'][number]['status'];
const FILE_STATUS: Record<FileStatus, TextKey> = {
  ok: 'pkg_fileOk',
  mismatch: 'pkg_fileMismatch',
  absent: 'pkg_fileAbsent',
  damaged: 'pkg_fileDamaged',
};

export const isLevelOk = (l: LevelReport): boolean =>
  l.manifestValid &&
  l.signatureValid &&
  l.chainValid !== false &&
  (l.expectedFingerprint === null || l.expectedFingerprint === l.signerFingerprint) &&
  l.files.every((f) => f.status === 'ok');

function Check({ ok, yes, no, testId }: { ok: boolean; yes: string; no: string; testId?: string }) {
  return (
    <span className={ok ? 'pkg-check-ok' : 'pkg-check-bad'} data-testid={testId} data-ok={ok}>
      {ok ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />} {ok ? yes : no}
    </span>
  );
}

function LevelCard({ level }: { level: LevelReport }) {
  const { t } = useT();
  const ok = isLevelOk(level);
  const counts = { ok: 0, mismatch: 0, absent: 0, damaged: 0 } as Record<FileStatus, number>;
  for (const f of level.files) counts[f.status] += 1;
  const bad = level.files.filter((f) => f.status !== 'ok');
  const headingId = `verify-level-${level.level}`;
  return (
    <section
      className={`pkg-level ${ok ? 'pkg-level-ok' : 'pkg-level-bad'}`}
      aria-labelledby={headingId}
      data-testid={`verify-level-${level.level}`}
      data-ok={ok}
    >
      <div className="pkg-level-head">
        <Typography.Title level={3} id={headingId} className="pkg-subheading">
          {t('pkg_levelTitle', { n: level.level, who: t(levelKey(level.level)) })}
        </Typography.Title>
        <Tag color={ok ? 'success' : 'error'}>{ok ? t('pkg_levelOk') : t('pkg_levelBad')}</Tag>
      </div>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'signature',
            label: t('pkg_signature'),
            children: (
              <Check
                ok={level.signatureValid}
                yes={t('pkg_signatureValid')}
                no={t('pkg_signatureInvalid')}
                testId={`verify-signature-${level.level}`}
              />
            ),
          },
          {
            key: 'signer',
            label: t('pkg_signer'),
            children: level.signerFingerprint ? (
              <span>
                <Fingerprint hex={level.signerFingerprint} testId={`verify-signer-${level.level}`} />
                {level.expectedFingerprint && level.expectedFingerprint !== level.signerFingerprint && (
                  <Typography.Text type="danger" className="pkg-expected">
                    {t('pkg_signerExpected')}
                  </Typography.Text>
                )}
              </span>
            ) : (
              <Typography.Text type="danger">{t('pkg_signerMissing')}</Typography.Text>
            ),
          },
          {
            key: 'manifest',
            label: t('pkg_manifest'),
            children: (
              <Check
                ok={level.manifestValid}
                yes={t('pkg_manifestValid', { v: level.formatVersion ?? '?' })}
                no={t('pkg_manifestInvalid')}
              />
            ),
          },
          // The manifest's SHA-256: what the export showed the sender, to be compared with what they passed on.
          ...(level.manifestSha256
            ? [
                {
                  key: 'package',
                  label: t('pkg_packageFingerprint'),
                  children: <Fingerprint hex={level.manifestSha256} testId={`verify-package-${level.level}`} />,
                },
              ]
            : []),
          {
            key: 'chain',
            label: t('pkg_chain'),
            children:
              level.chainValid === null ? (
                <Typography.Text type="secondary">{t('pkg_chainFirst')}</Typography.Text>
              ) : (
                <Check
                  ok={level.chainValid}
                  yes={t('pkg_chainValid', { n: level.level - 1 })}
                  no={t('pkg_chainBroken', { n: level.level - 1 })}
                  testId={`verify-chain-${level.level}`}
                />
              ),
          },
          {
            key: 'files',
            label: t('pkg_files'),
            children: (
              <span className="pkg-file-counts" data-testid={`verify-files-${level.level}`}>
                <span>{t('pkg_filesCount', { n: level.files.length })}</span>
                <Tag color="success">{t('pkg_filesOk', { n: counts.ok })}</Tag>
                {counts.mismatch > 0 && <Tag color="error">{t('pkg_filesMismatch', { n: counts.mismatch })}</Tag>}
                {counts.absent > 0 && <Tag color="error">{t('pkg_filesAbsent', { n: counts.absent })}</Tag>}
                {counts.damaged > 0 && <Tag color="error">{t('pkg_filesDamaged', { n: counts.damaged })}</Tag>}
              </span>
            ),
          },
        ]}
      />
      {bad.length > 0 && (
        <ul className="pkg-bad-files" aria-label={t('pkg_badFiles')} data-testid={`verify-bad-${level.level}`}>
          {bad.map((f) => (
            <li key={f.path}>
              <Tag color="error">{t(FILE_STATUS[f.status])}</Tag>
              <code className="pkg-path">{f.path}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function VerifyReportView({ report, fileName }: { report: VerifyReport; fileName: string }) {
  const { t, pick } = useT();
  const files = report.levels.reduce((n, l) => n + l.files.length, 0);
  const who = report.levels.map((l) => t(levelKey(l.level))).join(t('listSep'));
  return (
    <div className="pkg-report" data-testid="verify-report" data-ok={report.ok}>
      <div
        className={`pkg-verdict ${report.ok ? 'pkg-verdict-ok' : 'pkg-verdict-bad'}`}
        role="status"
        data-testid="verify-verdict"
      >
        {report.ok ? (
          <CheckCircleFilled className="pkg-verdict-icon" aria-hidden />
        ) : (
          <CloseCircleFilled className="pkg-verdict-icon" aria-hidden />
        )}
        <div>
          <Typography.Title level={2} className="pkg-verdict-title">
            {report.ok ? t('pkg_verdictOk') : t('pkg_verdictBad', { n: report.problems.length })}
          </Typography.Title>
          <Typography.Text>
            {report.ok ? t('pkg_verdictOkText', { levels: report.levels.length, who, files }) : t('pkg_verdictBadText')}
          </Typography.Text>
        </div>
      </div>

      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        className="pkg-report-summary"
        items={[
          { key: 'file', label: t('pkg_fileName'), children: fileName },
          { key: 'id', label: t('pkg_packageId'), children: report.packageId ?? '—' },
          {
            key: 'revision',
            label: t('pkg_revision'),
            children: report.revision === null ? '—' : t('pkg_revisionN', { n: report.revision }),
          },
        ]}
      />

      {report.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="pkg-problems"
          data-testid="verify-problems"
          title={t('pkg_problemsHeading', { n: report.problems.length })}
          description={
            <ul className="pkg-problem-list">
              {report.problems.map((p, i) => (
                <li key={i}>
                  {pick(p.message)}
                  {(p.level !== undefined || p.path) && (
                    <Typography.Text type="secondary" className="pkg-problem-where">
                      {[p.level !== undefined ? t('pkg_levelShort', { n: p.level }) : '', p.path ?? '']
                        .filter(Boolean)
                        .join(' · ')}
                    </Typography.Text>
                  )}
                </li>
              ))}
            </ul>
          }
        />
      )}

      <div className="pkg-levels">
        {report.levels.map((level) => (
          <LevelCard key={level.level} level={level} />
        ))}
      </div>

      {report.unlisted.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="pkg-unlisted"
          data-testid="verify-unlisted"
          title={t('pkg_unlisted', { n: report.unlisted.length })}
          description={
            <ul className="pkg-bad-files">
              {report.unlisted.map((path) => (
                <li key={path}>
                  <code className="pkg-path">{path}</code>
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
