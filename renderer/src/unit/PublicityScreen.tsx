// 公示 (issue 7, 6; N-8, M-3): a new publicity — the applicants and the start date, the end date on the
// state calendar — and the publicities so far, newest first, each with its members' outcomes (无异议 /
// 有异议 with a note) and its PDFs (the notice and each member's M-3 confirmation). A publicity edited,
// deleted or cancelled (issue 19) reads the table again: the applicants' states follow, and those freed
// can be chosen in the planner at once.
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import type { Publicity, UnitApplicantRow } from '../../../shared/unit/schema.js';
import { call } from '../api.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { PublicityCard } from './review/PublicityCard.js';
import { PublicityPlanner } from './review/PublicityPlanner.js';
import { WorkFrame } from './review/WorkFrame.js';

export interface PublicityScreenProps {
  /** Opens one applicant's review (from the table or elsewhere). */
  onOpenApplicant?: (applicantId: string) => void;
  applicantId?: string | null;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; rows: UnitApplicantRow[]; publicities: Publicity[] };

export function PublicityScreen({ onOpenApplicant }: PublicityScreenProps) {
  const { t, pick } = useT();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  // Bumped after a publicity is created: the planner starts afresh from the new table.
  const [round, setRound] = useState(0);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setLoaded({ kind: 'loading' });
    try {
      const [{ rows }, { publicities }] = await Promise.all([
        call('unit:applicants', {}),
        call('unit:publicities', {}),
      ]);
      setLoaded({ kind: 'ready', rows, publicities });
    } catch (e) {
      setLoaded({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const replace = (next: Publicity) => {
    setLoaded((s) =>
      s.kind === 'ready' ? { ...s, publicities: s.publicities.map((p) => (p.id === next.id ? next : p)) } : s,
    );
    // The table's publicity column follows the recorded outcome (or the edit, or the cancellation).
    void load(true);
  };
  const removed = (id: string) => {
    setLoaded((s) => (s.kind === 'ready' ? { ...s, publicities: s.publicities.filter((p) => p.id !== id) } : s));
    void load(true);
  };

  let body;
  if (loaded.kind === 'loading') {
    body = (
      <div className="center-fill uw-loading">
        <Spin description={t('loading')} />
      </div>
    );
  } else if (loaded.kind === 'failed') {
    body = (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={pick(loaded.error.message)}
        extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    body = (
      <>
        <PublicityPlanner
          key={round}
          rows={loaded.rows}
          onSaved={() => {
            setRound((n) => n + 1);
            void load(true);
          }}
        />
        <section className="uw-pub-list" aria-labelledby="uw-pub-list-heading">
          <Typography.Title level={2} id="uw-pub-list-heading" className="uw-subheading">
            {t('uw_pubListHeading')}
          </Typography.Title>
          {loaded.publicities.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('uw_pubListEmpty')} data-testid="uw-pub-empty" />
          ) : (
            loaded.publicities.map((p) => (
              <PublicityCard
                key={p.id}
                publicity={p}
                rows={loaded.rows}
                onChanged={replace}
                onDeleted={removed}
                onOpenApplicant={onOpenApplicant}
              />
            ))
          )}
        </section>
      </>
    );
  }

  return (
    <WorkFrame
      id="uw-publicity"
      title={t('uw_publicityTitle')}
      intro={t('uw_publicityIntro')}
      tools={
        <Button icon={<ReloadOutlined />} onClick={() => void load(true)} data-testid="uw-pub-reload">
          {t('uw_refresh')}
        </Button>
      }
    >
      {body}
    </WorkFrame>
  );
}
