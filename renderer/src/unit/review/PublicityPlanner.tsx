// A new publicity (公示, N-8): which applicants (the accepted ones not yet publicised are ticked), and the
// start date; as the date changes the end date is asked of the core (unit:publicityPlan: ≥ 5 working days
// on the state calendar) or its refusal is shown beside the date — a weekend or holiday start offers the
// next working day. 创建公示 sends unit:publicize; a refusal is shown beside the button.
// The same form re-plans a publicity that has not started (issue 19, `editing`: in the edit dialog, its
// members ticked and its start filled in; 保存修改 sends unit:editPublicity, checked as a new plan is).
import { CalendarOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Form, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract.js';
import type { Publicity, UnitApplicantRow } from '../../../../shared/unit/schema.js';
import { call } from '../../api.js';
import { LabelledField } from '../../components/LabelledField.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';
import { PUBLICITY_STATE_TAG, REVIEW_STATUS_TAG } from './labels.js';
import { nextWorkingDayAfterRest } from '../../../../shared/calendar/workingDays.js';

type Plan =
  | { kind: 'none' }
  | { kind: 'asking'; date: string }
  | { kind: 'ok'; date: string; endDate: string; workingDays: number }
  | { kind: 'refused'; date: string; error: ApiError; next: string | null };

const isDefault = (row: UnitApplicantRow) => row.status === 'accepted' && row.publicity === 'none';

export interface PublicityPlannerProps {
  rows: readonly UnitApplicantRow[];
  /** The publicity as stored after 创建公示 (or 保存修改). */
  onSaved: (publicity: Publicity) => void;
  /** A planned publicity to re-plan instead of making a new one (shown without its card, in a dialog). */
  editing?: Publicity | undefined;
  /** Leaves the edit without saving (edit only). */
  onClose?: (() => void) | undefined;
}

export function PublicityPlanner({ rows, onSaved, editing, onClose }: PublicityPlannerProps) {
  const { t, pick } = useT();
  const own = useMemo(() => new Set(editing?.members.map((m) => m.applicantId)), [editing]);
  // In a publicity that has not ended — other than the one re-planned: a second would overlap (the core
  // refuses it too).
  const isBusy = (row: UnitApplicantRow) =>
    (row.publicity === 'planned' || row.publicity === 'running') && !own.has(row.applicantId);
  // Ids and test ids apart from the new-publicity form's, which stays on the page under the edit dialog.
  const tid = (name: string) => (editing ? `uw-pub-edit-${name}` : `uw-pub-${name}`);
  const listRef = useRef<HTMLUListElement>(null);
  // null: the default choice, which follows the table as it is read again (the accepted, not yet publicised).
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(editing ? own : null);
  const [start, setStart] = useState<string | null>(editing?.startDate ?? null);
  const [plan, setPlan] = useState<Plan>({ kind: 'none' });
  const [isCreating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<ApiError | null>(null);
  const [tried, setTried] = useState(false);
  const asked = useRef(0);

  useEffect(() => {
    if (!start) {
      setPlan({ kind: 'none' });
      return;
    }
    const mine = ++asked.current;
    setPlan({ kind: 'asking', date: start });
    call('unit:publicityPlan', { startDate: start })
      .then((value) => {
        if (mine === asked.current) setPlan({ kind: 'ok', date: start, ...value });
      })
      .catch((e: unknown) => {
        if (mine === asked.current)
          setPlan({
            kind: 'refused',
            date: start,
            error: asApiError(e),
            next: nextWorkingDayAfterRest(start),
          });
      });
  }, [start]);

  const selectable = rows.filter((r) => !isBusy(r));
  const isChosen = (r: UnitApplicantRow) => (chosen ? chosen.has(r.applicantId) : isDefault(r));
  const picked = selectable.filter(isChosen);
  const toggle = (id: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old ?? rows.filter(isDefault).map((r) => r.applicantId));
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const create = async () => {
    setTried(true);
    setCreateError(null);
    if (picked.length === 0) {
      listRef.current?.querySelector<HTMLInputElement>('input[type="checkbox"]:not([disabled])')?.focus();
      return;
    }
    if (!start || plan.kind !== 'ok') {
      document.getElementById(tid('start'))?.focus();
      return;
    }
    setCreating(true);
    try {
      const applicantIds = picked.map((r) => r.applicantId);
      const { publicity } = editing
        ? await call('unit:editPublicity', { publicityId: editing.id, applicantIds, startDate: start })
        : await call('unit:publicize', { applicantIds, startDate: start });
      onSaved(publicity);
      setChosen(null);
      setStart(null);
      setTried(false);
    } catch (e) {
      setCreateError(asApiError(e));
    } finally {
      setCreating(false);
    }
  };

  const dateError =
    plan.kind === 'refused' ? pick(plan.error.message) : tried && !start ? t('uw_pubStartMissing') : null;
  const planLine =
    plan.kind === 'ok'
      ? t('uw_pubPeriod', { start: plan.date, end: plan.endDate, n: plan.workingDays })
      : plan.kind === 'asking'
        ? t('uw_pubAsking')
        : t('uw_pubStartHint');

  const body: ReactNode = (
    <>
      <Form layout="vertical" component={false}>
        <fieldset className="uw-fieldset">
          <legend className="uw-legend">{t('uw_pubChoose', { n: picked.length })}</legend>
          {rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('uw_noApplicants')} />
          ) : (
            <ul className="uw-pub-members" data-testid={tid('choose')} ref={listRef}>
              {rows.map((r) => {
                const busy = isBusy(r);
                const status = REVIEW_STATUS_TAG[r.status];
                const pub = PUBLICITY_STATE_TAG[r.publicity];
                return (
                  <li key={r.applicantId} data-testid={tid('choice')} data-applicant={r.applicantId}>
                    <Checkbox
                      checked={!busy && isChosen(r)}
                      disabled={busy}
                      onChange={(e) => toggle(r.applicantId, e.target.checked)}
                    >
                      <span className="uw-pub-name">{r.name || '—'}</span>
                    </Checkbox>
                    <Typography.Text type="secondary" className="uw-pub-specialty">
                      {r.specialty}
                    </Typography.Text>
                    <Tag color={status.color}>{t(status.text)}</Tag>
                    {r.publicity !== 'none' && <Tag color={pub.color}>{t(pub.text)}</Tag>}
                  </li>
                );
              })}
            </ul>
          )}
          {tried && picked.length === 0 && rows.length > 0 && (
            <Typography.Text type="danger" role="alert" data-testid={tid('choose-error')}>
              {t('uw_pubNoneChosen')}
            </Typography.Text>
          )}
        </fieldset>
        <div className="uw-pub-date">
          {/* The end date and a refusal share one line under the field, so neither pushes the page. */}
          <LabelledField
            id={tid('start')}
            label={t('uw_pubStart')}
            required
            hint={
              <span
                className="uw-pub-plan"
                data-testid={tid('plan')}
                data-state={plan.kind}
                role={dateError ? 'alert' : undefined}
              >
                {dateError ? <Typography.Text type="danger">{dateError}</Typography.Text> : planLine}
                {plan.kind === 'refused' && plan.next && (
                  <Button
                    size="small"
                    onClick={() => setStart(plan.next)}
                    data-testid={tid('take-next')}
                    className="uw-pub-next"
                  >
                    {t('uw_pubTakeNext', { date: plan.next })}
                  </Button>
                )}
              </span>
            }
          >
            {(control) => (
              <DatePicker
                {...control}
                {...(dateError ? { 'aria-invalid': true } : {})}
                status={dateError ? 'error' : undefined}
                value={start ? dayjs(start) : null}
                onChange={(value: Dayjs | null) => setStart(value ? value.format('YYYY-MM-DD') : null)}
                format="YYYY-MM-DD"
                suffixIcon={<CalendarOutlined />}
                data-testid={tid('start')}
              />
            )}
          </LabelledField>
        </div>
        <Space wrap align="center">
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            loading={isCreating}
            disabled={isCreating || plan.kind === 'asking'}
            onClick={() => void create()}
            data-testid={tid('create')}
          >
            {t(editing ? 'uw_pubSaveEdit' : 'uw_pubCreate')}
          </Button>
          {onClose && (
            <Button onClick={onClose} disabled={isCreating} data-testid={tid('close')}>
              {t('uw_pubDiscardEdit')}
            </Button>
          )}
        </Space>
      </Form>
      {createError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="uw-inline-alert"
          data-testid={tid('create-error')}
          title={pick(createError.message)}
          description={
            createError.issues && createError.issues.length > 0 ? (
              <ul className="uw-issue-list">
                {createError.issues.map((i) => (
                  <li key={`${i.path}:${i.message.en}`}>{pick(i.message)}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </>
  );
  if (editing) return <div data-testid="uw-pub-edit">{body}</div>;
  return (
    <Card
      className="uw-pub-planner"
      data-testid="uw-pub-planner"
      title={
        <span className="uw-card-title">
          <NotificationOutlined aria-hidden /> {t('uw_pubNewHeading')}
        </span>
      }
    >
      {body}
    </Card>
  );
}
