// The welcome screen's way into a reviewing desk's workspace (issue 17, item 1), asked once like the unit's
// (UnitStart): which kind of desk, which city or department, its name and the person responsible. Nothing
// is changed until every field is filled (each missing one named at its field, deskProfileProblems — the
// remit is read from them); then the workspace becomes the desk's (workspace:setMode, only while empty)
// and the data is saved (desk:set).
import { BankOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError, Issue } from '../../../shared/api/contract.js';
import { deskProfileProblems, type DeskProfile } from '../../../shared/desk/schema.js';
import { ApiFailure, call } from '../api.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { deskFieldId, DeskFields, EMPTY_DESK, issueField } from './DeskFields.js';
import '../unit/unit.css';

export interface DeskStartProps {
  disabled: boolean;
  onStarted: () => void;
}

/** Takes the cursor to the first field a list of issues names. */
export function focusFirstIssue(issues: readonly Issue[]): void {
  const field = issues.map(issueField).find((f) => f !== null);
  if (field) requestAnimationFrame(() => document.getElementById(deskFieldId(field))?.focus());
}

export function DeskStart({ disabled, onStarted }: DeskStartProps) {
  const { t, pick } = useT();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<DeskProfile>(EMPTY_DESK);
  const [problems, setProblems] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const edit = (change: Partial<DeskProfile>) => {
    setDraft((d) => ({ ...d, ...change }));
    // A field once edited no longer carries the word said about its old value.
    setProblems((old) => old.filter((p) => !Object.keys(change).includes(issueField(p) ?? '')));
    setError(null);
  };

  const start = async () => {
    const missing = deskProfileProblems(draft);
    if (missing.length > 0) {
      setProblems(missing);
      focusFirstIssue(missing);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('workspace:setMode', { mode: 'desk' });
      await call('desk:set', { profile: draft });
      setOpen(false);
      onStarted();
    } catch (e) {
      const failure = asApiError(e);
      setError(failure);
      const issues = e instanceof ApiFailure ? (failure.issues ?? []) : [];
      setProblems(issues);
      focusFirstIssue(issues);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="welcome-unit">
      <Button
        className="welcome-action welcome-action-unit"
        icon={<BankOutlined />}
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="welcome-desk"
      >
        <span className="welcome-action-text">
          <span className="welcome-action-title">{t('desk_welcomeTitle')}</span>
          <span className="welcome-action-hint">{t('desk_welcomeHint')}</span>
        </span>
      </Button>
      <Modal
        open={open}
        title={t('desk_startTitle')}
        okText={t('desk_startOk')}
        cancelText={t('cancel')}
        confirmLoading={busy}
        onOk={() => void start()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'welcome-desk-confirm' } as Record<string, string>}
        width={640}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('desk_startText')}</Typography.Paragraph>
        <Form layout="vertical" component="div" data-testid="desk-start-form">
          <DeskFields
            value={draft}
            onChange={edit}
            problems={problems}
            severity="error"
            hints={{ city: t('desk_cityHint'), department: t('desk_departmentHint') }}
          />
        </Form>
        {problems.length > 0 && !error && (
          <Alert type="error" showIcon role="alert" title={t('desk_startProblems', { n: problems.length })} />
        )}
        {error && (
          <Alert type="error" showIcon role="alert" data-testid="welcome-desk-error" title={pick(error.message)} />
        )}
      </Modal>
    </div>
  );
}
