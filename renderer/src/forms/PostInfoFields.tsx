// The controls of 岗位信息表: a labelled field whose messages (a value that cannot be saved, figures that
// do not add up, a refusal of the core) come from the screen rather than from the archive's problems; the
// grade table with its computed 空缺 and 总数; one card per recommended person.
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { totalRow, vacancy, type PostInfo } from '../../../shared/forms/postInfo.js';
import { fieldId } from '../components/FieldItem.js';
import { normalizeDate, withDashes } from '../components/parse.js';
import { useT, type TextKey } from '../i18n.js';
import {
  GRADE_COLUMNS,
  isRatio,
  PERSON_FIELDS,
  POST_GRADES,
  type NumberPath,
  type PersonDraft,
  type PersonField,
} from './postInfoForm.js';

/** A message beside a field: `error` stops the save (or was refused), `warning` only informs. */
export interface FieldMessage {
  text: string;
  severity: 'error' | 'warning';
}

export const postFieldId = (path: string) => fieldId(`postInfo.${path}`);

/** A labelled control with its messages tied to it for screen readers (as FieldItem does for the archive). */
export function PostField({
  path,
  label,
  hint,
  messages,
  children,
}: {
  path: string;
  label: string;
  hint?: string;
  messages: readonly FieldMessage[];
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode;
}) {
  const id = postFieldId(path);
  const isError = messages.some((m) => m.severity === 'error');
  const helpId = `${id}-help`;
  const hintId = `${id}-hint`;
  const describedBy = [messages.length > 0 ? helpId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      validateStatus={isError ? 'error' : messages.length > 0 ? 'warning' : ''}
      help={
        messages.length > 0 ? (
          <div id={helpId} data-testid={`${id}-help`}>
            {messages.map((m, i) => (
              <div key={i}>{m.text}</div>
            ))}
          </div>
        ) : undefined
      }
      extra={hint ? <span id={hintId}>{hint}</span> : undefined}
    >
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(isError ? { 'aria-invalid': true } : {}),
      })}
    </Form.Item>
  );
}

export function NumberField({
  path,
  label,
  hint,
  text,
  messages,
  onChange,
}: {
  path: NumberPath;
  label: string;
  hint?: string;
  text: string;
  messages: readonly FieldMessage[];
  onChange: (path: NumberPath, text: string) => void;
}) {
  return (
    <PostField path={path} label={label} {...(hint ? { hint } : {})} messages={messages}>
      {(control) => (
        <Input
          {...control}
          value={text}
          inputMode={isRatio(path) ? 'decimal' : 'numeric'}
          autoComplete="off"
          style={{ maxWidth: 200 }}
          onChange={(e) => onChange(path, e.target.value)}
        />
      )}
    </PostField>
  );
}

