// 资格检查: the one verdict first (issue 12: 可以申报 / 需人工确认 N 项 / 暂不符合 N 项, the failures and the
// points to judge named, the round's closing beside it), then every rule of the 2020 pack judged against
// the archive and its attachments, grouped by status, each with its clauses, confidence, evidence and a
// link to the fix (issue 4).
import { Alert, Descriptions, Typography } from 'antd';
import { PACK_2020 } from '../../../shared/rules/pack2020/index.js';
import { isToJudge } from '../../../shared/rules/engine.js';
import { type Finding, type Status } from '../../../shared/rules/types.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEligibility } from '../eligibility/context.js';
import { FindingItem } from '../eligibility/FindingItem.js';
import { VerdictBanner } from '../eligibility/VerdictBanner.js';
import { useT, type TextKey } from '../i18n.js';

/**
 * The groups in order: the points a person must judge are the verdict's (a review of severity info is a
 * note, listed apart so that the count under 需人工确认 is the verdict's N).
 */
type Group = Status | 'note';
const GROUPS: readonly Group[] = ['fail', 'review', 'note', 'pass', 'n/a'];
const heading = (g: Group) => `group_${g === 'n/a' ? 'na' : g}` as TextKey;
const inGroup = (f: Finding, g: Group): boolean =>
  g === 'note' ? f.status === 'review' && !isToJudge(f) : g === 'review' ? isToJudge(f) : f.status === g;

export function EligibilityScreen() {
  const { t, pick } = useT();
  const { report, hasLinks } = useEligibility();
  const count = (g: Group) => report.findings.filter((f) => inGroup(f, g)).length;
  return (
    <ScreenFrame screen="eligibility">
      <VerdictBanner report={report} />
      <Descriptions size="small" column={2} className="eligibility-meta" bordered>
        <Descriptions.Item label={t('packLabel')}>{pick(PACK_2020.title)}</Descriptions.Item>
        <Descriptions.Item label={t('packVersion')}>
          {report.packVersion} · <Typography.Text code>{report.packHash.slice(0, 12)}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('applicationDateLabel')}>
          <span data-testid="eligibility-application-date">{report.applicationDate}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('asOfLabel')}>{report.asOf}</Descriptions.Item>
        <Descriptions.Item label={t('summaryCounts')}>
          <span data-testid="eligibility-counts">
            {t('countsText', {
              fail: report.counts.fail,
              review: count('review'),
              note: count('note'),
              pass: report.counts.pass,
              na: report.counts['n/a'],
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      {!hasLinks && <Alert type="info" showIcon className="eligibility-note" title={t('linksUnknown')} />}
      {GROUPS.map((g) => {
        const group = report.findings.filter((f) => inGroup(f, g));
        if (group.length === 0) return null;
        return (
          <section key={g} className="finding-group" data-testid={`group-${g === 'n/a' ? 'na' : g}`}>
            <Typography.Title level={2} className="finding-group-title">
              {t('withCount', { text: t(heading(g)), n: group.length })}
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
