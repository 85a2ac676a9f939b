// The workspace's signing key as its data screen shows it (the unit's 单位信息, the desk's 审查机构信息): read
// with keys:status, then the KeyCard (make, details, backup); a failure to read is said with a retry.
import { Button, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, KeyStatus } from '../../../shared/api/contract.js';
import { call } from '../api.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { KeyCard, type KeyHolder } from './KeyCard.js';
import './package.css';

type KeyState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; status: KeyStatus };

export function WorkspaceKeyCard({ holder }: { holder: KeyHolder }) {
  const { t, pick } = useT();
  const [key, setKey] = useState<KeyState>({ kind: 'loading' });
  const loadKey = useCallback(async () => {
    setKey({ kind: 'loading' });
    try {
      setKey({ kind: 'ready', status: await call('keys:status', {}) });
    } catch (e) {
      setKey({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void loadKey(), [loadKey]);

  if (key.kind === 'loading') {
    return (
      <div className="pkg-loading">
        <Spin description={t('loading')} />
      </div>
    );
  }
  if (key.kind === 'failed') {
    return (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={pick(key.error.message)}
        extra={<Button onClick={() => void loadKey()}>{t('tryAgain')}</Button>}
      />
    );
  }
  return <KeyCard holder={holder} status={key.status} onChange={(status) => setKey({ kind: 'ready', status })} />;
}
