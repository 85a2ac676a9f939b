// 导出申报包 (issue 6): the eligibility check as the core runs it (package:precheck) — the one verdict
// first, in the same words as 资格检查 (issue 12); every failing finding stops the export, each with a link to
// where it is fixed; every point a person must judge goes on only with a written reason (≥ 10 characters)
// that goes into the package — a reason given at an earlier export is offered again, editable (issue 19) — then the key's passphrase and 导出, a job with progress and 取消, and what it
// wrote: file, size, revision, the package fingerprint and a download link.
import { CloudDownloadOutlined, ExportOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiError, KeyStatus, OutputOf, PackageFile, PrecheckFinding } from '../../../shared/api/contract.js';
import type { Finding, Report } from '../../../shared/rules/types.js';
import { call, packageUrl } from '../api.js';
import { formatBytes } from '../attachments/linkText.js';
import { LabelledField } from '../components/LabelledField.js';
import { useEditor } from '../editorContext.js';
import { useEligibility } from '../eligibility/context.js';
import { screenOfFix } from '../eligibility/fixTarget.js';
import { VerdictBanner } from '../eligibility/VerdictBanner.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import { Fingerprint, groupHex } from './fingerprint.js';
import { levelKey } from './PackageList.js';
import { MIN_PASSPHRASE } from './KeyCard.js';

/** The shortest written reason the core takes for overriding a warning. */
export const MIN_JUSTIFICATION = 10;

type Precheck =
  { kind: 'loading' } | { kind: 'failed'; error: ApiError } | ({ kind: 'ready' } & OutputOf<'package:precheck'>);

type ReadyPrecheck = Extract<Precheck, { kind: 'ready' }>;

/**
 * The verdict banner's input from the core's own check: its verdict, round and application date, and the
 * findings of its two lists (each as the core judged it; the live finding of the same id lends its title).
 */
function verdictOfPrecheck(
  precheck: ReadyPrecheck,
  findingOf: (f: PrecheckFinding) => Finding | undefined,
): Pick<Report, 'verdict' | 'findings' | 'round' | 'applicationDate'> {
  const full = (f: PrecheckFinding): Finding => ({
    ...(findingOf(f) ?? { title: { zh: f.ruleId, en: f.ruleId }, confidence: 'confirmed', fix: null, evidence: [] }),
    ...f,
  });
  return {
    verdict: precheck.verdict,
    findings: [...precheck.blockers, ...precheck.warnings].map(full),
    round: precheck.round,
    applicationDate: precheck.applicationDate,
  };
}

