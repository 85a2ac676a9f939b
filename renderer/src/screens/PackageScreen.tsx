// 申报包 (issue 6): the signing key (made once; its fingerprint printed on F-1 and the pledge), the export
// of the signed package (the check, written reasons for overridden warnings, a job with progress and 取消,
// the result with its fingerprint and download), and every package this workspace wrote or took in.
import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApiError, KeyStatus } from '../../../shared/api/contract.js';
import { call } from '../api.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useT } from '../i18n.js';
import { asApiError } from '../jobs/tracker.js';
import { ExportCard } from '../package/ExportCard.js';
import { KeyCard } from '../package/KeyCard.js';
import '../package/package.css';
import { PackageList } from '../package/PackageList.js';
import '../forms/forms.css';

type KeyState = { kind: 'loading' } | { kind: 'failed'; error: ApiError } | { kind: 'ready'; status: KeyStatus };

export function PackageScreen({ applicantId }: { applicantId: string }) {
  const { t, pick } = useT();
  const [key, setKey] = useState<KeyState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);

  const load = useCallback(async () => {
    setKey({ kind: 'loading' });
    try {
      setKey({ kind: 'ready', status: await call('keys:status', {}) });
    } catch (e) {
      setKey({ kind: 'failed', error: asApiError(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);
  const onExported = useCallback(() => setGeneration((n) => n + 1), []);

  let body;
  if (key.kind === 'loading') {
    body = (
      <div className="center-fill">
        <Spin description={t('loading')} />
      </div>
    );
  } else if (key.kind === 'failed') {
    body = (
      <Result
        status="error"
        title={t('loadFailed')}
        subTitle={pick(key.error.message)}
        extra={<Button onClick={() => void load()}>{t('tryAgain')}</Button>}
      />
    );
  } else {
    body = (
      <Space orientation="vertical" size={16} className="pkg-stack">
        <KeyCard status={key.status} onChange={(status) => setKey({ kind: 'ready', status })} />
        <ExportCard applicantId={applicantId} keyStatus={key.status} onExported={onExported} />
        <Card
          className="pkg-card"
          title={
            <span className="pkg-card-title">
              <InboxOutlined aria-hidden /> {t('pkg_listHeading')}
            </span>
          }
        >
          <PackageList generation={generation} applicantId={applicantId} />
        </Card>
      </Space>
    );
  }
  return <ScreenFrame screen="package">{body}</ScreenFrame>;
}
