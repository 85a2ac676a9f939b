// 资格检查: every rule of the 2020 pack judged against the archive and its attachments, grouped by
// status, each with its clauses, confidence, evidence and a link to the fix (issue 4).
import { Alert, Descriptions, Typography } from 'antd';
import { PACK_2020 } from '../../../shared/rules/pack2020/index.js';
import { STATUSES, type Status } from '../../../shared/rules/types.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEligibility } from '../eligibility/context.js';
import { FindingItem } from '../eligibility/FindingItem.js';
import { useT, type TextKey } from '../i18n.js';

const heading = (s: Status) => `group_${s === 'n/a' ? 'na' : s}` as TextKey;

export function EligibilityScreen() {
  const { t, pick } = useT();
  const { report, hasLinks } = useEligibility();
  return (
    <ScreenFrame screen="eligibility">
      <Descriptions size="small" column={2} className="eligibility-meta" bordered>
        <Descriptions.Item label={t('packLabel')}>{pick(PACK_2020.title)}</Descriptions.Item>
        <Descriptions.Item label={t('packVersion')}>
          {report.packVersion} · <Typography.Text code>{report.packHash.slice(0, 12)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('asOfLabel')}>{report.asOf}</Descriptions.Item>
        <Descriptions.Item label={t('summaryCounts')}>
          <span data-testid="eligibility-counts">
            {t('countsText', {
              fail: report.counts.fail,
              review: report.counts.review,
              pass: report.counts.pass,
              na: report.counts['n/a'],
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {!hasLinks && <Alert type="info" showIcon className="eligibility-note" title={t('linksUnknown')} />}
      {STATUSES.map((status) => {
        const group = report.findings.filter((f) => f.status === status);
        if (group.length === 0) return null;
        return (
          <section key={status} className="finding-group" data-testid={`group-${status === 'n/a' ? 'na' : status}`}>
            <Typography.Title level={3} className="finding-group-title">
              {t('withCount', { text: t(heading(status)), n: group.length })}
            </Typography.Title>
            <ul className="finding-list">
              {group.map((f) => (
                <FindingItem key={f.id} finding={f} />
              ))}
            </ul>
          </section>
        );
      })}
    </ScreenFrame>
  );
}
