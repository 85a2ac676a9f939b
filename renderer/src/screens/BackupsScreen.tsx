// 备份与恢复 (issue 8): where the backups are and how they rotate, in plain words; every backup with its
// kind, date and size, verified on request; 立即备份 as a job; 恢复到新文件夹 (asked first: nothing is
// overwritten) as a job that ends with the new folder and how to open it; 完整检查附件文件, every stored
// file re-hashed as a job (issue 13); and 检查工作区, the start-up check on demand.
import {
  CloudUploadOutlined,
  FolderOpenOutlined,
  MedicineBoxOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, BackupEntry, OutputOf } from '../../../shared/api/contract.js';
import { call } from '../api.js';
import { formatBytes } from '../attachments/linkText.js';
import { VerifyPanel } from '../attachments/VerifyPanel.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { JobPanel } from '../forms/JobPanel.js';
import { useT, type TextKey } from '../i18n.js';
import { asApiError, isRunning, useJob } from '../jobs/tracker.js';
import '../package/package.css';
import '../forms/forms.css';

type BackupCheck = OutputOf<'backup:verify'>;
type Doctor = OutputOf<'doctor:check'>;
type ListState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; dir: string; keep: number; backups: BackupEntry[] };

const CHECK: Record<BackupCheck['status'], { color: string; text: TextKey }> = {
  good: { color: 'success', text: 'bak_good' },
  not_clean: { color: 'warning', text: 'bak_notClean' },
  damaged: { color: 'error', text: 'bak_damaged' },
  too_new: { color: 'warning', text: 'bak_tooNew' },
};

const JOB_KEY = 'dossier.backupJob';
/** The command that opens a restored folder (the README's `dossier start --data DIR`). */
export const startCommand = (folder: string) => `dossier start --data "${folder}"`;

function CheckResult({ check }: { check: BackupCheck }) {
  const { t, pick } = useT();
  const { color, text } = CHECK[check.status];
  return (
    <span className="bak-check" data-testid={`backup-check-${check.name}`} data-status={check.status}>
      <Tag color={color}>{t(text)}</Tag>
      {check.files !== null && check.status !== 'damaged' && (
        <Typography.Text type="secondary">{t('bak_checkFiles', { n: check.files })}</Typography.Text>
      )}
      {check.message && <span className="bak-check-message">{pick(check.message)}</span>}
    </span>
  );
}

