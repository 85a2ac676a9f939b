// 取消公示 (issue 19): a publicity that has started is cancelled only with a written reason (AuditReason: at
// least MIN_REASON_CHARS characters once trimmed), said beside the field before anything is sent. The
// reason is kept in the unit's audit trail and shown on the officer's list, never on the notice, the M-3 or
// in level 2 — the dialog says so. Keyboard: the reason has the focus on opening, Tab reaches both buttons,
// Ctrl+Enter confirms, Esc goes back; a refusal of the core is shown at the field it names.
import { Alert, Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract.js';
import { type Publicity } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { ReasonField, reasonFieldError, reasonProblem } from '../../components/ReasonField.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';

const REASON_ID = 'uw-pub-cancel-reason';

export interface PublicityCancelDialogProps {
  /** The publicity to cancel; null: the dialog is closed. */
  publicity: Publicity | null;
  onClose: () => void;
  onCancelled: (publicity: Publicity) => void;
}

export function PublicityCancelDialog({ publicity, onClose, onCancelled }: PublicityCancelDialogProps) {
  const { t, pick } = useT();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [isSending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const problem = reasonProblem(reason);
  const reasonIssue = error?.issues?.find((i) => i.path === 'reason');
  const fieldError = reasonFieldError(
    reason,
    tried,
    reasonIssue && error ? pick(error.message) : null,
    (problem, vars) => t(problem === 'empty' ? 'uw_pubCancelReasonEmpty' : 'uw_pubCancelReasonShort', vars),
  );

  const close = () => {
    if (isSending) return;
    setReason('');
    setTried(false);
    setError(null);
    onClose();
  };

  const send = async () => {
    if (!publicity || isSending) return;
    setTried(true);
    setError(null);
    if (problem) {
      document.getElementById(REASON_ID)?.focus();
      return;
    }
    setSending(true);
    try {
      const { publicity: cancelled } = await call('unit:cancelPublicity', { publicityId: publicity.id, reason });
      setReason('');
      setTried(false);
      onCancelled(cancelled);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open={publicity !== null}
      title={publicity ? t('uw_pubCancelTitle', { start: publicity.startDate, end: publicity.endDate }) : ''}
      onCancel={close}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (open) document.getElementById(REASON_ID)?.focus();
      }}
      className="uw-pub-cancel-dialog"
      footer={[
        <Button
          key="back"
          onClick={close}
          disabled={isSending}
          autoInsertSpace={false}
          data-testid="uw-pub-cancel-back"
        >
          {t('uw_pubCancelBack')}
        </Button>,
        <Button
          key="ok"
          danger
          type="primary"
          loading={isSending}
          onClick={() => void send()}
          data-testid="uw-pub-cancel-confirm"
        >
          {t('uw_pubCancelConfirm')}
        </Button>,
      ]}
    >
      <Typography.Paragraph data-testid="uw-pub-cancel-text">{t('uw_pubCancelText')}</Typography.Paragraph>
      <ReasonField
        id={REASON_ID}
        label={t('uw_pubCancelReason')}
        value={reason}
        onChange={setReason}
        error={fieldError}
        onConfirm={() => void send()}
      />
      {error && !reasonIssue && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="uw-inline-alert"
          data-testid="uw-pub-cancel-error"
          title={pick(error.message)}
        />
      )}
    </Modal>
  );
}
