// The header's save indicator: 已保存 · time, 保存中…, or 保存失败 with a retry. A failure is an alert; 已保存
// is told politely (issue 20) once after the first save and again after a failure mends, not at every keystroke:
// "saving" flickers with each one and the time changes with each save, so neither is in the live region.
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../i18n.js';
import type { SaveState } from '../saveQueue.js';

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t, pick } = useT();
  // The live region's text: unchanged while saving, so that a save after a save says nothing new.
  const [told, setTold] = useState('');
  const tell = state.kind === 'error' ? '' : state.kind === 'saved' && state.at ? t('saveSaved') : told;
  if (tell !== told) setTold(tell);

  let shown;
  if (state.kind === 'error') {
    shown = (
      <Space size={8} className="save-status save-status-error">
        <Typography.Text type="danger" role="alert" data-testid="save-status" data-state="error">
          <ExclamationCircleOutlined /> {t('saveFailed', { detail: pick(state.error.message) })}
        </Typography.Text>
        <Button size="small" onClick={onRetry} data-testid="save-retry">
          {t('saveRetry')}
        </Button>
      </Space>
    );
  } else {
    shown = (
      <Typography.Text type="secondary" className="save-status" data-testid="save-status" data-state={state.kind}>
        {state.kind === 'saving' ? (
          <>
            <LoadingOutlined /> {t('saveSaving')}
          </>
        ) : (
          <>
            <CheckCircleOutlined className="save-ok" /> {t('saveSaved')}
            {state.at && ` · ${dayjs(state.at).format('HH:mm:ss')}`}
          </>
        )}
      </Typography.Text>
    );
  }
  return (
    <>
      {shown}
      {/* Mounted whatever the state, as a live region must be before its text changes. */}
      <span role="status" className="sr-only" data-testid="save-status-live">
        {tell}
      </span>
    </>
  );
}
