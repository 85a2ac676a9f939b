// What the unit passed on with the applicant (level 2, read-only): its opinion and comments (N-10), the
// publicity at the unit (N-8) and F-4 for a public institution (N-14); and the applicant's audit trail at
// this desk — when, what (a status move from → to), why.
import { Card, Descriptions, Empty, Tag, Timeline, Typography } from 'antd';
import type { OutputOf } from '../../../../shared/api/contract.js';
import { DESK_STATUS_LABELS, DESK_STATUSES, type DeskStatus } from '../../../../shared/desk/pipeline.js';
import { DESK_AUDIT_LABELS } from '../../../../shared/desk/review.js';
import { useT } from '../../i18n.js';

type DeskReview = OutputOf<'desk:review'>;

export function UnitEvidence({ review }: { review: DeskReview }) {
  const { t } = useT();
  const { unitReview, publicity, postInfo } = review;
  return (
    <Card size="small" className="dr-unit" data-testid="dr-unit">
      <Typography.Title level={2} className="uw-subheading">
        {t('dr_unitHeading')}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'opinion',
            label: t('dr_unitOpinion'),
            children: <span data-testid="dr-unit-opinion">{unitReview?.opinion || '—'}</span>,
          },
          { key: 'on', label: t('dr_unitReviewedOn'), children: unitReview?.reviewedOn ?? '—' },
          {
            key: 'comments',
            label: t('dr_unitComments'),
            children:
              unitReview && unitReview.comments.length > 0 ? (
                <ul className="dr-plain-list">
                  {unitReview.comments.map((c) => (
                    <li key={c.id}>
                      <span className="material-id">{c.material}</span> {c.text}
                    </li>
                  ))}
                </ul>
              ) : (
                t('dr_none')
              ),
          },
          {
            key: 'publicity',
            label: t('dr_publicity'),
            children: publicity ? (
              <span data-testid="dr-publicity">
                {t('dr_publicityPeriod', {
                  start: publicity.startDate,
                  end: publicity.endDate,
                  days: publicity.workingDays,
                })}{' '}
                <Tag color={publicity.outcome === 'no_objection' ? 'success' : 'error'}>
                  {t(publicity.outcome === 'no_objection' ? 'dr_publicityNoObjection' : 'dr_publicityObjection')}
                </Tag>
              </span>
            ) : (
              t('dr_publicityMissing')
            ),
          },
          {
            key: 'f4',
            label: t('dr_postInfo'),
            children: postInfo ? t('dr_postInfoHeld') : t('dr_postInfoNone'),
          },
        ]}
      />
    </Card>
  );
}

const isStatus = (v: unknown): v is DeskStatus => DESK_STATUSES.includes(v as DeskStatus);

export function DeskTrail({ audit }: { audit: DeskReview['audit'] }) {
  const { t, pick } = useT();
  return (
    <section className="dr-trail" aria-labelledby="dr-trail-heading" data-testid="dr-trail">
      <Typography.Title level={2} id="dr-trail-heading" className="uw-subheading">
        {t('dr_trailHeading')}
      </Typography.Title>
      {audit.length === 0 ? (
        <Empty description={t('dr_trailEmpty')} />
      ) : (
        <Timeline
          items={[...audit].reverse().map((e) => {
            const { from, to } = e.detail as { from?: unknown; to?: unknown };
            const action = DESK_AUDIT_LABELS[e.action];
            return {
              key: e.seq,
              children: (
                <div data-testid="dr-trail-event" data-action={e.action}>
                  <Typography.Text type="secondary">{new Date(e.at).toLocaleString()}</Typography.Text>{' '}
                  <Typography.Text strong>{action ? pick(action) : e.action}</Typography.Text>
                  {isStatus(from) && isStatus(to) && (
                    <>
                      {' '}
                      {t('dr_trailMove', {
                        from: pick(DESK_STATUS_LABELS[from]),
                        to: pick(DESK_STATUS_LABELS[to]),
                      })}
                    </>
                  )}
                  {e.revision !== null && (
                    <Typography.Text type="secondary"> · {t('dr_trailRevision', { n: e.revision })}</Typography.Text>
                  )}
                  {e.reason && <div className="dr-trail-reason">{e.reason}</div>}
                </div>
              ),
            };
          })}
        />
      )}
    </section>
  );
}
