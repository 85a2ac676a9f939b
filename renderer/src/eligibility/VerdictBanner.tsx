// The one answer (rules.md, "Principle"; issue 12): 可以申报 / 需人工确认 N 项 / 暂不符合 N 项 in big words,
// what it means in one sentence, the round's closing said once beside it (N-2: never a finding), and — on
// 资格检查 — the failures named first, then the points a person must judge, each a link to where it is fixed.
// The export card shows the same sentence (`showList` off: it lists the findings itself).
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { Finding, Report, Verdict } from '../../../shared/rules/types.js';
import { roundNote, summarize, verdictExplanation, verdictText } from '../../../shared/rules/verdict.js';
import { useT, type TextKey } from '../i18n.js';
import { useEligibility } from './context.js';
import { screenOfFix } from './fixTarget.js';

const ICONS: Record<Verdict, typeof CheckCircleFilled> = {
  pass: CheckCircleFilled,
  review: ExclamationCircleFilled,
  fail: CloseCircleFilled,
};

export interface VerdictBannerProps {
  report: Pick<Report, 'verdict' | 'findings' | 'round' | 'applicationDate'>;
  /** List the failures and the points to judge, each with its fix link (资格检查). */
  showList?: boolean;
  testId?: string;
}

export function VerdictBanner({ report, showList = true, testId = 'verdict' }: VerdictBannerProps) {
  const { t, pick } = useT();
  const summary = summarize(report);
  const note = roundNote(report);
  const Icon = ICONS[summary.verdict];
  const headingId = `${testId}-text`;
  return (
    <section
      className={`verdict verdict-${summary.verdict}`}
      role="status"
      aria-labelledby={headingId}
      data-testid={testId}
      data-verdict={summary.verdict}
    >
      <div className="verdict-head">
        <div className="verdict-main">
          <Icon className="verdict-icon" aria-hidden />
          <div>
            <div className="verdict-text" id={headingId} data-testid={`${testId}-text`}>
              {pick(verdictText(summary))}
            </div>
            <div className="verdict-explanation" data-testid={`${testId}-explanation`}>
              {pick(verdictExplanation(summary))}
            </div>
          </div>
        </div>
        {note && (
          <div className="verdict-round" data-testid={`${testId}-round`}>
            <InfoCircleOutlined aria-hidden className="verdict-round-icon" />
            <span>{pick(note)}</span>
          </div>
        )}
      </div>
      {showList && (summary.failing.length > 0 || summary.toJudge.length > 0) && (
        <div className="verdict-lists">
          <VerdictList
            findings={summary.failing}
            heading={t('verdict_failing', { n: summary.failing.length })}
            kind="fail"
          />
          <VerdictList
            findings={summary.toJudge}
            heading={t('verdict_toJudge', { n: summary.toJudge.length })}
            kind="review"
          />
        </div>
      )}
    </section>
  );
}

function VerdictList({
  findings,
  heading,
  kind,
}: {
  findings: readonly Finding[];
  heading: string;
  kind: 'fail' | 'review';
}) {
  const { t, pick } = useT();
  const { follow } = useEligibility();
  if (findings.length === 0) return null;
  return (
    <div className="verdict-list-block" data-testid={`verdict-${kind === 'fail' ? 'failing' : 'to-judge'}`}>
      <Typography.Text strong className={`verdict-list-heading verdict-list-heading-${kind}`}>
        {heading}
      </Typography.Text>
      <ol className="verdict-list">
        {findings.map((f) => {
          const target = f.fix ? screenOfFix(f.fix) : null;
          return (
            <li key={f.id} data-testid={`verdict-item-${f.id}`} data-status={f.status}>
              <span className="verdict-item-title">{pick(f.title)}</span>
              {/* What it is about (which paper, which year): two findings of one rule read apart. */}
              {f.evidence.length > 0 && (
                <span className="verdict-item-evidence">
                  {t('verdict_evidence', { what: f.evidence.map((e) => pick(e.label)).join(t('listSep')) })}
                </span>
              )}
              <span className="verdict-item-message">{pick(f.message)}</span>
              {f.fix && target && (
                <Button
                  type="link"
                  size="small"
                  className="verdict-fix"
                  data-testid={`verdict-fix-${f.id}`}
                  onClick={() => f.fix && follow(f.fix)}
                >
                  {t('findingFix', { screen: t(`nav_${target}` as TextKey) })}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
