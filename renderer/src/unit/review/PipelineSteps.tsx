// Where the applicant stands, in one line of steps (issue 19; shared/unit/pipeline.ts): 待审核 → 审核中 →
// 退回补正 ⇄ 已更正 → 审核通过 → 公示中 → 公示无异议 → 已加签 → 已报送, the current one marked for the eye
// and for a screen reader (aria-current="step"), and what the next step needs. An ordered list that wraps
// rather than a fixed-width widget: it stays whole at 150 % zoom on a 1366×768 laptop.
import { Typography } from 'antd';
import {
  NEXT_STEP,
  PIPELINE_LINE,
  STAGE_LABELS,
  stageStep,
  type PipelineStage,
} from '../../../../shared/unit/pipeline.js';
import { useT } from '../../i18n.js';

export function PipelineSteps({ stage }: { stage: PipelineStage }) {
  const { t, pick } = useT();
  const current = stageStep(stage);
  return (
    <nav className="uw-pipeline" aria-label={t('uw_stageLabel')} data-testid="uw-pipeline" data-stage={stage}>
      <ol className="uw-pipeline-steps">
        {PIPELINE_LINE.map((stages, i) => {
          // A shared place (退回补正 ⇄ 已更正, 公示中 / 公示有异议) shows the one the applicant is at.
          const shown = stages.includes(stage) ? stage : stages[0]!;
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li
              key={shown}
              className={`uw-pipeline-step uw-pipeline-${state}${shown === 'objection' ? ' uw-pipeline-objection' : ''}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              {pick(STAGE_LABELS[shown])}
            </li>
          );
        })}
      </ol>
      <Typography.Paragraph className="uw-pipeline-next" data-testid="uw-next-step">
        {t('uw_nextStep', { text: pick(NEXT_STEP[stage]) })}
      </Typography.Paragraph>
    </nav>
  );
}
