// 岗位信息表 (F-4; N-14, M-12) in the unit's workspace: the applicant's editor screen, reused as it is (the
// figures are kept per workspace, postInfo:get / postInfo:set), fed the unit's profile as its archive
// (UnitContexts). Below it, what only a unit can do: draw the recommended people from the applicants it
// accepted (unit:recommendedPeople), saved after the officer confirms the list.
import { TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { call } from '../api.js';
import type { LeaveGuard } from '../eligibility/context.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { PostInfoScreen } from '../screens/PostInfoScreen.js';

export interface UnitPostInfoProps {
  /** The guard the reused screen registered (unsaved edits), asked before its draft is replaced. */
  leaveGuard: () => LeaveGuard | null;
}

export function UnitPostInfo({ leaveGuard }: UnitPostInfoProps) {
  const { t, pick } = useT();
  const { modal } = App.useApp();
  // Bumped to read the saved figures afresh after the recommended people were replaced.
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<number | null>(null);

  const draw = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const { postInfo } = await call('unit:recommendedPeople', {});
      const names = postInfo.recommended.map((p) => p.name).join(t('listSep'));
      const ok = await modal.confirm({
        title: t('unit_postDrawTitle', { n: postInfo.recommended.length }),
        content: postInfo.recommended.length > 0 ? names : t('unit_postDrawNone'),
        okText: t('unit_postDrawOk'),
        cancelText: t('cancel'),
      });
      if (!ok) return;
      await call('postInfo:set', { postInfo });
      setGeneration((n) => n + 1);
      setDone(postInfo.recommended.length);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  // Unsaved figures on the screen above are saved or discarded first (its own dialog asks).
  const start = () => {
    const guard = leaveGuard();
    if (guard?.(() => void draw())) return;
    void draw();
  };

  return (
    <div className="unit-post">
      <PostInfoScreen key={generation} />
      <Card
        className="pkg-card unit-post-draw"
        data-testid="unit-post-draw"
        title={
          <span className="pkg-card-title">
            <TeamOutlined aria-hidden /> {t('unit_postDrawHeading')}
          </span>
        }
      >
        <Typography.Paragraph type="secondary">{t('unit_postDrawText')}</Typography.Paragraph>
        <Button icon={<TeamOutlined />} loading={busy} onClick={start} data-testid="unit-post-draw-start">
          {t('unit_postDraw')}
        </Button>
        <div aria-live="polite">
          {error && (
            <Alert type="error" showIcon role="alert" className="pkg-inline-alert" title={pick(error.message)} />
          )}
          {done !== null && (
            <Alert
              type="success"
              showIcon
              className="pkg-inline-alert"
              data-testid="unit-post-drawn"
              title={t('unit_postDrawn', { n: done })}
            />
          )}
        </div>
      </Card>
    </div>
  );
}
