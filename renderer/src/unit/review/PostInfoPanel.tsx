// F-4 for a public institution (N-14, M-12) before the batch: whether the unit's 岗位信息表 is saved and
// adds up (postInfo:get problems), a way to it, and 从已通过的申报人填入 — the recommended people drawn from
// the accepted applicants (unit:recommendedPeople) and merged into the saved list as 岗位信息表 merges them
// (mergeRecommended: nobody removed, nothing entered overwritten), shown first and saved (postInfo:set)
// only once the officer confirms.
import { FormOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Issue } from '../../../../shared/api/contract.js';
import { mergeRecommended, type PostInfo } from '../../../../shared/forms/postInfo.js';
import { call } from '../../api.js';
import { useT } from '../../i18n.js';
import { asApiError } from '../../jobs/tracker.js';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'ready'; postInfo: PostInfo; problems: Issue[]; saved: boolean };

export interface PostInfoPanelProps {
  onOpenPostInfo?: (() => void) | undefined;
  /** The F-4 state changed (the batch waits for a saved F-4 without problems). */
  onState: (ok: boolean) => void;
}

export function PostInfoPanel({ onOpenPostInfo, onState }: PostInfoPanelProps) {
  const { t, pick } = useT();
  const { modal } = App.useApp();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [isFilling, setFilling] = useState(false);
  const [fillError, setFillError] = useState<ApiError | null>(null);
  const [filled, setFilled] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      const value = await call('postInfo:get', {});
      setState({ kind: 'ready', ...value });
    } catch (e) {
      setState({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const ok = state.kind === 'ready' && state.saved && state.problems.length === 0;
  useEffect(() => onState(ok), [ok, onState]);

  const fill = async () => {
    setFilling(true);
    setFillError(null);
    setFilled(null);
    try {
      const { postInfo: drawn } = await call('unit:recommendedPeople', {});
      const names = drawn.recommended.map((p) => p.name || '—');
      // The saved figures (as read last; unread, the core's: unit:recommendedPeople gives them with its list).
      const held = state.kind === 'ready' ? state.postInfo : { ...drawn, recommended: [] };
      const before = state.kind === 'ready' ? state.postInfo.recommended.length : 0;
      const merged = mergeRecommended(held, drawn.recommended);
      const postInfo: PostInfo = {
        ...held,
        recommended: [...merged.kept, ...merged.added],
        recommendedCount: merged.recommendedCount,
      };
      const confirmed = await modal.confirm({
        title: t('uw_f4FillTitle', { n: names.length }),
        content: (
          <div data-testid="uw-f4-fill-confirm">
            <Typography.Paragraph>{t('uw_f4FillText', { before })}</Typography.Paragraph>
            <Typography.Paragraph strong>{names.join(t('listSep')) || t('uw_f4FillNobody')}</Typography.Paragraph>
          </div>
        ),
        okText: t('uw_f4FillOk'),
        cancelText: t('cancel'),
      });
      if (!confirmed) return;
      // Everyone is on the list already, as entered: nothing to save.
      if (merged.added.length === 0 && merged.completed.length === 0) return setFilled(postInfo.recommended.length);
      const saved = await call('postInfo:set', { postInfo });
      setState({ kind: 'ready', postInfo: saved.postInfo, problems: saved.problems, saved: true });
      setFilled(saved.postInfo.recommended.length);
    } catch (e) {
      setFillError(asApiError(e));
    } finally {
      setFilling(false);
    }
  };

  let body;
  if (state.kind === 'loading') body = <Spin size="small" />;
  else if (state.kind === 'failed') body = <Alert type="error" showIcon title={pick(state.error.message)} />;
  else if (!state.saved)
    body = <Alert type="warning" showIcon title={t('uw_f4NotSaved')} data-testid="uw-f4-state" data-ok="false" />;
  else if (state.problems.length > 0)
    body = (
      <Alert
        type="error"
        showIcon
        title={t('uw_f4Problems', { n: state.problems.length })}
        description={
          <ul className="uw-issue-list">
            {state.problems.map((p) => (
              <li key={`${p.path}:${p.message.en}`}>{pick(p.message)}</li>
            ))}
          </ul>
        }
        data-testid="uw-f4-state"
        data-ok="false"
      />
    );
  else
    body = (
      <Alert
        type="success"
        showIcon
        title={t('uw_f4Ok', { n: state.postInfo.recommended.length })}
        data-testid="uw-f4-state"
        data-ok="true"
      />
    );

  return (
    <Card
      size="small"
      className="uw-f4"
      data-testid="uw-f4"
      title={
        <span className="uw-card-title">
          <FormOutlined aria-hidden /> {t('uw_f4Heading')}
        </span>
      }
    >
      <Typography.Paragraph type="secondary">{t('uw_f4Text')}</Typography.Paragraph>
      {body}
      <Space wrap className="uw-f4-actions">
        {onOpenPostInfo && (
          <Button icon={<FormOutlined />} onClick={onOpenPostInfo} data-testid="uw-f4-open">
            {t('uw_f4Open')}
          </Button>
        )}
        <Button icon={<TeamOutlined />} loading={isFilling} onClick={() => void fill()} data-testid="uw-f4-fill">
          {t('uw_f4Fill')}
        </Button>
        {filled !== null && (
          <Typography.Text type="success" role="status" data-testid="uw-f4-filled">
            {t('uw_f4Filled', { n: filled })}
          </Typography.Text>
        )}
      </Space>
      {fillError && (
        <Typography.Text type="danger" role="alert" className="uw-inline-error">
          {pick(fillError.message)}
        </Typography.Text>
      )}
    </Card>
  );
}
