// 审查机构信息 (issue 17, item 1): the desk's data (desk:get / desk:set), editable, with what is missing named
// at its field (deskProfileProblems, from the core) and a refusal at the field it names; and the desk's
// signing key (the unit's KeyCard), whose fingerprint is printed on the desk's opinion page and signs level 3.
// Leaving with unsaved changes asks first, as the unit's profile does.
import { BankOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Modal, Result, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Issue, KeyStatus } from '../../../shared/api/contract.js';
import type { DeskProfile } from '../../../shared/desk/schema.js';
import { ApiFailure, call } from '../api.js';
import type { LeaveGuard } from '../eligibility/context.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { KeyCard } from '../package/KeyCard.js';
import '../package/package.css';
import { DeskFields } from './DeskFields.js';
import { DeskFrame } from './DeskFrame.js';
import { focusFirstIssue } from './DeskStart.js';

type KeyState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; status: KeyStatus };

const sameProfile = (a: DeskProfile, b: DeskProfile) =>
  (Object.keys(a) as (keyof DeskProfile)[]).every((k) => a[k] === b[k]);

export interface DeskProfileScreenProps {
  saved: DeskProfile;
  /** What the core found missing in the saved data. */
  savedProblems: readonly Issue[];
  onSaved: (profile: DeskProfile, problems: Issue[]) => void;
  setLeaveGuard: (guard: LeaveGuard | null) => void;
}

export function DeskProfileScreen({ saved, savedProblems, onSaved, setLeaveGuard }: DeskProfileScreenProps) {
  const { t, pick } = useT();
  const [draft, setDraft] = useState<DeskProfile>(saved);
  const [problems, setProblems] = useState<readonly Issue[]>(savedProblems);
  const [isSaving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  const [key, setKey] = useState<KeyState>({ kind: 'loading' });

  const loadKey = useCallback(async () => {
    setKey({ kind: 'loading' });
    try {
      setKey({ kind: 'ready', status: await call('keys:status', {}) });
    } catch (e) {
      setKey({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void loadKey(), [loadKey]);

  const unsaved = !sameProfile(draft, saved);
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  useEffect(() => {
    setLeaveGuard((proceed) => {
      if (!unsavedRef.current) return false;
      setLeaving(() => proceed);
      return true;
    });
    return () => setLeaveGuard(null);
  }, [setLeaveGuard]);

  const edit = (change: Partial<DeskProfile>) => {
    setJustSaved(false);
    setSaveError(null);
    setDraft((d) => ({ ...d, ...change }));
  };

  const save = async (): Promise<boolean> => {
    setSaving(true);
    setSaveError(null);
    try {
      const { problems: missing } = await call('desk:set', { profile: draft });
      setProblems(missing);
      onSaved(draft, missing);
      setJustSaved(true);
      return true;
    } catch (e) {
      const error = asApiError(e);
      setSaveError(error);
      const issues = e instanceof ApiFailure ? (error.issues ?? []) : [];
      setProblems(issues);
      focusFirstIssue(issues);
      return false;
    } finally {
      setSaving(false);
    }
  };
  const discard = () => {
    setDraft(saved);
    setProblems(savedProblems);
    setSaveError(null);
  };

  let keyBody;
  if (key.kind === 'loading') {
    keyBody = (
      <div className="pkg-loading">
        <Spin description={t('loading')} />
      </div>
    );
  } else if (key.kind === 'failed') {
    keyBody = (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={pick(key.error.message)}
        extra={<Button onClick={() => void loadKey()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    keyBody = <KeyCard holder="desk" status={key.status} onChange={(status) => setKey({ kind: 'ready', status })} />;
  }

  return (
    <DeskFrame screen="deskProfile">
      <Space orientation="vertical" size={16} className="pkg-stack">
        <Card
          className="pkg-card"
          data-testid="desk-profile"
          title={
            <span className="pkg-card-title">
              <BankOutlined aria-hidden /> {t('desk_profileHeading')}
            </span>
          }
        >
          <Form layout="vertical" component="div" className="unit-profile-form">
            <DeskFields
              value={draft}
              onChange={edit}
              problems={problems}
              severity={saveError ? 'error' : 'warning'}
              hints={{ city: t('desk_cityHint'), department: t('desk_departmentHint') }}
            />
          </Form>
          <div className="unit-save-bar">
            {saveError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                className="unit-save-error"
                data-testid="desk-profile-error"
                title={t('desk_profileRefused', { detail: pick(saveError.message) })}
              />
            )}
            <Space wrap>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!unsaved}
                loading={isSaving}
                onClick={() => void save()}
                data-testid="desk-profile-save"
              >
                {t('desk_profileSave')}
              </Button>
              <Button disabled={!unsaved || isSaving} onClick={discard} data-testid="desk-profile-discard">
                {t('paramsDiscard')}
              </Button>
              <span aria-live="polite">
                {unsaved ? (
                  <Typography.Text type="warning" strong data-testid="desk-profile-unsaved">
                    {t('paramsUnsaved')}
                  </Typography.Text>
                ) : (
                  justSaved && (
                    <Typography.Text
                      type={problems.length > 0 ? 'warning' : 'success'}
                      data-testid="desk-profile-saved"
                    >
                      {problems.length > 0
                        ? t('desk_profileSavedProblems', { n: problems.length })
                        : t('desk_profileSaved')}
                    </Typography.Text>
                  )
                )}
              </span>
            </Space>
          </div>
        </Card>
        <div data-testid="desk-key">{keyBody}</div>
      </Space>

      <Modal
        open={leaving !== null}
        title={t('unit_leaveTitle')}
        onCancel={() => setLeaving(null)}
        footer={[
          <Button key="stay" onClick={() => setLeaving(null)}>
            {t('paramsLeaveStay')}
          </Button>,
          <Button
            key="discard"
            danger
            data-testid="desk-leave-discard"
            onClick={() => {
              const proceed = leaving;
              setLeaving(null);
              discard();
              unsavedRef.current = false;
              proceed?.();
            }}
          >
            {t('paramsLeaveDiscard')}
          </Button>,
          <Button
            key="save"
            type="primary"
            data-testid="desk-leave-save"
            onClick={() => {
              const proceed = leaving;
              setLeaving(null);
              void save().then((ok) => {
                if (!ok) return;
                unsavedRef.current = false;
                proceed?.();
              });
            }}
          >
            {t('paramsLeaveSave')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{t('unit_leaveBody')}</Typography.Paragraph>
      </Modal>
    </DeskFrame>
  );
}
