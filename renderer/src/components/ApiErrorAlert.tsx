// A refusal of the core shown where the action was started: its message, and each problem it names (who and
// why) as a list under it. Announced when it appears (role alert).
import { Alert } from 'antd';
import type { ApiError } from '../../../shared/api/contract.js';
import { useT } from '../i18n.js';

export function ApiErrorAlert({ error, testId }: { error: ApiError; testId?: string }) {
  const { pick } = useT();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="uw-inline-alert"
      data-testid={testId}
      title={pick(error.message)}
      description={
        error.issues && error.issues.length > 0 ? (
          <ul className="uw-issue-list">
            {error.issues.map((i) => (
              <li key={`${i.path}:${i.message.en}`}>{pick(i.message)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