/** 核准比例, 核准人数, 实聘人数 per grade, typed; 空缺 and the 总数 row computed from what is entered. */
export function GradeTable({
  numbers,
  info,
  messagesOf,
  onChange,
}: {
  numbers: Record<NumberPath, string>;
  /** The figures as read (for 空缺 and 总数). */
  info: PostInfo;
  messagesOf: (path: string) => readonly FieldMessage[];
  onChange: (path: NumberPath, text: string) => void;
}) {
  const { t } = useT();
  const total = totalRow(info);
  const ratios = POST_GRADES.map((g) => info.grades[g].ratio);
  const ratioSum = ratios.every((r) => r !== null) ? ratios.reduce((s, r) => s + (r ?? 0), 0) : null;
  const totalVacancy = total.approved !== null && total.appointed !== null ? total.approved - total.appointed : null;
  const showVacancy = (n: number | null) =>
    n === null ? '—' : n < 0 ? <span className="post-over">{t('post_vacancyOver', { n: -n })}</span> : String(n);

  return (
    <table className="post-grades" data-testid="post-grades">
      <caption className="sr-only">{t('post_gradesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('post_colGrade')}</th>
          {GRADE_COLUMNS.map((c) => (
            <th scope="col" key={c}>
              {t(`post_col_${c}` as TextKey)}
            </th>
          ))}
          <th scope="col">
            {t('post_colVacancy')} <span className="sr-only">{t('post_computed')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {POST_GRADES.map((g) => {
          const gradeLabel = t(`post_grade_${g}` as TextKey);
          return (
            <tr key={g} data-testid={`post-grade-${g}`}>
              <th scope="row">{gradeLabel}</th>
              {GRADE_COLUMNS.map((c) => {
                const path = `grades.${g}.${c}` as NumberPath;
                const id = postFieldId(path);
                const messages = messagesOf(path);
                const isError = messages.some((m) => m.severity === 'error');
                return (
                  <td key={c}>
                    <Input
                      id={id}
                      size="small"
                      value={numbers[path]}
                      inputMode={c === 'ratio' ? 'decimal' : 'numeric'}
                      autoComplete="off"
                      aria-label={`${gradeLabel} ${t(`post_col_${c}` as TextKey)}`}
                      aria-invalid={isError || undefined}
                      aria-describedby={messages.length > 0 ? `${id}-help` : undefined}
                      status={isError ? 'error' : messages.length > 0 ? 'warning' : ''}
                      onChange={(e) => onChange(path, e.target.value)}
                    />
                    {messages.length > 0 && (
                      <span
                        id={`${id}-help`}
                        className={isError ? 'post-cell-error' : 'post-cell-error post-cell-warning'}
                        data-testid={`${id}-help`}
                      >
                        {messages.map((m) => m.text).join(t('clauseSep'))}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className="post-computed" data-testid={`post-vacancy-${g}`}>
                {showVacancy(vacancy(info.grades[g]))}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr data-testid="post-grade-total">
          <th scope="row">{t('post_total')}</th>
          <td className="post-computed">{ratioSum === null ? '—' : `${Math.round(ratioSum * 100) / 100}%`}</td>
          <td className="post-computed" data-testid="post-total-approved">
            {total.approved ?? '—'}
          </td>
          <td className="post-computed" data-testid="post-total-appointed">
            {total.appointed ?? '—'}
          </td>
          <td className="post-computed">{showVacancy(totalVacancy)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

const PERSON_LABEL: Record<PersonField, TextKey> = {
  name: 'post_p_name',
  idNumber: 'post_p_idNumber',
  currentQualification: 'post_p_currentQualification',
  appointedGrade: 'post_p_appointedGrade',
  appointedDate: 'post_p_appointedDate',
  postLevel: 'post_p_postLevel',
  titleApplied: 'post_p_titleApplied',
};
/** Examples of what a field takes where its name alone leaves it open (职级 is a level, 岗位等级 a post grade). */
const PERSON_PLACEHOLDER: Partial<Record<PersonField, TextKey>> = {
  appointedGrade: 'post_p_appointedGradePlaceholder',
  postLevel: 'post_p_postLevelPlaceholder',
};
const PERSON_MAX: Record<PersonField, number> = {
  name: 100,
  idNumber: 40,
  currentQualification: 200,
  appointedGrade: 200,
  appointedDate: 16,
  postLevel: 200,
  titleApplied: 200,
};

export function PersonCard({
  person,
  index,
  messagesOf,
  onChange,
  onBlurDate,
  onRemove,
}: {
  person: PersonDraft;
  index: number;
  messagesOf: (path: string) => readonly FieldMessage[];
  onChange: (index: number, field: PersonField, value: string) => void;
  onBlurDate: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useT();
  const n = index + 1;
  return (
    <Card
      size="small"
      className="post-person record-card"
      data-testid={`post-person-${index}`}
      title={
        <span className="record-title">
          <span className="record-index">{n}</span>{' '}
          <span className="record-name">{person.name.trim() || t('untitled')}</span>
        </span>
      }
      extra={
        <Tooltip title={t('post_removePerson', { n })}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('post_removePerson', { n })}
            onClick={() => onRemove(index)}
            data-testid={`post-person-remove-${index}`}
          />
        </Tooltip>
      }
    >
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          {PERSON_FIELDS.map((field) => {
            const path = `recommended.${index}.${field}`;
            const isDate = field === 'appointedDate';
            return (
              <Col span={8} key={field}>
                <PostField path={path} label={t(PERSON_LABEL[field])} messages={messagesOf(path)}>
                  {(control) => (
                    <Input
                      {...control}
                      value={person[field]}
                      maxLength={PERSON_MAX[field]}
                      autoComplete="off"
                      {...(isDate ? { placeholder: t('datePlaceholder'), inputMode: 'numeric' as const } : {})}
                      {...(PERSON_PLACEHOLDER[field] ? { placeholder: t(PERSON_PLACEHOLDER[field]) } : {})}
                      onChange={(e) => {
                        const raw = e.target.value;
                        const atEnd = e.target.selectionStart === raw.length;
                        const grows = raw.length > person[field].length;
                        onChange(index, field, isDate && atEnd && grows ? withDashes(raw) : raw);
                      }}
                      onBlur={() => {
                        if (!isDate) return;
                        const date = normalizeDate(person.appointedDate);
                        if (date !== null && date !== person.appointedDate) onChange(index, field, date);
                        onBlurDate(index);
                      }}
                    />
                  )}
                </PostField>
              </Col>
            );
          })}
        </Row>
      </Form>
    </Card>
  );
}
