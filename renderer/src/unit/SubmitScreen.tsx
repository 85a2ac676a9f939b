// 报送 (issue 7, 7–8; N-9, N-14): who is ready to pass upwards (accepted, publicised without objection)
// and who is not, with why; for a public institution the F-4 state; then the choice, the unit key's
// passphrase, and 加签并生成报送批次 (unit:submit: level 2 added to each package and the batch for the city
// written, a job with progress and cancel), and the batches written so far with their downloads.
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Empty, Input, Result, Space, Spin, Tag, Typography } from 'antd';
import { verdictWords } from '../../../shared/rules/verdict.js';
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ApiError, KeyStatus } from '../../../shared/api/contract.js';
import type { BatchFile, UnitApplicantRow, UnitProfile } from '../../../shared/unit/schema.js';
import { formatBytes } from '../attachments/linkText.js';
import { call } from '../api.js';
import { ApiErrorAlert } from '../components/ApiErrorAlert.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT } from '../i18n.js';
import { Fingerprint } from '../package/fingerprint.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import { BatchDownload, BatchList } from './review/BatchList.js';
import { PUBLICITY_STATE_TAG } from './review/labels.js';
import { isPassphraseError, needsPassphrase, PassphraseField, passphraseReady } from './review/PassphraseField.js';
import { PostInfoPanel } from './review/PostInfoPanel.js';
import { isPassedOn, isReady, notReadyReason } from './review/readiness.js';
import { gapsOf, gapsText, hasGaps } from '../../../shared/unit/gaps.js';
import { MIN_REASON_CHARS } from '../../../shared/unit/schema.js';
import { STAGE_LABELS } from '../../../shared/unit/pipeline.js';
import { WorkFrame } from './review/WorkFrame.js';

export const SUBMIT_JOB_KEY = 'dossier.unitSubmit';

