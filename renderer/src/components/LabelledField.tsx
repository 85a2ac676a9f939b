// A labelled control whose message comes from the screen (a passphrase that does not match, a refusal of
// the core) rather than from the archive's problems: label, hint and message tied to the control for
// screen readers, as FieldItem does for archive fields.
import { Form } from 'antd';
import type { ReactNode } from 'react';

export interface LabelledControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

export interface LabelledFieldProps {
  id: string;
  label: ReactNode;
  /** A standing line under the control (what is asked, a counter); it keeps its place. */
  hint?: ReactNode;
  /** What is wrong with the value, beside it; null when nothing is. */
  error?: string | null;
  /** A message that informs without blocking. */
  warning?: string | null;
  required?: boolean;
  className?: string;
  children: (control: LabelledControl) => ReactNode;
}

export function LabelledField({
  id,
  label,
  hint,
  error = null,
  warning = null,
  required = false,
  className,
  children,
}: LabelledFieldProps) {
  const message = error ?? warning;
  const helpId = `${id}-help`;
  const hintId = `${id}-hint`;
  const describedBy = [message ? helpId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <Form.Item
      label={label}
      htmlFor={id}
      required={required}
      className={className}
      validateStatus={error ? 'error' : warning ? 'warning' : ''}
      help={
        message ? (
          // An error is announced when it appears; a warning is read with the control.
          <div id={helpId} data-testid={`${id}-help`} role={error ? 'alert' : undefined}>
            {message}
          </div>
        ) : undefined
      }
      extra={hint ? <span id={hintId}>{hint}</span> : undefined}
    >
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
        // The label's "*" is drawn for the eye only (app.css): the control itself says it is required.
        ...(required ? { 'aria-required': true } : {}),
      })}
    </Form.Item>
  );
}
