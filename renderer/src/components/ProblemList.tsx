// Problems that belong to no single field shown (a list as a whole, a record, a hidden field), listed
// where they apply. Nothing is rendered when there are none, so the layout does not change while typing
// unless a problem actually appears.
import { Alert } from 'antd';
import type { Problem } from '../../../shared/archive/problems.js';
import { useT } from '../i18n.js';

export function ProblemList({ problems, title }: { problems: readonly Problem[]; title?: string }) {
  const { pick } = useT();
  if (problems.length === 0) return null;
  const hasError = problems.some((p) => p.severity === 'error');
  return (
    <Alert
      className="problem-list"
      type={hasError ? 'error' : 'warning'}
      showIcon
      title={title}
      description={
        <ul>
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>{pick(p.message)}</li>
          ))}
        </ul>
      }
    />
  );
}
