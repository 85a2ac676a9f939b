// 存储校验: every stored file re-hashed against its name (store:verify); damage named by file.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useState } from 'react';
import type { VerifyReport } from '../../../shared/attachments/schema.js';
import { call } from '../api.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';
import { formatBytes } from './linkText.js';

export function VerifyPanel() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [isRunning, setRunning] = useState(false);

  const verify = async () => {
    setRunning(true);
    try {
      setReport(await call('store:verify', {}));
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
    } finally {
      setRunning(false);
    }
  };

  const names = (list: VerifyReport['missing']) =>
    list
      .map((d) => d.attachments.map((a) => a.fileName).join(t('listSep')) || d.sha256.slice(0, 12))
      .join(t('clauseSep'));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<SafetyCertificateOutlined />} loading={isRunning} onClick={verify} data-testid="store-verify">
        {t('att_verify')}
      </Button>
      {report && (
        <Alert
          type={report.isOk ? 'success' : 'error'}
          showIcon
          data-testid="verify-result"
          title={
            report.isOk
              ? t('att_verifyOk', { n: report.checkedFiles, size: formatBytes(report.checkedBytes) })
              : t('att_verifyBad', { missing: report.missing.length, damaged: report.damaged.length })
          }
          description={
            <>
              {report.missing.length > 0 && <div>{t('att_verifyMissing', { names: names(report.missing) })}</div>}
              {report.damaged.length > 0 && <div>{t('att_verifyDamaged', { names: names(report.damaged) })}</div>}
              {report.unreferenced.length > 0 && (
                <div>{t('att_verifyUnreferenced', { n: report.unreferenced.length })}</div>
              )}
            </>
          }
        />
      )}
    </Space>
  );
}