export function BackupsScreen() {
  const { t, pick, lang } = useT();
  const { message } = App.useApp();
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [checks, setChecks] = useState<Record<string, BackupCheck | 'checking' | ApiError>>({});
  const [confirm, setConfirm] = useState<BackupEntry | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const [doctor, setDoctor] = useState<Doctor | 'checking' | ApiError | null>(null);
  const { job, tracker } = useJob(JOB_KEY);
  const running = isRunning(job);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setList({ kind: 'loading' });
    try {
      setList({ kind: 'ready', ...(await call('backup:list', {})) });
    } catch (e) {
      setList((old) => (quiet && old.kind === 'ready' ? old : { kind: 'failed', error: asApiError(e) }));
    }
  }, []);
  useEffect(() => void load(), [load]);
  const endedJob = job && !running ? job.jobId : null;
  useEffect(() => {
    if (endedJob) void load(true);
  }, [endedJob, load]);
  // A backup made here was read back and verified before its job ended: its row says so (issue 15).
  const madeCheck = job?.status?.state === 'done' ? (job.status.backupCheck ?? null) : null;
  useEffect(() => {
    if (madeCheck) setChecks((old) => ({ ...old, [madeCheck.name]: madeCheck }));
  }, [madeCheck]);

  const verify = async (name: string) => {
    setChecks((old) => ({ ...old, [name]: 'checking' }));
    try {
      const check = await call('backup:verify', { name });
      setChecks((old) => ({ ...old, [name]: check }));
    } catch (e) {
      setChecks((old) => ({ ...old, [name]: asApiError(e) }));
    }
  };

  const start = async (keys: string[], begin: () => Promise<{ jobId: string }>) => {
    setStartError(null);
    tracker.dismiss();
    try {
      await tracker.start(keys, begin);
    } catch (e) {
      setStartError(asApiError(e));
    }
  };

  const restore = (entry: BackupEntry) => {
    setConfirm(null);
    void start(['restore', entry.name], () => call('backup:restore', { name: entry.name }));
  };

  const checkWorkspace = async () => {
    setDoctor('checking');
    try {
      setDoctor(await call('doctor:check', {}));
    } catch (e) {
      setDoctor(asApiError(e));
    }
  };

  const copy = (text: string) => {
    void navigator.clipboard.writeText(text).then(
      () => void message.success(t('bak_copied')),
      () => void message.error(t('actionFailed', { detail: lang === 'zh' ? '无法写入剪贴板' : 'clipboard refused' })),
    );
  };

  const isRestore = job?.keys[0] === 'restore';
  const status = job?.status ?? null;
  const restoredTo = status?.state === 'done' ? (status.restoredTo ?? null) : null;
  const made = status?.state === 'done' ? (status.backup ?? null) : null;
  const jobTexts = isRestore
    ? {
        label: t('bak_restoreJob'),
        running: () => t('bak_restoreRunning', { name: job?.keys[1] ?? '' }),
        done: t('bak_restoreDone'),
        cancelled: t('bak_restoreCancelled'),
        failed: (detail: string) => t('bak_restoreFailed', { detail }),
        lost: (detail: string) => t('pkg_jobLost', { detail }),
      }
    : {
        label: t('bak_createJob'),
        running: () => t('bak_createRunning'),
        done: made ? t('bak_createDone', { name: made.name }) : t('bak_createDoneShort'),
        cancelled: t('bak_createCancelled'),
        failed: (detail: string) => t('bak_createFailed', { detail }),
        lost: (detail: string) => t('pkg_jobLost', { detail }),
      };
  const result = restoredTo ? (
    <div className="bak-restored" data-testid="restore-result">
      <Typography.Paragraph className="bak-restored-line">
        {t('bak_restoredTo')}{' '}
        <Typography.Text code copyable data-testid="restore-folder">
          {restoredTo}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph className="bak-restored-line">{t('bak_restoredHow')}</Typography.Paragraph>
      <div className="bak-command">
        <code data-testid="restore-command">{startCommand(restoredTo)}</code>
        <Button size="small" onClick={() => copy(startCommand(restoredTo))} data-testid="restore-copy">
          {t('bak_copyCommand')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary" className="bak-restored-line">
        {t('bak_restoredKeep')}
      </Typography.Paragraph>
    </div>
  ) : made ? (
    <Typography.Text type="secondary" data-testid="backup-made">
      {t('bak_madeDetails', { size: formatBytes(made.bytes) })}
    </Typography.Text>
  ) : undefined;

  const ready = list.kind === 'ready' ? list : null;
  return (
    <ScreenFrame screen="backups">
      <Space orientation="vertical" size={16} className="pkg-stack">
        <Card
          className="pkg-card"
          data-testid="backups-where"
          title={
            <span className="pkg-card-title">
              <FolderOpenOutlined aria-hidden /> {t('bak_whereHeading')}
            </span>
          }
        >
          {list.kind === 'failed' ? (
            <Alert
              type="error"
              showIcon
              title={t('bak_listFailed', { detail: pick(list.error.message) })}
              action={
                <Button size="small" onClick={() => void load()}>
                  {t('tryAgain')}
                </Button>
              }
            />
          ) : (
            <>
              <Typography.Paragraph>
                {t('bak_whereText')}{' '}
                {ready ? (
                  <Typography.Text code copyable data-testid="backups-dir">
                    {ready.dir}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary">{t('loading')}</Typography.Text>
                )}
              </Typography.Paragraph>
              <ul className="bak-facts">
                <li>{t('bak_factAuto', { n: ready?.keep ?? 7 })}</li>
                <li>{t('bak_factManual')}</li>
                <li>{t('bak_factWhat')}</li>
                <li>{t('bak_factElsewhere')}</li>
              </ul>
            </>
          )}
          <div className="pkg-export-actions">
            <Button
              type="primary"
              size="large"
              icon={<CloudUploadOutlined />}
              disabled={running}
              onClick={() => void start(['create'], () => call('backup:create', {}))}
              data-testid="backup-create"
            >
              {t('bak_create')}
            </Button>
          </div>
          {startError && (
            <Alert type="error" showIcon role="alert" className="pkg-inline-alert" title={pick(startError.message)} />
          )}
          <JobPanel
            job={job}
            testId="backup-job"
            onCancel={() => void tracker.cancel()}
            onDismiss={() => tracker.dismiss()}
            texts={jobTexts}
            result={result}
          />
        </Card>

        <Card
          className="pkg-card"
          title={
            <span className="pkg-card-title">
              <SafetyCertificateOutlined aria-hidden /> {t('bak_listHeading')}
            </span>
          }
        >
          <Table<BackupEntry>
            size="middle"
            rowKey="name"
            loading={list.kind === 'loading'}
            dataSource={ready?.backups ?? []}
            pagination={false}
            data-testid="backup-list"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bak_listEmpty')} /> }}
            columns={[
              {
                key: 'name',
                title: t('bak_name'),
                render: (_, b) => (
                  <span className="bak-name" data-testid={`backup-row-${b.name}`}>
                    <Typography.Text strong className="bak-file">
                      {b.name}
                    </Typography.Text>
                    <span className="bak-when">
                      {b.date ? <Tag color="blue">{t('bak_auto')}</Tag> : <Tag color="purple">{t('bak_manual')}</Tag>}
                      <Typography.Text type="secondary">
                        {b.date ? b.date : dayjs(b.modifiedAt).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                    </span>
                  </span>
                ),
              },
              { key: 'size', title: t('pkg_size'), align: 'right', render: (_, b) => formatBytes(b.bytes) },
              {
                key: 'check',
                title: t('bak_check'),
                width: 240,
                render: (_, b) => {
                  const check = checks[b.name];
                  if (!check) return <Typography.Text type="secondary">{t('bak_notChecked')}</Typography.Text>;
                  if (check === 'checking')
                    return <Typography.Text type="secondary">{t('bak_checking')}</Typography.Text>;
                  if ('code' in check) return <Typography.Text type="danger">{pick(check.message)}</Typography.Text>;
                  return <CheckResult check={check} />;
                },
              },
              {
                key: 'actions',
                title: <span className="sr-only">{t('bak_actions')}</span>,
                render: (_, b) => (
                  <Space size={8} wrap className="bak-actions">
                    <Button
                      size="small"
                      icon={<SafetyCertificateOutlined />}
                      loading={checks[b.name] === 'checking'}
                      onClick={() => void verify(b.name)}
                      aria-label={t('bak_verifyOf', { name: b.name })}
                      data-testid={`backup-verify-${b.name}`}
                    >
                      {t('bak_verify')}
                    </Button>
                    <Button
                      size="small"
                      icon={<RollbackOutlined />}
                      disabled={running}
                      onClick={() => setConfirm(b)}
                      aria-label={t('bak_restoreOf', { name: b.name })}
                      data-testid={`backup-restore-${b.name}`}
                    >
                      {t('bak_restore')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>

        <Card
          className="pkg-card"
          data-testid="doctor-card"
          title={
            <span className="pkg-card-title">
              <MedicineBoxOutlined aria-hidden /> {t('bak_doctorHeading')}
            </span>
          }
        >
          <Typography.Paragraph>{t('bak_doctorText')}</Typography.Paragraph>
          <Button
            icon={<MedicineBoxOutlined />}
            loading={doctor === 'checking'}
            onClick={() => void checkWorkspace()}
            data-testid="doctor-check"
          >
            {t('bak_doctor')}
          </Button>
          <div aria-live="polite" className="bak-doctor-result">
            {doctor && doctor !== 'checking' && 'code' in doctor && (
              <Alert type="error" showIcon title={pick(doctor.message)} />
            )}
            {doctor && doctor !== 'checking' && 'isOk' in doctor && (
              <Alert
                type={doctor.isOk ? 'success' : 'error'}
                showIcon
                data-testid="doctor-result"
                data-ok={doctor.isOk}
                title={doctor.isOk ? t('bak_doctorOk') : t('bak_doctorBad', { n: doctor.problems.length })}
                description={
                  <>
                    {doctor.problems.length > 0 && (
                      <ul className="pkg-problem-list">
                        {doctor.problems.map((p, i) => (
                          <li key={i}>{pick(p)}</li>
                        ))}
                      </ul>
                    )}
                    {doctor.backups.length > 0 ? (
                      <div className="bak-doctor-backups">
                        <Typography.Text strong>{t('bak_doctorBackups')}</Typography.Text>
                        <ul className="pkg-problem-list">
                          {doctor.backups.map((b) => (
                            <li key={b.name}>
                              <code className="pkg-path">{b.name}</code> <CheckResult check={b} />
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : (
                      <Typography.Text type="secondary">{t('bak_doctorNoBackups')}</Typography.Text>
                    )}
                  </>
                }
              />
            )}
          </div>
          <section className="bak-full-check" data-testid="store-verify-card" aria-labelledby="bak-full-check">
            <Typography.Title level={2} id="bak-full-check">
              {t('health_fullHeading')}
            </Typography.Title>
            <Typography.Paragraph>{t('health_fullText')}</Typography.Paragraph>
            <VerifyPanel />
          </section>
        </Card>
      </Space>

      <Modal
        open={confirm !== null}
        title={t('bak_confirmTitle')}
        onCancel={() => setConfirm(null)}
        footer={[
          <Button key="cancel" onClick={() => setConfirm(null)}>
            {t('cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            icon={<RollbackOutlined />}
            onClick={() => confirm && restore(confirm)}
            data-testid="restore-confirm"
          >
            {t('bak_confirmOk')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{t('bak_confirmText1', { name: confirm?.name ?? '' })}</Typography.Paragraph>
        <Typography.Paragraph>{t('bak_confirmText2')}</Typography.Paragraph>
      </Modal>
    </ScreenFrame>
  );
}
