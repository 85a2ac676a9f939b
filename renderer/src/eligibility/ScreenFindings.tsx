// On each editing screen, the findings that concern it (their fix lies on this screen), live as the user
// types: only what fails or needs review, so a screen in order stays quiet.
import { Alert } from 'antd';
import { useT } from '../i18n.js';
import type { ScreenKey } from '../screens/screens.js';
import { useEligibility } from './context.js';
import { FindingItem } from './FindingItem.js';
import { screenOfFix } from './fixTarget.js';

export function ScreenFindings({ screen }: { screen: ScreenKey }) {
  const { t } = useT();
  const { report } = useEligibility();
  const findings = report.findings.filter(
    (f) => (f.status === 'fail' || f.status === 'review') && f.fix && screenOfFix(f.fix) === screen,
  );
  if (findings.length === 0) return null;
  const hasFail = findings.some((f) => f.status === 'fail');
  return (
    <Alert
      className="screen-findings"
      data-testid="screen-findings"
      type={hasFail ? 'error' : 'info'}
      showIcon
      title={t('screenFindingsTitle', { n: findings.length })}
      description={
        <ul className="finding-list">
          {findings.map((f) => (
            <FindingItem key={f.id} finding={f} compact />
          ))}
        </ul>
      }
    />
  );
}
