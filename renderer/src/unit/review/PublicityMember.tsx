// One applicant of a publicity: the outcome the unit records at its end (待定 / 无异议 / 有异议, N-8) and a
// note — required for an objection, said beside the note before anything is sent; 记录 sends
// unit:recordObjection and the answer is the publicity as now stored. In a cancelled publicity (issue 19)
// the outcome is only shown, as it was when cancelled: nothing is recorded there any more.
import { Button, Input, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract.js';
import type { Publicity } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';
import { OUTCOME_TEXT } from './labels.js';

type Member = Publicity['members'][number];
type Outcome = Member['outcome'];

export interface PublicityMemberProps {
  publicityId: string;
  member: Member;
  onRecorded: (publicity: Publicity) => void;
  onOpenApplicant?: ((applicantId: string) => void) | undefined;
  /** Shown only (a cancelled publicity). */
  readOnly?: boolean;
}

export function PublicityMember({
  publicityId,
  member,
  onRecorded,
  onOpenApplicant,
  readOnly = false,
}: PublicityMemberProps) {
  const { t, pick } = useT();
  const [outcome, setOutcome] = useState<Outcome>(member.outcome);
  const [note, setNote] = useState(member.note);
  const [isSaving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [tried, setTried] = useState(false);
  const changed = outcome !== member.outcome || note !== member.note;
  const noteMissing = outcome === 'objection' && note.trim() === '';
  const base = `uw-member-${publicityId}-${member.applicantId}`;

  const record = async () => {
    setTried(true);
    setError(null);
    if (noteMissing) {
      document.getElementById(`${base}-note`)?.focus();
      return;
    }
    setSaving(true);
    try {
      const { publicity } = await call('unit:recordObjection', {
        publicityId,
        applicantId: member.applicantId,
        outcome,
        note: note.trim(),
      });
      setTried(false);
      onRecorded(publicity);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setSaving(false);
    }
  };

  const noteError = tried && noteMissing ? t('uw_objectionNeedsNote') : error ? pick(error.message) : null;
  return (
    <li className="uw-member" data-testid="uw-member" data-applicant={member.applicantId} data-outcome={member.outcome}>
      <div className="uw-member-name">
        {onOpenApplicant ? (
          <Button type="link" className="uw-link" onClick={() => onOpenApplicant(member.applicantId)}>
            {member.name || '—'}
          </Button>
        ) : (
          <Typography.Text strong>{member.name || '—'}</Typography.Text>
        )}
        <Typography.Text type="secondary" className="uw-member-recorded" data-testid="uw-member-recorded">
          {member.recordedAt
            ? t('uw_recordedAt', {
                outcome: t(OUTCOME_TEXT[member.outcome]),
                at: dayjs(member.recordedAt).format('YYYY-MM-DD HH:mm'),
              })
            : t('uw_notRecorded')}
        </Typography.Text>
      </div>
      {!readOnly && (
        <>
          <Radio.Group
            optionType="button"
            size="small"
            value={outcome}
            aria-label={t('uw_outcomeOf', { name: member.name })}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
            options={(['pending', 'no_objection', 'objection'] as const).map((value) => ({
              value,
              label: t(OUTCOME_TEXT[value]),
            }))}
            data-testid="uw-member-outcome"
          />
          <div className="uw-member-note">
            <label htmlFor={`${base}-note`} className="sr-only">
              {t('uw_noteOf', { name: member.name })}
            </label>
            <Input
              id={`${base}-note`}
              value={note}
              maxLength={2000}
              status={noteError ? 'error' : undefined}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={`${base}-msg`}
              placeholder={t(outcome === 'objection' ? 'uw_notePlaceholderObjection' : 'uw_notePlaceholder')}
              onChange={(e) => setNote(e.target.value)}
              onPressEnter={() => void record()}
              data-testid="uw-member-note"
            />
            <Typography.Text
              type="danger"
              id={`${base}-msg`}
              className="uw-member-msg"
              role={noteError ? 'alert' : undefined}
            >
              {noteError ?? ''}
            </Typography.Text>
          </div>
          <Button
            onClick={() => void record()}
            loading={isSaving}
            disabled={!changed || isSaving}
            type={changed ? 'primary' : 'default'}
            autoInsertSpace={false}
            data-testid="uw-member-record"
          >
            {t('uw_record')}
          </Button>
        </>
      )}
    </li>
  );
}
