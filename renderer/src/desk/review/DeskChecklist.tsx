// The 资格审查 checklist (issue 17 item 4): one row per condition of the rule pack (its clause, N-x/R-x/M-x),
// the suggestion of the findings, the reviewer's 符合 / 不符合 / 待补正 and a note — each saved at once
// (desk:setCheck; the note when it loses the focus). A refusal is shown under the row's controls.
import { Input, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../../shared/api/contract.js';
import {
  DESK_CHECK_LABELS,
  DESK_CHECK_NOTE_MAX,
  DESK_CHECK_RESULTS,
  type DeskCheckResult,
  type DeskCheckRow,
} from '../../../../shared/desk/review.js';
import { call } from '../../api.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';

const RESULT_COLOR: Record<DeskCheckResult, string> = { meets: 'success', fails: 'error', to_correct: 'warning' };
const UNSET = 'unset';

export interface DeskChecklistProps {
  applicantId: string;
  rows: readonly DeskCheckRow[];
  /** The checklist can change (the applicant is under review). */
  isOpen: boolean;
  onSaved: (row: DeskCheckRow) => void;
}

export function DeskChecklist({ applicantId, rows, isOpen, onSaved }: DeskChecklistProps) {
  const { t, pick } = useT();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; error: ApiError } | null>(null);
  const [told, setTold] = useState('');

  const save = async (row: DeskCheckRow, result: DeskCheckResult | null, note: string) => {
    setSaving(row.conditionId);
    setError(null);
    try {
      const saved = await call('desk:setCheck', { applicantId, conditionId: row.conditionId, result, note });
      onSaved(saved.row);
      setTold(t('dr_checkSaved', { condition: row.conditionId }));
    } catch (e) {
      setError({ id: row.conditionId, error: asApiError(e) });
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="dr-checklist" aria-labelledby="dr-check-heading" data-testid="dr-checklist">
      <Typography.Title level={2} id="dr-check-heading" className="uw-subheading">
        {t('dr_checkHeading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dr_checkHint')}</Typography.Paragraph>
      <span role="status" className="sr-only">
        {told}
      </span>
      <Table<DeskCheckRow>
        size="small"
        rowKey="conditionId"
        pagination={false}
        dataSource={[...rows]}
        scroll={{ x: 1000 }}
        onRow={(row) => ({ 'data-testid': `dr-check-${row.conditionId}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'condition',
            title: t('dr_checkCondition'),
            width: 280,
            render: (_, row) => (
              <span>
                <span className="material-id">{row.conditionId}</span> {pick(row.title)}
              </span>
            ),
          },
          {
            key: 'suggested',
            title: t('dr_checkSuggested'),
            width: 110,
            render: (_, row) => (
              <Tag color={RESULT_COLOR[row.suggested]} data-testid={`dr-suggested-${row.conditionId}`}>
                {pick(DESK_CHECK_LABELS[row.suggested])}
              </Tag>
            ),
          },
          {
            key: 'result',
            title: t('dr_checkResult'),
            // Wide enough for the four choices on one line in English too.
            width: 400,
            render: (_, row) => {
              const label = t('dr_checkResultOf', { condition: row.conditionId });
              return (
                <>
                  <Radio.Group
                    optionType="button"
                    size="small"
                    aria-label={label}
                    value={row.result ?? UNSET}
                    disabled={!isOpen || saving === row.conditionId}
                    onChange={(e) => {
                      const value = String(e.target.value);
                      void save(
                        row,
                        value === UNSET ? null : (value as DeskCheckResult),
                        notes[row.conditionId] ?? row.note,
                      );
                    }}
                    options={[
                      { value: UNSET, label: t('dr_checkUnset') },
                      ...DESK_CHECK_RESULTS.map((r) => ({ value: r, label: pick(DESK_CHECK_LABELS[r]) })),
                    ]}
                    data-testid={`dr-result-${row.conditionId}`}
                  />
                  {error?.id === row.conditionId && (
                    <Typography.Text type="danger" role="alert" className="uw-inline-error">
                      {pick(error.error.message)}
                    </Typography.Text>
                  )}
                </>
              );
            },
          },
          {
            key: 'note',
            title: t('dr_checkNote'),
            render: (_, row) => (
              <Input.TextArea
                aria-label={t('dr_checkNoteOf', { condition: row.conditionId })}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={DESK_CHECK_NOTE_MAX}
                disabled={!isOpen}
                value={notes[row.conditionId] ?? row.note}
                onChange={(e) => setNotes((n) => ({ ...n, [row.conditionId]: e.target.value }))}
                // A note belongs to a result: saved with it (here once one is chosen, else with the choice).
                onBlur={() => {
                  const note = notes[row.conditionId];
                  if (row.result === null || note === undefined || note.trim() === row.note) return;
                  void save(row, row.result, note);
                }}
                data-testid={`dr-note-${row.conditionId}`}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
