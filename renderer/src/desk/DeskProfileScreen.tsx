// 审查机构信息 (issue 17, item 1): the desk's data (desk:get / desk:set), editable, with what is missing named
// at its field (deskProfileProblems, from the core) and a refusal at the field it names; and the desk's
// signing key (the unit's KeyCard), whose fingerprint is printed on the desk's opinion page and signs level 3.
// Leaving with unsaved changes asks first, as the unit's profile does.
import { BankOutlined } from '@ant-design/icons';
import { Card, Form, Space } from 'antd';
import { useState } from 'react';
import type { ApiError, Issue } from '../../../shared/api/contract.js';
import type { DeskProfile } from '../../../shared/desk/schema.js';
import { ApiFailure, call } from '../api.js';
import type { LeaveGuard } from '../eligibility/context.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { SaveBar } from '../components/SaveBar.js';
import { WorkspaceKeyCard } from '../package/WorkspaceKeyCard.js';
import { UnsavedDialog, useLeaveGuard } from '../components/UnsavedChanges.js';
import '../package/package.css';
import { DeskFields } from './DeskFields.js';
import { DeskFrame } from './DeskFrame.js';
import { focusFirstIssue } from './DeskStart.js';

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

  const unsaved = !sameProfile(draft, saved);

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
  const leave = useLeaveGuard(unsaved, setLeaveGuard);

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
          <SaveBar
            refused={saveError ? t('desk_profileRefused', { detail: pick(saveError.message) }) : null}
            unsaved={unsaved}
            saving={isSaving}
            justSaved={justSaved}
            saveLabel={t('desk_profileSave')}
            savedText={
              problems.length > 0 ? t('desk_profileSavedProblems', { n: problems.length }) : t('desk_profileSaved')
            }
            left={problems.length}
            onSave={() => void save()}
            onDiscard={discard}
            testIdPrefix="desk-profile"
          />
        </Card>
        <div data-testid="desk-key">
          <WorkspaceKeyCard holder="desk" />
        </div>
      </Space>

      <UnsavedDialog
        leave={leave}
        title={t('desk_leaveTitle')}
        body={t('desk_leaveBody')}
        testId="desk"
        onDiscard={discard}
        onSave={save}
      />
    </DeskFrame>
  );
}
