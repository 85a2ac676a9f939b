// The eligibility findings of the current revision as the unit's check sees them (fail first, then the
// points to judge), each naming the fields it is about; a field link scrolls to it in its material below.
import { AimOutlined } from '@ant-design/icons';
import { Alert, Button, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Localized, ReviewFinding } from '../../../../shared/api/contract.js';
import type { Verdict } from '../../../../shared/rules/types.js';
import { verdictWords } from '../../../../shared/rules/verdict.js';
import { useT, type TextKey } from '../../i18n.js';

/** Brings a field of the archive view into sight and gives it the focus (it is read-only: a highlight). */
export function revealField(path: string): void {
  const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
}

export interface FindingsPanelProps {
  findings: readonly ReviewFinding[];
  fields: ReadonlyMap<string, { group: Localized; label: TextKey }>;
  /** The table row's verdict and counts: the same words as the table and the applicant's 资格检查. */
  verdict: Verdict;
  counts: { fail: number; toJudge: number };
}

/** Points to judge shown before 显示全部: every failure is always shown. */
const FIRST_REVIEWS = 4;

export function FindingsPanel({ findings, fields, verdict, counts }: FindingsPanelProps) {
  const { t, pick } = useT();
  const [showAll, setShowAll] = useState(false);
  const sorted = [...findings].sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  const fails = findings.filter((f) => f.status === 'fail').length;
  const limit = fails + FIRST_REVIEWS;
  const shown = showAll ? sorted : sorted.slice(0, limit);
  return (
    <section className="uw-findings" aria-labelledby="uw-findings-heading" data-testid="uw-findings">
      <Typography.Title level={2} id="uw-findings-heading" className="uw-subheading">
        {t('uw_findingsHeading')}
      </Typography.Title>
      {findings.length === 0 ? (
        <Alert type="success" showIcon title={t('uw_findingsNone')} data-testid="uw-findings-none" />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('uw_findingsLead', {
              verdict: pick(verdictWords(verdict, counts)),
              notes: findings.filter((f) => f.status === 'review' && f.severity === 'info').length,
            })}
          </Typography.Paragraph>
          <ul className="uw-finding-list">
            {shown.map((f) => (
              <li key={f.id} className="uw-finding" data-testid={`uw-finding-${f.id}`} data-status={f.status}>
                <span className="uw-finding-line">
                  <Tag color={f.status === 'fail' ? 'red' : 'orange'}>
                    {t(f.status === 'fail' ? 'status_fail' : 'status_review')}
                  </Tag>
                  <span className="uw-finding-message">{pick(f.message)}</span>
                  <span className="uw-finding-ids">
                    <Typography.Text type="secondary" code>
                      {f.ruleId}
                    </Typography.Text>
                    {f.clause.map((c) => (
                      <Tag key={c} bordered={false}>
                        {c}
                      </Tag>
                    ))}
                  </span>
                </span>
                {f.justification && (
                  <Typography.Paragraph className="uw-finding-reason" data-testid={`uw-finding-reason-${f.id}`}>
                    <Typography.Text strong>{t('uw_applicantReason')}</Typography.Text>
                    {f.justification}
                  </Typography.Paragraph>
                )}
                {f.paths.some((p) => fields.has(p)) && (
                  <span className="uw-finding-paths">
                    {f.paths
                      .filter((p) => fields.has(p))
                      .map((p) => {
                        const field = fields.get(p);
                        const name = field
                          ? t('uw_targetField', { group: pick(field.group), field: t(field.label) })
                          : p;
                        return (
                          <Button
                            key={p}
                            size="small"
                            type="link"
                            icon={<AimOutlined />}
                            onClick={() => revealField(p)}
                            aria-label={t('uw_showField', { name })}
                          >
                            {name}
                          </Button>
                        );
                      })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {sorted.length > limit && (
            <Button
              type="link"
              className="uw-more"
              onClick={() => setShowAll((v) => !v)}
              aria-expanded={showAll}
              data-testid="uw-findings-more"
            >
              {showAll ? t('uw_showFewer') : t('uw_showAll', { n: sorted.length })}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