export interface SubmitScreenProps {
  /** Opens one applicant's review (from the table or elsewhere). */
  onOpenApplicant?: (applicantId: string) => void;
  applicantId?: string | null;
  /** Opens 岗位信息表 (F-4), for a public institution. */
  onOpenPostInfo?: () => void;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | {
      kind: 'ready';
      rows: UnitApplicantRow[];
      profile: UnitProfile | null;
      keyStatus: KeyStatus;
      batches: BatchFile[];
    };

export function SubmitScreen({ onOpenApplicant, onOpenPostInfo }: SubmitScreenProps) {
  const { t, pick, lang } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const { job, tracker } = useJob(SUBMIT_JOB_KEY);
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [f4Ok, setF4Ok] = useState(false);
  const [tried, setTried] = useState(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setLoaded({ kind: 'loading' });
    try {
      const [{ rows }, { profile }, keyStatus, { batches }] = await Promise.all([
        call('unit:applicants', {}),
        call('unit:get', {}),
        call('keys:status', {}),
        call('unit:batches', {}),
      ]);
      setLoaded({ kind: 'ready', rows, profile, keyStatus, batches });
    } catch (e) {
      setLoaded({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const running = isRunning(job);
  const status = job?.status ?? null;
  const endedJob = job && !running ? job.jobId : null;
  useEffect(() => {
    if (!endedJob) return;
    if (status?.state === 'done') {
      setPassphrase('');
      setChosen(null);
      setTried(false);
    }
    void load(true);
    // Once per ended job.
  }, [endedJob]);

  const onF4State = useCallback((ok: boolean) => setF4Ok(ok), []);
  const rows = loaded.kind === 'ready' ? loaded.rows : [];
  const ready = useMemo(() => rows.filter(isReady), [rows]);
  const passed = useMemo(() => rows.filter(isPassedOn), [rows]);
  const notReady = useMemo(() => rows.filter((r) => !isReady(r) && !isPassedOn(r)), [rows]);
  // Everyone ready is ticked until the officer changes it; a replacement only when chosen.
  const isChosen = (r: UnitApplicantRow) => (chosen ? chosen.has(r.applicantId) : isReady(r));
  const picked = [...ready, ...passed].filter(isChosen);
  // Countersigning against the evidence needs a written reason per applicant (the core's gate says the same).
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const needsReason = (r: UnitApplicantRow) => hasGaps(gapsOf(r));
  const reasonOk = (r: UnitApplicantRow) => (reasons[r.applicantId] ?? '').trim().length >= MIN_REASON_CHARS;
  const toggle = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old ?? ready.map((r) => r.applicantId));
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  if (loaded.kind !== 'ready') {
    return (
      <WorkFrame id="uw-submit" title={t('uw_submitTitle')} intro={t('uw_submitIntro')}>
        {loaded.kind === 'loading' ? (
          <div className="center-fill uw-loading">
            <Spin description={t('loading')} />
          </div>
        ) : (
          <Result
            status="error"
            title={t('loadFailed')}
            subTitle={pick(loaded.error.message)}
            extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
          />
        )}
      </WorkFrame>
    );
  }

  const { keyStatus, profile, batches } = loaded;
  const isPublic = profile?.type === 'public_institution';
  const waiting: string[] = [];
  if (!keyStatus.exists) waiting.push(t('uw_needKey'));
  if (picked.length === 0) waiting.push(t('uw_needChosen'));
  if (picked.some((r) => needsReason(r) && !reasonOk(r))) waiting.push(t('uw_needReasons'));
  if (isPublic && !f4Ok) waiting.push(t('uw_needF4'));
  if (keyStatus.exists && !passphraseReady(keyStatus, passphrase)) waiting.push(t('uw_needPassphrase'));
  const canSubmit = waiting.length === 0 && !running;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!canSubmit) {
      if (picked.length === 0) document.querySelector<HTMLInputElement>('.uw-ready input[type="checkbox"]')?.focus();
      else if (needsPassphrase(keyStatus)) document.getElementById('uw-submit-passphrase')?.focus();
      return;
    }
    setStartError(null);
    tracker.dismiss();
    try {
      await tracker.start([], () =>
        call('unit:submit', {
          applicantIds: picked.map((r) => r.applicantId),
          reasons: Object.fromEntries(
            picked.filter(needsReason).map((r) => [r.applicantId, reasons[r.applicantId] ?? '']),
          ),
          ...(needsPassphrase(keyStatus) ? { passphrase } : {}),
        }),
      );
    } catch (err) {
      setStartError(asApiError(err));
    }
  };

  const jobError = !running && status?.state === 'failed' ? status.error : null;
  const passError = [startError, jobError].find((x) => isPassphraseError(x)) ?? null;
  const otherError = startError && !isPassphraseError(startError) ? startError : null;
  const written = status?.state === 'done' ? (status.batch ?? null) : null;
  // The list knows whether the batch still waits for its download (it is removed once downloaded whole).
  const current = written ? (batches.find((b) => b.fileName === written.fileName) ?? written) : null;
  const autoBackup = status?.state === 'done' ? (status.autoBackup ?? null) : null;
  const reloadSoon = () => window.setTimeout(() => void load(true), 1500);

  const choice = (r: UnitApplicantRow, replacement: boolean) => (
    <li key={r.applicantId} data-testid="uw-ready-row" data-applicant={r.applicantId}>
      <div className="uw-ready-line">
        <Checkbox
          checked={isChosen(r)}
          onChange={(e) => toggle(r.applicantId, e.target.checked)}
          disabled={running}
          aria-label={t('uw_readyPick', { name: r.name })}
        />
        {name(r)}
        <Typography.Text type="secondary">{r.specialty}</Typography.Text>
        <Typography.Text type="secondary">{t('pkg_revisionN', { n: r.revision })}</Typography.Text>
        <Tag color={r.verdict === 'pass' ? 'green' : r.verdict === 'fail' ? 'red' : 'orange'}>
          {pick(verdictWords(r.verdict, r.counts))}
        </Tag>
        {replacement && <Tag color="blue">{pick(STAGE_LABELS[r.stage])}</Tag>}
        {replacement && isChosen(r) && <Tag color="purple">{t('uw_replacement')}</Tag>}
      </div>
      {needsReason(r) && isChosen(r) && (
        <div className="uw-reason" data-testid="uw-countersign-reason">
          <Typography.Text type="warning" id={`uw-gaps-${r.applicantId}`}>
            {t('uw_gapsNote', { gaps: gapsText(gapsOf(r), lang) })}
          </Typography.Text>
          <label htmlFor={`uw-reason-${r.applicantId}`} className="uw-reason-label">
            {t('uw_countersignReason', { name: r.name })}
          </label>
          <Input.TextArea
            id={`uw-reason-${r.applicantId}`}
            value={reasons[r.applicantId] ?? ''}
            onChange={(e) => setReasons((old) => ({ ...old, [r.applicantId]: e.target.value }))}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            aria-required
            aria-invalid={tried && !reasonOk(r)}
            aria-describedby={`uw-gaps-${r.applicantId}`}
            disabled={running}
          />
        </div>
      )}
    </li>
  );

  const name = (r: UnitApplicantRow) =>
    onOpenApplicant ? (
      <Button type="link" className="uw-link" onClick={() => onOpenApplicant(r.applicantId)}>
        {r.name || '—'}
      </Button>
    ) : (
      <Typography.Text strong>{r.name || '—'}</Typography.Text>
    );

  return (
    <WorkFrame
      id="uw-submit"
      title={t('uw_submitTitle')}
      intro={t('uw_submitIntro')}
      tools={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => void load(true)}
          disabled={running}
          data-testid="uw-submit-reload"
        >
          {t('uw_refresh')}
        </Button>
      }
    >
      {rows.length === 0 && (
        <Empty className="uw-empty" description={t('uw_noApplicants')} data-testid="uw-submit-empty" />
      )}
      {rows.length > 0 && (
        <Card
          size="small"
          className="uw-ready-card"
          title={<span className="uw-card-title">{t('uw_readyHeading', { n: ready.length })}</span>}
          data-testid="uw-ready"
        >
          {ready.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('uw_readyNone')}</Typography.Paragraph>
          ) : (
            <fieldset className="uw-fieldset">
              <legend className="sr-only">{t('uw_readyChoose')}</legend>
              <ul className="uw-ready">{ready.map((r) => choice(r, false))}</ul>
            </fieldset>
          )}
          {passed.length > 0 && (
            <fieldset className="uw-fieldset uw-passed" data-testid="uw-passed">
              <legend className="uw-passed-legend">{t('uw_passedHeading', { n: passed.length })}</legend>
              <Typography.Paragraph type="secondary">{t('uw_passedText')}</Typography.Paragraph>
              <ul className="uw-ready">{passed.map((r) => choice(r, true))}</ul>
            </fieldset>
          )}
          {notReady.length > 0 && (
            <section aria-labelledby="uw-not-ready-heading" className="uw-not-ready" data-testid="uw-not-ready">
              <Typography.Text strong id="uw-not-ready-heading">
                {t('uw_notReadyHeading', { n: notReady.length })}
              </Typography.Text>
              <ul>
                {notReady.map((r) => (
                  <li key={r.applicantId} data-testid="uw-not-ready-row" data-applicant={r.applicantId}>
                    {name(r)}
                    <Tag color="default">{pick(STAGE_LABELS[r.stage])}</Tag>
                    <Tag color={PUBLICITY_STATE_TAG[r.publicity].color}>{t(PUBLICITY_STATE_TAG[r.publicity].text)}</Tag>
                    <Typography.Text type="secondary">{pick(notReadyReason(r))}</Typography.Text>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </Card>
      )}
      {isPublic && <PostInfoPanel onOpenPostInfo={onOpenPostInfo} onState={onF4State} />}
      <Card
        size="small"
        className="uw-submit-card"
        title={
          <span className="uw-card-title">
            <SendOutlined aria-hidden /> {t('uw_submitHeading')}
          </span>
        }
      >
        <Typography.Paragraph type="secondary">{t('uw_submitText')}</Typography.Paragraph>
        {!keyStatus.exists && (
          <Alert
            type="warning"
            showIcon
            title={t('uw_keyMissing')}
            className="uw-inline-alert"
            data-testid="uw-key-missing"
          />
        )}
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="uw-submit-form">
          {needsPassphrase(keyStatus) && (
            <PassphraseField id="uw-submit-passphrase" value={passphrase} onChange={setPassphrase} error={passError} />
          )}
          <Space wrap align="center">
            <Button
              type="primary"
              htmlType="submit"
              icon={<SendOutlined />}
              disabled={!canSubmit}
              aria-describedby="uw-submit-waiting"
              data-testid="uw-submit"
            >
              {t('uw_submit', { n: picked.length })}
            </Button>
            <Typography.Text
              type={tried && waiting.length > 0 ? 'danger' : 'secondary'}
              id="uw-submit-waiting"
              aria-live="polite"
              data-testid="uw-submit-waiting"
            >
              {running || waiting.length === 0 ? '' : t('uw_waiting', { list: waiting.join(t('clauseSep')) })}
            </Typography.Text>
          </Space>
        </form>
        {otherError && <ApiErrorAlert error={otherError} testId="uw-submit-error" />}
        <JobPanel
          job={job}
          testId="uw-submit-job"
          onCancel={() => void tracker.cancel()}
          onDismiss={() => tracker.dismiss()}
          texts={{
            label: t('uw_submitJob'),
            running: (done, total) => t('uw_submitRunning', { done, n: total }),
            done: t('uw_submitDone'),
            cancelled: t('uw_submitCancelled'),
            failed: (detail) => t('uw_submitFailed', { detail }),
            lost: (detail) => t('pkg_jobLost', { detail }),
          }}
          result={
            written ? (
              <div className="uw-batch-written" data-testid="uw-batch-result">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'file',
                      label: t('pkg_fileName'),
                      children: (
                        <Typography.Text strong data-testid="uw-batch-result-name">
                          {written.fileName}
                        </Typography.Text>
                      ),
                    },
                    { key: 'applicants', label: t('uw_batchApplicants'), children: written.applicants },
                    { key: 'size', label: t('pkg_size'), children: formatBytes(written.size) },
                    {
                      key: 'sha',
                      label: t('uw_batchSha'),
                      children: <Fingerprint hex={written.sha256} testId="uw-batch-sha" />,
                    },
                  ]}
                />
                <BatchDownload file={current ?? written} primary onDownload={reloadSoon} />
                {autoBackup?.name && (
                  <Typography.Paragraph type="secondary" data-testid="uw-auto-backup">
                    {t('uw_autoBackupDone', { name: autoBackup.name })}
                  </Typography.Paragraph>
                )}
                {autoBackup?.error && (
                  <Alert
                    type="warning"
                    showIcon
                    className="uw-inline-alert"
                    title={t('uw_autoBackupFailed')}
                    description={pick(autoBackup.error)}
                    data-testid="uw-auto-backup-failed"
                  />
                )}
              </div>
            ) : undefined
          }
        />
      </Card>
      <section className="uw-batches" aria-labelledby="uw-batches-heading">
        <Typography.Title level={2} id="uw-batches-heading" className="uw-subheading">
          {t('uw_batchesHeading')}
        </Typography.Title>
        <BatchList batches={batches} onDownload={reloadSoon} />
      </section>
    </WorkFrame>
  );
}
