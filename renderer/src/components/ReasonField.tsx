// A written reason for a decision the unit's audit trail keeps (issue 19: AuditReason, at least
// MIN_REASON_CHARS characters once trimmed): a labelled text area with its count, the refusal beside it
// (the screen's own check before sending, or the core's), Ctrl+Enter to confirm. One field for every such
// reason, so that they read and behave alike; `reasonProblem` is the check the screen makes before sending.
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { MIN_REASON_CHARS } from '../../../shared/unit/schema.js';
import { useT } from '../i18n.js';
import { LabelledField } from './LabelledField.js';

/** What is wrong with a reason before it is sent (empty or only spaces, too short), or null. */
export function reasonProblem(reason: string): 'empty' | 'short' | null {
  const n = reason.trim().length;
  return n === 0 ? 'empty' : n < MIN_REASON_CHARS ? 'short' : null;
}

/**
 * The refusal shown at a reason field: the screen's own check once the user has tried to send (`say` words
 * it), else the core's refusal at the field (`refused`), else none.
 */
export function reasonFieldError(
  reason: string,
  tried: boolean,
  refused: string | null,
  say: (problem: 'empty' | 'short', vars: { n: number; min: number }) => string,
): string | null {
  const problem = reasonProblem(reason);
  if (tried && problem) return say(problem, { n: reason.trim().length, min: MIN_REASON_CHARS });
  return refused;
}

export interface ReasonFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  /** The refusal shown at the field; null when there is none. */
  error: string | null;
  /** Ctrl+Enter (⌘+Enter) in the field. */
  onConfirm: () => void;
}

export function ReasonField({ id, label, value, onChange, error, onConfirm }: ReasonFieldProps) {
  const { t } = useT();
  return (
    <Form layout="vertical" component={false}>
      <LabelledField
        id={id}
        label={label}
        required
        error={error}
        hint={t('reasonCount', { n: value.trim().length, min: MIN_REASON_CHARS })}
      >
        {(control) => (
          <Input.TextArea
            {...control}
            value={value}
            rows={3}
            maxLength={2000}
            status={error ? 'error' : undefined}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onConfirm();
            }}
            data-testid={id}
          />
        )}
      </LabelledField>
    </Form>
  );
}
