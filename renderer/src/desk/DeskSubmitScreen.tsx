// 报送 of the reviewing desk (issue 17 item 6; N-1 附件1, N-8, N-9): the pass-on by committee. The committee
// is chosen from the rule pack's list (desk:committees, with counts); the start day of the evaluation
// objects' publicity gives its window on the state calendar; who would go and who is held back, and why
// (desk:passOnPlan); then the desk key's passphrase and the job (desk:submit: level 3 for each, one batch
// with the roster and the list), with progress and cancel, and the batch to download.
import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Result,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiError, KeyStatus } from '../../../shared/api/contract.js';
import { DESK_STATUS_LABELS } from '../../../shared/desk/pipeline.js';
import type { PassOnCommittee, PassOnPerson, PassOnPlan } from '../../../shared/desk/passOn.js';
import type { BatchFile } from '../../../shared/unit/schema.js';
import { formatBytes } from '../attachments/linkText.js';
import { call } from '../api.js';
import { ApiErrorAlert } from '../components/ApiErrorAlert.js';
import { LabelledField } from '../components/LabelledField.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT } from '../i18n.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import { Fingerprint } from '../package/fingerprint.js';
import { BatchDownload, BatchList } from '../unit/review/BatchList.js';
import {
  isPassphraseError,
  needsPassphrase,
  PassphraseField,
  passphraseReady,
} from '../unit/review/PassphraseField.js';
import { WorkFrame } from '../unit/review/WorkFrame.js';
import { passOnText, type PassOnTextKey } from './passOnText.js';
import './passOn.css';

export const DESK_SUBMIT_JOB_KEY = 'dossier.deskSubmit';

export interface DeskSubmitScreenProps {
  onOpenApplicant: (applicantId: string) => void;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; committees: PassOnCommittee[]; keyStatus: KeyStatus; batches: BatchFile[] };

