// 导入导出: export the archive as its JSON document (a file download), and delete the whole archive after
// two confirmations. Import lives on the welcome screen: it needs an empty workspace.
import { DeleteOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api.js';
import { downloadText } from '../download.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import { errorText } from '../errors.js';
import { useT } from '../i18n.js';

export function ImportExportScreen({ applicantId, onDeleted }: { applicantId: string; onDeleted: () => void }) {
  const { t, lang } = useT();
  const { archive, ops } = useEditor();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [step, setStep] = useState<0 | 1 | 2>(0);
  const [deleting, setDeleting] = useState(false);

  const exportJson = async () => {
    setExporting(true);
    try {
      // The export is read from the database: send what is still being typed first.
      await ops.drain();
      const { fileName, json } = await call('archive:exportJson', { applicantId });
      downloadText(fileName, json);
      void message.success(t('exportDone', { file: fileName }));
    } catch (e) {
      void message.error(t('exportFailed', { detail: errorText(e, lang) }));
    } finally {
      setExporting(false);
    }
  };

  const deleteArchive = async () => {
    setDeleting(true);
    try {
      await ops.drain();
      await call('archive:delete', { applicantId });
      setStep(0);
      onDeleted();
    } catch (e) {
      void message.error(t('deleteFailed', { detail: errorText(e, lang) }));
      setDeleting(false);
    }
  };

  const name = archive.profile.name.trim() || t('untitled');
  return (
    <ScreenFrame screen="io">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('exportHeading')}>
          <Typography.Paragraph>{t('exportText')}</Typography.Paragraph>
          <Button
            type="primary"
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={exportJson}
            data-testid="export-json"
          >
            {t('exportButton')}
          </Button>
        </Card>
        <Card title={t('deleteHeading')} className="danger-card">
          <Typography.Paragraph>{t('deleteText')}</Typography.Paragraph>
          <Button danger icon={<DeleteOutlined />} onClick={() => setStep(1)} data-testid="delete-archive">
            {t('deleteButton')}
          </Button>
        </Card>
      </Space>

      <Modal
        open={step === 1}
        title={t('deleteConfirm1Title')}
        onCancel={() => setStep(0)}
        footer={[
          <Button key="cancel" onClick={() => setStep(0)}>
            {t('cancel')}
          </Button>,
          <Button key="ok" danger onClick={() => setStep(2)} data-testid="delete-archive-continue">
            {t('deleteConfirm1Ok')}
          </Button>,
        ]}
      >
        <p>{t('deleteConfirm1Text')}</p>
      </Modal>
      <Modal
        open={step === 2}
        title={t('deleteConfirm2Title')}
        onCancel={() => setStep(0)}
        footer={[
          <Button key="cancel" onClick={() => setStep(0)} autoFocus>
            {t('cancel')}
          </Button>,
          <Button
            key="ok"
            type="primary"
            danger
            loading={deleting}
            onClick={deleteArchive}
            data-testid="delete-archive-confirm"
          >
            {t('deleteConfirm2Ok')}
          </Button>,
        ]}
      >
        <p>{t('deleteConfirm2Text', { name })}</p>
      </Modal>
    </ScreenFrame>
  );
}
