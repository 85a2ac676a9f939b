// One finding: status, rule id, clauses, confidence, what was checked, the message, the evidence used,
// and a link to where it is fixed (issue 4; rules.md "Principle": the report says all of this).
import { Button, Space, Tag, Typography } from 'antd';
import { isToJudge } from '../../../shared/rules/engine.js';
import type { Confidence, Finding, Status } from '../../../shared/rules/types.js';
import { useT, type TextKey } from '../i18n.js';
import { useEligibility } from './context.js';
import { screenOfFix } from './fixTarget.js';

export const STATUS_COLORS: Record<Status, string> = { fail: 'red', review: 'orange', pass: 'green', 'n/a': 'default' };
const CONFIDENCE_COLORS: Record<Confidence, string> = { confirmed: 'blue', inferred: 'cyan', assumed: 'gold' };
const statusKey = (s: Status) => `status_${s === 'n/a' ? 'na' : s}` as TextKey;
/** A review of severity info is a note: it does not count among the points to confirm (the verdict's N). */
const isNote = (f: Finding) => f.status === 'review' && !isToJudge(f);

export function FindingItem({ finding, compact = false }: { finding: Finding; compact?: boolean }) {
  const { t, pick } = useT();
  const { follow } = useEligibility();
  const target = finding.fix ? screenOfFix(finding.fix) : null;
  return (
    <li className="finding" data-testid={`finding-${finding.id}`} data-status={finding.status}>
      <Space size={4} wrap>
        <Tag color={isNote(finding) ? 'blue' : STATUS_COLORS[finding.status]}>
          {t(isNote(finding) ? 'status_note' : statusKey(finding.status))}
        </Tag>
        <Typography.Text strong>{pick(finding.title)}</Typography.Text>
        <Typography.Text type="secondary" code>
          {finding.id}
        </Typography.Text>
        {finding.clause.map((c) => (
          <Tag key={c} bordered={false}>
            {c}
          </Tag>
        ))}
        <Tag color={CONFIDENCE_COLORS[finding.confidence]} title={t('confidenceHint')}>
          {t(`confidence_${finding.confidence}` as TextKey)}
        </Tag>
      </Space>
      <div className="finding-message">{pick(finding.message)}</div>
      {!compact && finding.evidence.length > 0 && (
        <div className="finding-evidence">
          <Typography.Text type="secondary">{t('findingEvidence')}</Typography.Text>
          {finding.evidence.map((e) => pick(e.label)).join(t('clauseSep'))}
        </div>
      )}
      {finding.fix && target && finding.status !== 'pass' && finding.status !== 'n/a' && (
        <Button
          type="link"
          size="small"
          className="finding-fix"
          data-testid={`fix-${finding.id}`}
          onClick={() => finding.fix && follow(finding.fix)}
        >
          {t('findingFix', { screen: t(`nav_${target}` as TextKey) })}
        </Button>
      )}
    </li>
  );
}
