// The intermediate committee's recommendation of one applicant (issue 17, item 5; N-9), shown in the desk's
// review screen: committee, meeting date, members due and present, votes, recommended or not, the
// interview's result where one was held. Checked here with the core's own rules (recommendationProblems)
// before it is sent, and the core's refusal shown at the same fields: each error beside its control.
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ApiError, Issue } from '../../../shared/api/contract.js';
import {
  RECOMMENDATION_FIELDS,
  recommendationProblems,
  type Recommendation,
  type RecommendationField,
} from '../../../shared/desk/recommendation.js';
import { call } from '../api.js';
import { LabelledField } from '../components/LabelledField.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { passOnText } from './passOnText.js';
import './passOn.css';

export interface RecommendationCardProps {
  applicantId: string;
  /** Called after a save, so the review screen can reload the applicant's status. */
  onChanged: () => void;
  /** Read only (the applicant was passed on or withdrawn). */
  disabled?: boolean;
}

type Draft = {
  committee: string;
  meetingDate: string;
  membersDue: number | null;
  membersPresent: number | null;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstain: number | null;
  recommended: boolean | null;
  interview: string;
};

const EMPTY: Draft = {
  committee: '',
  meetingDate: '',
  membersDue: null,
  membersPresent: null,
  votesFor: null,
  votesAgainst: null,
  votesAbstain: null,
  recommended: null,
  interview: '',
};

const COUNTS = ['membersDue', 'membersPresent', 'votesFor', 'votesAgainst', 'votesAbstain'] as const;

/** The draft as the core takes it: an empty number or choice is left out, so the field is named as missing. */
function asInput(d: Draft): Record<string, unknown> {
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== null));
}

const fieldOf = (i: Issue) => i.path.replace(/^recommendation\./, '') as RecommendationField;

export function RecommendationCard({ applicantId, onChanged, disabled = false }: RecommendationCardProps) {
  const { pick, lang } = useT();
  const p = (key: Parameters<typeof passOnText>[1], vars?: Record<string, string | number>) =>
    passOnText(lang, key, vars);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const { recommendation } = await call('desk:recommendation', { applicantId });
      setDraft(recommendation ? { ...recommendation } : EMPTY);
    } catch (e) {
      setLoadError(asApiError(e));
    }
  }, [applicantId]);
  useEffect(() => {
    setDraft(null);
    setIssues([]);
    setSaved(false);
    void load();
  }, [load]);

  const id = (f: RecommendationField) => `desk-rec-${f}`;
  const errorOf = (f: RecommendationField) => {
    const found = issues.filter((i) => fieldOf(i) === f);
    return found.length ? found.map((i) => pick(i.message)).join(lang === 'zh' ? '；' : '; ') : null;
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => (d ? { ...d, [key]: value } : d));
    setSaved(false);
  };

  const title = <span className="uw-card-title">{p('recTitle')}</span>;
  if (!draft) {
    return (
      <Card size="small" title={title} data-testid="desk-rec">
        {loadError ? (
          <Alert type="error" showIcon title={pick(loadError.message)} />
        ) : (
          <Spin description={p('recLoading')} />
        )}
      </Card>
    );
  }

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    const problems = recommendationProblems(asInput(draft));
    setIssues(problems);
    if (problems.length > 0) {
      document.getElementById(id(fieldOf(problems[0]!)))?.focus();
      return;
    }
    setSaving(true);
    try {
      const { recommendation } = await call('desk:setRecommendation', {
        applicantId,
        recommendation: asInput(draft),
      });
      setDraft({ ...(recommendation as Recommendation) });
      setSaved(true);
      onChanged();
    } catch (err) {
      const apiError = asApiError(err);
      setIssues((apiError.issues ?? []).filter((i) => i.path.startsWith('recommendation.')));
      setSaveError(apiError);
    } finally {
      setSaving(false);
    }
  };

  const label = (f: RecommendationField) => pick(RECOMMENDATION_FIELDS[f]);
  return (
    <Card size="small" title={title} data-testid="desk-rec">
      <Typography.Paragraph type="secondary">{p('recIntro')}</Typography.Paragraph>
      <form onSubmit={(e) => void save(e)} noValidate data-testid="desk-rec-form">
        <Form layout="vertical" component={false} disabled={disabled || saving}>
          <LabelledField id={id('committee')} label={label('committee')} error={errorOf('committee')} required>
            {(control) => (
              <Input
                {...control}
                value={draft.committee}
                maxLength={100}
                onChange={(e) => set('committee', e.target.value)}
              />
            )}
          </LabelledField>
          <LabelledField id={id('meetingDate')} label={label('meetingDate')} error={errorOf('meetingDate')} required>
            {(control) => (
              <Input
                {...control}
                type="date"
                value={draft.meetingDate}
                onChange={(e) => set('meetingDate', e.target.value)}
                className="desk-date"
              />
            )}
          </LabelledField>
          <div className="desk-rec-counts">
            {COUNTS.map((f) => (
              <LabelledField key={f} id={id(f)} label={label(f)} error={errorOf(f)} required>
                {(control) => (
                  <InputNumber
                    {...control}
                    min={0}
                    max={999}
                    precision={0}
                    value={draft[f]}
                    onChange={(v) => set(f, typeof v === 'number' ? v : null)}
                  />
                )}
              </LabelledField>
            ))}
          </div>
          <LabelledField id={id('recommended')} label={label('recommended')} error={errorOf('recommended')} required>
            {(control) => (
              <Radio.Group
                {...control}
                role="radiogroup"
                aria-label={label('recommended')}
                value={draft.recommended}
                onChange={(e) => set('recommended', e.target.value as boolean)}
                options={[
                  { value: true, label: p('recYes') },
                  { value: false, label: p('recNo') },
                ]}
              />
            )}
          </LabelledField>
          <LabelledField
            id={id('interview')}
            label={label('interview')}
            hint={p('recInterviewHint')}
            error={errorOf('interview')}
          >
            {(control) => (
              <Input.TextArea
                {...control}
                value={draft.interview}
                maxLength={500}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) => set('interview', e.target.value)}
              />
            )}
          </LabelledField>
        </Form>
        <Button type="primary" htmlType="submit" loading={saving} disabled={disabled} data-testid="desk-rec-save">
          {p('recSave')}
        </Button>{' '}
        <Typography.Text aria-live="polite" type={issues.length ? 'danger' : 'success'} data-testid="desk-rec-state">
          {issues.length ? p('recFix', { n: issues.length }) : saved ? p('recSaved') : ''}
        </Typography.Text>
        {saveError && issues.length === 0 && (
          <Alert type="error" showIcon role="alert" className="uw-inline-alert" title={pick(saveError.message)} />
        )}
      </form>
    </Card>
  );
}