const justificationId = (findingId: string) => `justify-${findingId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
const isPassphraseError = (e: ApiError) => /passphrase/.test(e.code);

export interface ExportCardProps {
  applicantId: string;
  keyStatus: KeyStatus;
  /** A package was written: the list below reads itself again. */
  onExported: () => void;
}

export function ExportCard({ applicantId, keyStatus, onExported }: ExportCardProps) {
  const { t, pick } = useT();
  const { ops } = useEditor();
  const drain = ops.drain;
  const { report, follow } = useEligibility();
  const { job, tracker } = useJob(`dossier.packageExport.${applicantId}`);
  const [precheck, setPrecheck] = useState<Precheck>({ kind: 'loading' });
  // Reasons outlive the screen (the user leaves to fix something and comes back) and a reload of the tab.
  const reasonsKey = `dossier.exportReasons.${applicantId}`;
  const [reasons, setReasonsState] = useState<Record<string, string>>(() => {
    try {
      return JSON.parse(sessionStorage.getItem(reasonsKey) ?? '{}') as Record<string, string>;
    } catch {
      return {};
    }
  });
  const setReason = (findingId: string, text: string) =>
    setReasonsState((old) => {
      const next = { ...old, [findingId]: text };
      sessionStorage.setItem(reasonsKey, JSON.stringify(next));
      return next;
    });
  const [passphrase, setPassphrase] = useState('');
  const [startError, setStartError] = useState<ApiError | null>(null);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setPrecheck({ kind: 'loading' });
      try {
        // The check reads the database: what was typed in the last second goes first.
        await drain();
        const value = await call('package:precheck', { applicantId });
        setPrecheck({ kind: 'ready', ...value });
      } catch (e) {
        setPrecheck({ kind: 'failed', error: asApiError(e) });
      }
    },
    [applicantId, drain],
  );
  useEffect(() => void load(), [load]);

  // A job that ended (here, or while the screen was closed) changes the list; a failure may be the check's.
  const running = isRunning(job);
  const status = job?.status ?? null;
  const endedJob = job && !running ? job.jobId : null;
  useEffect(() => {
    if (!endedJob) return;
    onExported();
    if (status?.state === 'done') setPassphrase('');
    void load(true);
    // Once per ended job (the status of that job does not change any more).
  }, [endedJob]);

  const findingOf = (f: PrecheckFinding): Finding | undefined =>
    report.findings.find((r) => r.id === f.id) ?? report.findings.find((r) => r.ruleId === f.ruleId);

  const needsPassphrase = keyStatus.protection !== 'os';
  const ready = precheck.kind === 'ready' ? precheck : null;
  // The reasons of the last export, offered again: a draft typed here (even an emptied one) goes first.
  const remembered = new Map((ready?.remembered ?? []).map((r) => [r.findingId, r.text]));
  const reasonOf = (findingId: string) => reasons[findingId] ?? remembered.get(findingId) ?? '';
  const missingReasons = ready ? ready.warnings.filter((w) => reasonOf(w.id).trim().length < MIN_JUSTIFICATION) : [];
  const jobError = !running && status?.state === 'failed' ? status.error : null;
  const passError = [startError, jobError].find((e): e is ApiError => e !== null && isPassphraseError(e)) ?? null;
  const generalError = startError && !isPassphraseError(startError) ? startError : null;

  const waiting: string[] = [];
  if (!keyStatus.exists) waiting.push(t('pkg_waitKey'));
  if (!ready) waiting.push(t('pkg_waitCheck'));
  else {
    if (ready.blockers.length > 0) waiting.push(t('pkg_waitBlockers', { n: ready.blockers.length }));
    if (missingReasons.length > 0) waiting.push(t('pkg_waitReasons', { n: missingReasons.length }));
  }
  if (keyStatus.exists && needsPassphrase && passphrase.length < MIN_PASSPHRASE) waiting.push(t('pkg_waitPassphrase'));
  const canExport = waiting.length === 0 && !running;

  const exportPackage = async (e: FormEvent) => {
    e.preventDefault();
    if (!canExport || !ready) {
      const first = missingReasons[0];
      if (first) document.getElementById(justificationId(first.id))?.focus();
      else if (needsPassphrase) document.getElementById('export-passphrase')?.focus();
      return;
    }
    setStartError(null);
    tracker.dismiss();
    try {
      await drain();
      await tracker.start([], () =>
        call('package:export', {
          applicantId,
          ...(needsPassphrase ? { passphrase } : {}),
          justifications: ready.warnings.map((w) => ({ findingId: w.id, text: reasonOf(w.id).trim() })),
        }),
      );
    } catch (err) {
      setStartError(asApiError(err));
      // The core found something the check here had not (an edit meanwhile): read it again.
      void load(true);
    }
  };

  // A refusal names the findings it is about (issue path = the finding's id, or justifications.<n>): beside them.
  const issueOf = (findingId: string, index: number): string | null => {
    const issue = generalError?.issues?.find(
      (i) => i.path === findingId || i.path.startsWith(`justifications.${index}`),
    );
    if (!issue) return null;
    return generalError?.code === 'justification_needed'
      ? t('pkg_reasonMissing', { n: MIN_JUSTIFICATION })
      : pick(issue.message);
  };

  // What the rule looked at (which paper, which year): two findings of one rule read apart.
  const evidenceOf = (f: PrecheckFinding) => {
    const evidence = findingOf(f)?.evidence ?? [];
    if (evidence.length === 0) return null;
    return (
      <Typography.Text type="secondary" className="pkg-finding-evidence">
        {t('findingEvidence')}
        {evidence.map((e) => pick(e.label)).join(t('clauseSep'))}
      </Typography.Text>
    );
  };

  // Where the finding is fixed, as on 资格检查 (the rule pack's own fix target).
  const fixLink = (f: PrecheckFinding, text: TextKey) => {
    const fix = findingOf(f)?.fix;
    const target = fix ? screenOfFix(fix) : null;
    if (!fix || !target) return null;
    return (
      <Button type="link" size="small" className="pkg-fix" onClick={() => follow(fix)} data-testid={`fix-${f.id}`}>
        {t(text, { screen: t(`nav_${target}` as TextKey) })}
      </Button>
    );
  };

  let checkBody;
  if (precheck.kind === 'loading') {
    checkBody = (
      <div className="pkg-loading" data-testid="precheck-loading">
        <Spin description={t('pkg_checking')} />
      </div>
    );
  } else if (precheck.kind === 'failed') {
    checkBody = (
      <Result
        status="error"
        title={t('pkg_checkFailed')}
        subTitle={pick(precheck.error.message)}
        extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    const { blockers, warnings } = precheck;
    checkBody = (
      <>
        {/* The same sentence as 资格检查: 可以申报 / 需人工确认 N 项 / 暂不符合 N 项, the round's closing beside it. */}
        <VerdictBanner report={verdictOfPrecheck(precheck, findingOf)} showList={false} />
        {blockers.length > 0 && (
          <section aria-labelledby="blockers-heading" className="pkg-findings" data-testid="precheck-blockers">
            <Typography.Title level={2} id="blockers-heading" className="pkg-subheading pkg-subheading-error">
              {t('pkg_blockersHeading', { n: blockers.length })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('pkg_blockersText')}</Typography.Paragraph>
            <ul className="pkg-finding-list">
              {blockers.map((f) => (
                <li key={f.id} className="pkg-finding pkg-finding-blocker" data-testid={`blocker-${f.id}`}>
                  <FindingHead finding={f} title={findingOf(f)?.title ?? null} tag="blocker" />
                  <div className="pkg-finding-message">{pick(f.message)}</div>
                  {evidenceOf(f)}
                  {fixLink(f, 'pkg_fixLink')}
                </li>
              ))}
            </ul>
          </section>
        )}
        {warnings.length > 0 && (
          <section aria-labelledby="warnings-heading" className="pkg-findings" data-testid="precheck-warnings">
            <Typography.Title level={2} id="warnings-heading" className="pkg-subheading pkg-subheading-warning">
              {t('pkg_warningsHeading', { n: warnings.length })}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {t('pkg_warningsText', { n: MIN_JUSTIFICATION })}
            </Typography.Paragraph>
            <ol className="pkg-finding-list">
              {warnings.map((f, index) => {
                const text = reasonOf(f.id);
                const length = text.trim().length;
                const id = justificationId(f.id);
                const last = remembered.get(f.id);
                // A remembered reason emptied here: said beside it, with the way back (the last one is kept).
                const emptied = last !== undefined && length === 0;
                return (
                  <li key={f.id} className="pkg-finding pkg-finding-warning" data-testid={`warning-${f.id}`}>
                    <FindingHead finding={f} title={findingOf(f)?.title ?? null} tag="warning" />
                    <div className="pkg-finding-message" id={`${id}-message`}>
                      {pick(f.message)}
                    </div>
                    {evidenceOf(f)}
                    {fixLink(f, 'pkg_fixInstead')}
                    <LabelledField
                      id={id}
                      label={t('pkg_reasonLabel')}
                      required
                      className="pkg-reason"
                      error={
                        issueOf(f.id, index) ?? (emptied ? t('pkg_reasonEmptied', { n: MIN_JUSTIFICATION }) : null)
                      }
                      hint={
                        <span className={length >= MIN_JUSTIFICATION ? 'pkg-count-ok' : 'pkg-count'}>
                          {length >= MIN_JUSTIFICATION
                            ? t('pkg_reasonOk', { n: length })
                            : t('pkg_reasonCount', { n: length, min: MIN_JUSTIFICATION })}
                          {last !== undefined && text === last && (
                            <span className="pkg-reason-remembered" data-testid={`remembered-${f.id}`}>
                              {t('clauseSep')}
                              {t('pkg_reasonRemembered')}
                            </span>
                          )}
                          {emptied && (
                            <Button
                              type="link"
                              size="small"
                              className="pkg-reason-restore"
                              onClick={() => setReason(f.id, last)}
                              data-testid={`restore-${f.id}`}
                            >
                              {t('pkg_reasonRestore')}
                            </Button>
                          )}
                        </span>
                      }
                    >
                      {(control) => (
                        <Input.TextArea
                          {...control}
                          aria-describedby={[`${id}-message`, control['aria-describedby']].filter(Boolean).join(' ')}
                          rows={3}
                          maxLength={2000}
                          value={text}
                          placeholder={t('pkg_reasonPlaceholder')}
                          onChange={(ev) => setReason(f.id, ev.target.value)}
                          data-testid={`reason-${f.id}`}
                        />
                      )}
                    </LabelledField>
                  </li>
                );
              })}
            </ol>
          </section>
        )}
      </>
    );
  }

  const written = status?.state === 'done' ? (status.package ?? null) : null;
  return (
    <Card
      className="pkg-card"
      data-testid="export-card"
      title={
        <span className="pkg-card-title">
          <ExportOutlined aria-hidden /> {t('pkg_exportHeading')}
        </span>
      }
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={() => void load()}
          disabled={precheck.kind === 'loading' || running}
          data-testid="precheck-reload"
        >
          {t('pkg_checkAgain')}
        </Button>
      }
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>{t('pkg_exportText')}</Typography.Paragraph>
        {keyStatus.exists && keyStatus.previousFingerprint && (
          // A new key (issue 19, item 8): the unit holds this package until its officer has met the applicant.
          <Alert
            type="info"
            showIcon
            className="pkg-inline-alert"
            data-testid="export-new-key"
            title={t('pkg_exportNewKey', { fp: groupHex(keyStatus.previousFingerprint).slice(0, 19) })}
          />
        )}
        {checkBody}
        <form onSubmit={(e) => void exportPackage(e)} noValidate className="pkg-export-form" data-testid="export-form">
          {keyStatus.exists && needsPassphrase && (
            <LabelledField
              id="export-passphrase"
              label={t('pkg_exportPassphrase')}
              hint={t('pkg_exportPassphraseHint')}
              error={passError ? pick(passError.message) : null}
            >
              {(control) => (
                <Input.Password
                  {...control}
                  value={passphrase}
                  autoComplete="current-password"
                  maxLength={1024}
                  onChange={(ev) => setPassphrase(ev.target.value)}
                  className="pkg-pass-input"
                  data-testid="export-passphrase"
                />
              )}
            </LabelledField>
          )}
          <div className="pkg-export-actions">
            <Button
              type="primary"
              size="large"
              htmlType="submit"
              icon={<ExportOutlined />}
              disabled={!canExport}
              aria-describedby={waiting.length > 0 ? 'export-waiting' : undefined}
              data-testid="export-start"
            >
              {t('pkg_export')}
            </Button>
            <Typography.Text type="secondary" id="export-waiting" aria-live="polite" data-testid="export-waiting">
              {running ? '' : waiting.length > 0 ? t('pkg_waiting', { list: waiting.join(t('clauseSep')) }) : ''}
            </Typography.Text>
          </div>
        </form>
      </Form>
      {generalError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="pkg-inline-alert"
          data-testid="export-error"
          title={pick(generalError.message)}
        />
      )}
      <JobPanel
        job={job}
        testId="export-job"
        onCancel={() => void tracker.cancel()}
        onDismiss={() => tracker.dismiss()}
        texts={{
          label: t('pkg_exportJob'),
          running: () => t('pkg_exportRunning'),
          done: t('pkg_exportDone'),
          cancelled: t('pkg_exportCancelled'),
          failed: (detail) => t('pkg_exportFailed', { detail }),
          lost: (detail) => t('pkg_jobLost', { detail }),
        }}
        result={written ? <WrittenPackage file={written} /> : undefined}
      />
    </Card>
  );
}

function FindingHead({
  finding,
  title,
  tag,
}: {
  finding: PrecheckFinding;
  title: { zh: string; en: string } | null;
  tag: 'blocker' | 'warning';
}) {
  const { t, pick } = useT();
  return (
    <div className="pkg-finding-head">
      <Tag color={tag === 'blocker' ? 'red' : 'orange'}>
        {t(tag === 'blocker' ? 'pkg_tagBlocker' : 'pkg_tagWarning')}
      </Tag>
      {title && <Typography.Text strong>{pick(title)}</Typography.Text>}
      <Typography.Text type="secondary" code>
        {finding.ruleId}
      </Typography.Text>
      {finding.clause.map((c) => (
        <Tag key={c} bordered={false}>
          {c}
        </Tag>
      ))}
    </div>
  );
}

/** What an export wrote, with the package's fingerprint (its signed manifest's SHA-256) and the download. */
export function WrittenPackage({ file }: { file: PackageFile }) {
  const { t } = useT();
  return (
    <div className="pkg-written" data-testid="export-result">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'file',
            label: t('pkg_fileName'),
            children: (
              <Typography.Text strong data-testid="export-result-name">
                {file.fileName}
              </Typography.Text>
            ),
          },
          { key: 'size', label: t('pkg_size'), children: formatBytes(file.size) },
          {
            key: 'revision',
            label: t('pkg_revision'),
            children: t('pkg_revisionN', { n: file.revision }),
          },
          { key: 'level', label: t('pkg_level'), children: t(levelKey(file.level)) },
          {
            key: 'fingerprint',
            label: t('pkg_packageFingerprint'),
            children: <Fingerprint hex={file.manifestSha256} testId="export-result-fingerprint" />,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" className="pkg-written-hint">
        {t('pkg_packageFingerprintHint')}
      </Typography.Paragraph>
      <Button
        type="primary"
        icon={<CloudDownloadOutlined />}
        href={packageUrl(file.fileName)}
        download={file.fileName}
        data-testid="export-result-download"
      >
        {t('pkg_download')}
      </Button>
    </div>
  );
}