/** Today in the local calendar (the default start day of the publicity). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function DeskSubmitScreen({ onOpenApplicant }: DeskSubmitScreenProps) {
  const { t, pick, lang } = useT();
  const p = (key: PassOnTextKey, vars?: Record<string, string | number>) => passOnText(lang, key, vars);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [committee, setCommittee] = useState<string | null>(null);
  const [startDate, setStartDate] = useState(today);
  const [plan, setPlan] = useState<PassOnPlan | null>(null);
  const [planError, setPlanError] = useState<ApiError | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [startError, setStartError] = useState<ApiError | null>(null);
  const { job, tracker } = useJob(DESK_SUBMIT_JOB_KEY);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setLoaded({ kind: 'loading' });
    try {
      const [{ committees }, keyStatus, { batches }] = await Promise.all([
        call('desk:committees', {}),
        call('keys:status', {}),
        call('desk:passOnBatches', {}),
      ]);
      setLoaded({ kind: 'ready', committees, keyStatus, batches });
      // The first committee with someone ready is offered; the officer may choose another.
      setCommittee((old) => old ?? (committees.find((c) => c.ready > 0) ?? committees[0])?.id ?? null);
    } catch (e) {
      setLoaded({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const running = isRunning(job);
  const status = job?.status ?? null;
  const endedJob = job && !running ? job.jobId : null;
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(startDate);
  useEffect(() => {
    if (!committee) return;
    let live = true;
    setPlanError(null);
    call('desk:passOnPlan', { committee, ...(validDate ? { startDate } : {}) })
      .then((got) => live && setPlan(got))
      .catch((e: unknown) => live && setPlanError(asApiError(e)));
    return () => {
      live = false;
    };
  }, [committee, startDate, validDate, endedJob]);
  useEffect(() => {
    if (!endedJob) return;
    if (status?.state === 'done') setPassphrase('');
    void load(true);
    // Once per ended job.
  }, [endedJob]);

  const frame = (body: React.ReactNode, tools?: React.ReactNode) => (
    <WorkFrame id="desk-submit" title={p('submitTitle')} intro={p('submitIntro')} tools={tools}>
      {body}
    </WorkFrame>
  );
  if (loaded.kind !== 'ready') {
    return frame(
      loaded.kind === 'loading' ? (
        <div className="center-fill uw-loading">
          <Spin description={p('loading')} />
        </div>
      ) : (
        <Result
          status="error"
          title={t('loadFailed')}
          subTitle={pick(loaded.error.message)}
          extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
        />
      ),
    );
  }

  const { committees, keyStatus, batches } = loaded;
  const anyone = committees.some((c) => c.applicants > 0);
  const going = plan?.committee.id === committee ? plan.going : [];
  const canSubmit =
    !running && keyStatus.exists && going.length > 0 && validDate && passphraseReady(keyStatus, passphrase);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSubmit || !committee) return;
    setStartError(null);
    tracker.dismiss();
    try {
      await tracker.start([], () =>
        call('desk:submit', {
          committee,
          startDate,
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
  const current = written ? (batches.find((b) => b.fileName === written.fileName) ?? written) : null;
  const reloadSoon = () => window.setTimeout(() => void load(true), 1500);

  const person = (x: PassOnPerson) => (
    <li
      key={x.applicantId}
      data-testid={x.heldBecause ? 'desk-held-row' : 'desk-going-row'}
      data-applicant={x.applicantId}
    >
      <Button type="link" className="uw-link" onClick={() => onOpenApplicant(x.applicantId)}>
        {x.name || '—'}
      </Button>{' '}
      <Typography.Text type="secondary">{x.unit}</Typography.Text>{' '}
      <Typography.Text type="secondary">{x.specialty}</Typography.Text>{' '}
      {x.exceptional && <Tag color="purple">{p('exceptional')}</Tag>}
      {x.heldBecause ? (
        <>
          <Tag>{pick(DESK_STATUS_LABELS[x.status])}</Tag>
          <Typography.Text type="secondary">{pick(x.heldBecause)}</Typography.Text>
        </>
      ) : (
        <Tag color="green">{pick(DESK_STATUS_LABELS[x.status])}</Tag>
      )}
    </li>
  );

  return frame(
    <>
      {!anyone && <Empty className="uw-empty" description={p('empty')} data-testid="desk-submit-empty" />}
      <Card size="small" title={<span className="uw-card-title">{p('committees')}</span>}>
        <Radio.Group
          value={committee}
          onChange={(e) => setCommittee(e.target.value as string)}
          disabled={running}
          aria-label={p('committees')}
          className="desk-committees"
          data-testid="desk-committees"
        >
          <Space orientation="vertical">
            {committees.map((c) => (
              <Radio key={c.id} value={c.id} data-testid={`desk-committee-${c.id}`}>
                {c.fullName}
                {lang === 'en' ? ` (${c.shortName.en})` : ''}{' '}
                <Typography.Text type="secondary">
                  {p('committeeCounts', { n: c.applicants, ready: c.ready })}
                </Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        <Form layout="vertical" component={false} disabled={running}>
          <LabelledField
            id="desk-submit-start"
            label={p('startDate')}
            required
            hint={
              plan?.publicity
                ? p('window', {
                    start: plan.publicity.startDate,
                    end: plan.publicity.endDate,
                    days: plan.publicity.workingDays,
                  })
                : undefined
            }
            error={plan?.publicityProblem ? pick(plan.publicityProblem) : null}
          >
            {(control) => (
              <Input
                {...control}
                type="date"
                value={startDate}
                onChange={(e) => setStartDate(e.target.value)}
                className="desk-date"
              />
            )}
          </LabelledField>
        </Form>
      </Card>
      {planError && <Alert type="error" showIcon className="uw-inline-alert" title={pick(planError.message)} />}
      {plan && plan.committee.id === committee && (
        <Card size="small" data-testid="desk-plan">
          <section aria-labelledby="desk-going-heading">
            <Typography.Title level={2} className="uw-subheading" id="desk-going-heading">
              {p('going', { n: plan.going.length })}
            </Typography.Title>
            {plan.going.length === 0 ? (
              <Typography.Paragraph type="secondary">{p('goingNone')}</Typography.Paragraph>
            ) : (
              <ul className="uw-ready">{plan.going.map(person)}</ul>
            )}
          </section>
          {plan.held.length > 0 && (
            <section aria-labelledby="desk-held-heading" className="uw-not-ready" data-testid="desk-held">
              <Typography.Title level={2} className="uw-subheading" id="desk-held-heading">
                {p('held', { n: plan.held.length })}
              </Typography.Title>
              <ul>{plan.held.map(person)}</ul>
            </section>
          )}
        </Card>
      )}
      <Card
        size="small"
        className="uw-submit-card"
        title={
          <span className="uw-card-title">
            <SendOutlined aria-hidden /> {p('submitTitle')}
          </span>
        }
      >
        {!keyStatus.exists && (
          <Alert
            type="warning"
            showIcon
            title={p('keyMissing')}
            className="uw-inline-alert"
            data-testid="desk-key-missing"
          />
        )}
        <form onSubmit={(e) => void submit(e)} noValidate data-testid="desk-submit-form">
          {needsPassphrase(keyStatus) && (
            <PassphraseField
              id="desk-submit-passphrase"
              label={p('passphrase')}
              value={passphrase}
              onChange={setPassphrase}
              error={passError}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            icon={<SendOutlined />}
            disabled={!canSubmit}
            data-testid="desk-submit"
          >
            {p('submit', { n: going.length })}
          </Button>
        </form>
        {otherError && <ApiErrorAlert error={otherError} testId="desk-submit-error" />}
        <JobPanel
          job={job}
          testId="desk-submit-job"
          onCancel={() => void tracker.cancel()}
          onDismiss={() => tracker.dismiss()}
          texts={{
            label: p('job'),
            running: (done, total) => p('running', { done, n: total }),
            done: p('done'),
            cancelled: p('cancelled'),
            failed: (detail) => p('failed', { detail }),
            lost: (detail) => p('lost', { detail }),
          }}
          result={
            written ? (
              <div className="uw-batch-written" data-testid="desk-batch-result">
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'file',
                      label: t('pkg_fileName'),
                      children: <Typography.Text strong>{written.fileName}</Typography.Text>,
                    },
                    { key: 'applicants', label: p('batchApplicants'), children: written.applicants },
                    { key: 'size', label: t('pkg_size'), children: formatBytes(written.size) },
                    {
                      key: 'sha',
                      label: 'SHA-256',
                      children: <Fingerprint hex={written.sha256} testId="desk-batch-sha" />,
                    },
                  ]}
                />
                <BatchDownload file={current ?? written} primary onDownload={reloadSoon} />
              </div>
            ) : undefined
          }
        />
      </Card>
      <section className="uw-batches" aria-labelledby="desk-batches-heading">
        <Typography.Title level={2} id="desk-batches-heading" className="uw-subheading">
          {p('batchesHeading')}
        </Typography.Title>
        <BatchList batches={batches} onDownload={reloadSoon} />
      </section>
    </>,
    <Button
      icon={<ReloadOutlined />}
      onClick={() => void load(true)}
      disabled={running}
      data-testid="desk-submit-reload"
    >
      {t('uw_refresh')}
    </Button>,
  );
}
