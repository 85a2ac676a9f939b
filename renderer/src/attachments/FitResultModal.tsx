// The result of fitting a file to the upload profile or cropping the ID photo: size and pixels
// before and after, a preview of the new version to check the text is still legible, the advice when it
// could not be fitted, and a way back (the fitted version is deleted, the original shows again).
import { Alert, Button, Descriptions, Modal } from 'antd';
import type { FitResult } from '../../../shared/attachments/schema.js';
import { fileUrl } from '../api.js';
import { useT } from '../i18n.js';
import { formatBytes } from './linkText.js';

const size = (s: FitResult['before']) =>
  [formatBytes(s.bytes), s.width && s.height ? `${s.width}×${s.height}` : null].filter(Boolean).join(' · ');

export function FitResultModal({
  result,
  onClose,
  onUndo,
}: {
  result: FitResult | null;
  onClose: () => void;
  onUndo: () => void;
}) {
  const { t, pick } = useT();
  if (!result) return null;
  const isImage = result.attachment.mediaType !== 'application/pdf';
  return (
    <Modal
      open
      title={t('att_fitTitle')}
      onCancel={onClose}
      footer={[
        result.isChanged && (
          <Button key="undo" onClick={onUndo} data-testid="fit-undo">
            {t('att_fitUndo')}
          </Button>
        ),
        <Button key="ok" type="primary" onClick={onClose} data-testid="fit-keep">
          {t('att_fitKeep')}
        </Button>,
      ]}
      data-testid="fit-result"
    >
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('att_fitBefore')}>{size(result.before)}</Descriptions.Item>
        <Descriptions.Item label={t('att_fitAfter')}>
          <span data-testid="fit-after">{size(result.after)}</span>
        </Descriptions.Item>
      </Descriptions>
      {!result.isChanged && !result.advice && <Alert type="success" title={t('att_fitNothing')} className="fit-note" />}
      {result.advice && <Alert type="warning" title={pick(result.advice)} className="fit-note" />}
      {result.isChanged && isImage && (
        <div className="fit-preview">
          <img src={fileUrl(result.attachment.sha256)} alt={t('att_fitPreview')} />
        </div>
      )}
    </Modal>
  );
}
