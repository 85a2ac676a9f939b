// 签名密钥变更 (issue 19, item 8): a revision of this applicant signed by a new key, held by the intake rather
// than refused. The card shows both fingerprints (the one accepted so far, the new one), the held revision,
// when it came and the file; says what the officer checks in person (the ID card, the fingerprint printed on
// the applicant's new F-1); then 接受 with a written reason (AuditReason, said beside the field before
// anything is sent; the core imports the held revision, verified again, and pins the new key) or 拒绝 (the
// held file is removed). An out-of-date held revision can only be rejected. Nothing shows when none is held.
import { CheckOutlined, DeleteOutlined, KeyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Tag, Typography, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract.js';
import { type HeldKeyChange } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { ReasonField, reasonFieldError, reasonProblem } from '../../components/ReasonField.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';
import { Fingerprint } from '../../package/fingerprint.js';
import './keyChange.css';

const REASON_ID = 'uw-key-reason';

export interface KeyChangeCardProps {
  applicantId: string;
  /** The held revision was imported (a new revision to review) or removed: read the review again. */
  onChanged: () => void;
}

export function KeyChangeCard({ applicantId, onChanged }: KeyChangeCardProps) {
  const { t, pick } = useT();
  const { message, modal } = App.useApp();
  const [changes, setChanges] = useState<HeldKeyChange[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState<'accept' | 'reject' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setChanges((await call('unit:keyChanges', { applicantId })).changes);
      setLoadError(null);
    } catch (e) {
      setLoadError(asApiError(e));
    }
  }, [applicantId]);
  useEffect(() => void load(), [load]);

  if (loadError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        className="uw-inline-alert"
        data-testid="uw-key-change-failed"
        title={t('kc_loadFailed', { detail: pick(loadError.message) })}
      />
    );
  }
  const held = changes?.[0];
  if (!held) return null;

  const problem = reasonProblem(reason);
  const reasonIssue = error?.issues?.find((i) => i.path === 'reason');
  const fieldError = reasonFieldError(reason, tried, reasonIssue ? pick(reasonIssue.message) : null, (problem, vars) =>
    t(problem === 'empty' ? 'kc_reasonEmpty' : 'kc_reasonShort', vars),
  );

  /** One decision sent: on success the card goes and the review is read again; a refusal is shown here. */
  const decide = async (which: 'accept' | 'reject', send: () => Promise<string>) => {
    setBusy(which);
    setError(null);
    try {
      void message.success(await send());
      setReason('');
      setTried(false);
      setChanges([]);
      onChanged();
    } catch (e) {
      setError(asApiError(e));
      // What was held may have changed meanwhile (accepted elsewhere, a newer revision): show it as it is.
      void load();
    } finally {
      setBusy(null);
    }
  };

  const accept = async () => {
    if (busy) return;
    setTried(true);
    if (problem) {
      setError(null);
      document.getElementById(REASON_ID)?.focus();
      return;
    }
    await decide('accept', async () => {
      const { result } = await call('unit:acceptKey', { applicantId, reason });
      return t('kc_accepted', { n: result.revision ?? held.revision });
    });
  };

  const reject = () =>
    void modal.confirm({
      title: t('kc_rejectTitle'),
      content: t('kc_rejectText'),
      okText: t('kc_rejectOk'),
      cancelText: t('kc_rejectCancel'),
      okButtonProps: { danger: true, 'data-testid': 'uw-key-reject-ok' } satisfies ButtonProps,
      onOk: () =>
        decide('reject', async () => {
          await call('unit:rejectKey', { applicantId });
          return t('kc_rejected');
        }),
    });

  const older = (changes?.length ?? 1) - 1;
  return (
    <Card
      className="uw-key-change"
      data-testid="uw-key-change"
      data-stale={held.stale}
      title={
        <span className="pkg-card-title">
          <KeyOutlined aria-hidden /> <span id="uw-key-change-heading">{t('kc_heading')}</span>
          {held.stale && (
            <Tag color="default" className="uw-key-stale" data-testid="uw-key-stale">
              {t('kc_stale')}
            </Tag>
          )}
        </span>
      }
    >
      <section aria-labelledby="uw-key-change-heading">
        <Typography.Paragraph strong data-testid="uw-key-change-lead">
          {t('kc_lead', { name: held.name || '—', n: held.revision, current: held.currentRevision })}
        </Typography.Paragraph>
        <Descriptions
          size="small"
          column={1}
          bordered
          className="uw-key-fingerprints"
          items={[
            {
              key: 'old',
              label: t('kc_old'),
              children: <Fingerprint hex={held.oldFingerprint} testId="uw-key-old" />,
            },
            {
              key: 'new',
              label: t('kc_new'),
              children: <Fingerprint hex={held.newFingerprint} testId="uw-key-new" />,
            },
            {
              key: 'revision',
              label: t('kc_revision'),
              children: <span data-testid="uw-key-revision">{t('pkg_revisionN', { n: held.revision })}</span>,
            },
            {
              key: 'received',
              label: t('kc_received'),
              children: <span data-testid="uw-key-received">{dayjs(held.receivedAt).format('YYYY-MM-DD HH:mm')}</span>,
            },
            {
              key: 'file',
              label: t('kc_file'),
              children: <Typography.Text className="uw-mono">{held.fileName}</Typography.Text>,
            },
          ]}
        />
        {older > 0 && (
          <Typography.Paragraph type="secondary" className="uw-key-older">
            {t('kc_olderHeld', { n: older })}
          </Typography.Paragraph>
        )}
        {held.stale ? (
          <Alert
            type="info"
            showIcon
            className="uw-inline-alert"
            data-testid="uw-key-stale-text"
            title={t('kc_staleText', { current: held.currentRevision })}
          />
        ) : (
          <>
            <Typography.Paragraph className="uw-key-why">{t('kc_why')}</Typography.Paragraph>
            <ol className="uw-key-steps">
              <li>{t('kc_step1')}</li>
              <li>{t('kc_step2')}</li>
              <li>{t('kc_step3')}</li>
            </ol>
            <ReasonField
              id={REASON_ID}
              label={t('kc_reason')}
              value={reason}
              onChange={setReason}
              error={fieldError}
              onConfirm={() => void accept()}
            />
          </>
        )}
        {error && !reasonIssue && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="uw-inline-alert"
            data-testid="uw-key-error"
            title={pick(error.message)}
          />
        )}
        <Space wrap className="uw-key-actions">
          {!held.stale && (
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === 'accept'}
              disabled={busy === 'reject'}
              onClick={() => void accept()}
              data-testid="uw-key-accept"
            >
              {t('kc_accept')}
            </Button>
          )}
          <Button
            danger
            icon={<DeleteOutlined />}
            loading={busy === 'reject'}
            disabled={busy === 'accept'}
            onClick={reject}
            data-testid="uw-key-reject"
          >
            {t('kc_reject')}
          </Button>
        </Space>
      </section>
    </Card>
  );
}
