// The header's save indicator: 已保存 · time, 保存中…, or 保存失败 with a retry. Only failures are
// announced to screen readers; "saving" flickers with every keystroke and would be noise.
import { CheckCircleOutlined, ExclamationCircleOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n.js';
import type { SaveState } from '../saveQueue.js';

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t, pick } = useT();
  if (state.kind === 'error') {
    return (
      <Space size={8} className="save-status save-status-error">
        <Typography.Text type="danger" role="alert" data-testid="save-status" data-state="error">
          <ExclamationCircleOutlined /> {t('saveFailed', { detail: pick(state.error.message) })}
        </Typography.Text>
        <Button size="small" onClick={onRetry} data-testid="save-retry">
          {t('saveRetry')}
        </Button>
      </Space>
    );
  }
  const saving = state.kind === 'saving';
  return (
    <Typography.Text type="secondary" className="save-status" data-testid="save-status" data-state={state.kind}>
      {saving ? (
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
