// One labelled field with the problems found at its path shown beneath it, as the user types. Problems
// inform, they never block: the value is saved whatever they say.
import { Form } from 'antd';
import type { ReactNode } from 'react';
import { useFieldProblems } from '../editorContext.js';
import { useT } from '../i18n.js';
import { useFieldComments } from '../review/context.js';
import { FieldComments } from '../review/UnitComments.js';
import { fieldId } from './fieldId.js';

/** Props the control needs so that its label and messages are tied to it for screen readers. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  /** Set for groups (radio cards), which a <label for> cannot name. */
  'aria-labelledby'?: string;
}

export { fieldId } from './fieldId.js';

export interface FieldItemProps {
  path: string;
  label: string;
  /** Text under the field (tied to it by aria-describedby); may hold an action (a suggestion to adopt). */
  hint?: ReactNode;
  /** An error found by the control itself (text that is not a date, hours that are not a number). */
  localError?: string | null | undefined;
  /** The control is a group of inputs (a radio group): name it by the label's id instead of <label for>. */
  group?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function FieldItem({ path, label, hint, localError, group = false, children }: FieldItemProps) {
  const { pick } = useT();
  const problems = useFieldProblems(path);
  // Issue 7: what the unit wrote about this field when it returned the package (the unit's voice, not a problem).
  const comments = useFieldComments(path);
  const id = fieldId(path);
  const messages = [...(localError ? [localError] : []), ...problems.map((p) => pick(p.message))];
  const isError = Boolean(localError) || problems.some((p) => p.severity === 'error');
  const status = isError ? 'error' : messages.length > 0 ? 'warning' : '';
  const helpId = `${id}-help`;
  const hintId = `${id}-hint`;
  const labelId = `${id}-label`;
  const unitId = `${id}-unit`;
  const describedBy = [messages.length > 0 ? helpId : '', comments.length > 0 ? unitId : '', hint ? hintId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <Form.Item
      label={group ? <span id={labelId}>{label}</span> : label}
      htmlFor={group ? undefined : id}
      validateStatus={status}
      help={
        messages.length > 0 ? (
          <div id={helpId}>
            {/* The control's own refusal appears when the field is left (a date that is not one): it is
                announced. The archive's problems change as the user types and are read with the field. */}
            {localError && <div role="alert">{localError}</div>}
            {problems.map((p, i) => (
              <div key={i}>{pick(p.message)}</div>
            ))}
          </div>
        ) : undefined
      }
      extra={
        hint || comments.length > 0 ? (
          <>
            <FieldComments id={unitId} comments={comments} />
            {hint && <span id={hintId}>{hint}</span>}
          </>
        ) : undefined
      }
    >
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(isError ? { 'aria-invalid': true } : {}),
        ...(group ? { 'aria-labelledby': labelId } : {}),
      })}
    </Form.Item>
  );
}
