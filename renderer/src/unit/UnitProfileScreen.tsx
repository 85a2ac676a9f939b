// 单位信息: the unit's own data (name, credit code, type, competent department…; unit:get / unit:set), and
// the unit's signing key, whose fingerprint is printed on the unit's opinion page (N-10, N-13) and signs
// level 2 of every package passed upwards (N-9). The form is a draft until 保存: problems are named at
// their field as typed (the archive's own checks: GB 32100 for the credit code, N-9 for the agency), a
// refusal of the core at the field it names, and leaving with unsaved changes asks first.
import { BankOutlined } from '@ant-design/icons';
import { Card, Form, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ApiError, Issue } from '../../../shared/api/contract.js';
import type { Problem } from '../../../shared/archive/problems.js';
import type { UnitProfile } from '../../../shared/unit/schema.js';
import { unitTypeConflict, type ArchiveUnitType } from '../../../shared/unit/unitType.js';
import { ApiFailure, call } from '../api.js';
import { fieldId } from '../components/FieldItem.js';
import { UnitFields } from '../components/UnitFields.js';
import type { LeaveGuard } from '../eligibility/context.js';
import type { Fix } from '../../../shared/rules/types.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { SaveBar } from '../components/SaveBar.js';
import { WorkspaceKeyCard } from '../package/WorkspaceKeyCard.js';
import { UnsavedDialog, useLeaveGuard } from '../components/UnsavedChanges.js';
import '../package/package.css';
import { UnitContexts, unitProblems } from './UnitContexts.js';
import { UnitFrame } from './UnitFrame.js';

const sameProfile = (a: UnitProfile, b: UnitProfile) =>
  (Object.keys(a) as (keyof UnitProfile)[]).every((k) => a[k] === b[k]);

export interface UnitProfileScreenProps {
  /** The profile as saved (null while the unit has none). */
  saved: UnitProfile;
  today: string;
  onSaved: (profile: UnitProfile) => void;
  setLeaveGuard: (guard: LeaveGuard | null) => void;
  follow: (fix: Fix) => void;
}

export function UnitProfileScreen({ saved, today, onSaved, setLeaveGuard, follow }: UnitProfileScreenProps) {
  const { t, pick } = useT();
  const [draft, setDraft] = useState<UnitProfile>(saved);
  const [isSaving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [coreProblems, setCoreProblems] = useState<Issue[]>([]);
  const [saveError, setSaveError] = useState<ApiError | null>(null);

  // What the applicants' archives give as the unit's type: a type that differs is said at the field as
  // it is chosen, naming who (shared/unit/unitType.ts), and stays said while it differs.
  const [archiveTypes, setArchiveTypes] = useState<readonly ArchiveUnitType[]>([]);
  useEffect(() => {
    call('unit:get', {}).then(
      (value) => setArchiveTypes(value.archiveTypes),
      // Without them the form still works; the core names the difference again when saving.
      () => undefined,
    );
  }, []);
  const typeProblems = useMemo((): Problem[] => {
    const conflict = unitTypeConflict(draft.type, archiveTypes);
    return conflict ? [{ ...conflict, severity: 'warning' }] : [];
  }, [draft.type, archiveTypes]);

  const unsaved = !sameProfile(draft, saved);
  const coreSeverity = saveError ? 'error' : 'warning';
  const problems = useMemo(
    () => unitProblems(draft, today, coreProblems, coreSeverity, typeProblems),
    [draft, today, coreProblems, coreSeverity, typeProblems],
  );
  // What the checks still say after a save, warnings too (a missing credit code blocks nothing, yet the
  // unit's opinion page and review.json need it).
  const left = problems.length;

  const edit = (change: Partial<UnitProfile>) => {
    setJustSaved(false);
    setSaveError(null);
    // A problem the core named is about the value it saw; once that field is edited it no longer applies.
    const changed = Object.keys(change).map((k) => `unit.${k}`);
    setCoreProblems((old) => old.filter((p) => !changed.some((c) => p.path === c || `unit.${p.path}` === c)));
    setDraft((d) => ({ ...d, ...change }));
  };

  const save = async (): Promise<boolean> => {
    setSaving(true);
    setSaveError(null);
    try {
      const { problems: fromCore } = await call('unit:set', { profile: draft });
      setCoreProblems(fromCore);
      onSaved(draft);
      setJustSaved(true);
      return true;
    } catch (e) {
      const error = asApiError(e);
      setSaveError(error);
      // Refused input names its fields: show each at its field and take the cursor to the first.
      const issues = e instanceof ApiFailure ? (error.issues ?? []) : [];
      setCoreProblems(issues.map((i) => ({ path: i.path.replace(/^profile\.?/, ''), message: i.message })));
      const first = issues[0];
      if (first) {
        const path = first.path.replace(/^profile\.?/, '');
        requestAnimationFrame(() => document.getElementById(fieldId(`unit.${path}`))?.focus());
      }
      return false;
    } finally {
      setSaving(false);
    }
  };
  const discard = () => {
    setDraft(saved);
    setCoreProblems([]);
    setSaveError(null);
  };
  const leave = useLeaveGuard(unsaved, setLeaveGuard);

  return (
    <UnitFrame screen="unitProfile">
      <Space orientation="vertical" size={16} className="pkg-stack">
        <UnitContexts
          profile={draft}
          today={today}
          coreProblems={coreProblems}
          coreSeverity={coreSeverity}
          extraProblems={typeProblems}
          follow={follow}
          setLeaveGuard={setLeaveGuard}
        >
          <Card
            className="pkg-card"
            data-testid="unit-profile"
            title={
              <span className="pkg-card-title">
                <BankOutlined aria-hidden /> {t('unit_profileHeading')}
              </span>
            }
          >
            <Form layout="vertical" component="div" className="unit-profile-form">
              <UnitFields
                value={draft}
                onChange={edit}
                hints={{ creditCode: t('unit_creditCodeHint'), type: t('unit_typeHint') }}
              />
            </Form>
            <SaveBar
              refused={saveError ? t('unit_profileRefused', { detail: pick(saveError.message) }) : null}
              unsaved={unsaved}
              saving={isSaving}
              justSaved={justSaved}
              saveLabel={t('unit_profileSave')}
              savedText={left > 0 ? t('unit_profileSavedProblems', { n: left }) : t('unit_profileSaved')}
              left={left}
              onSave={() => void save()}
              onDiscard={discard}
              testIdPrefix="unit-profile"
            />
          </Card>
        </UnitContexts>

        <div data-testid="unit-key">
          <WorkspaceKeyCard holder="unit" />
        </div>
      </Space>

      <UnsavedDialog
        leave={leave}
        title={t('unit_leaveTitle')}
        body={t('unit_leaveBody')}
        testId="unit"
        onDiscard={discard}
        onSave={save}
      />
    </UnitFrame>
  );
}
