// Where files are added: drop them anywhere on the zone, or press the button for the file picker.
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useT } from '../i18n.js';
import { FilePicker, type FilePickerHandle } from './FilePicker.js';

export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const { t } = useT();
  const picker = useRef<FilePickerHandle>(null);
  const [isOver, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className={`drop-zone${isOver ? ' drop-zone-over' : ''}`}
      data-testid="attachments-drop"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <InboxOutlined className="drop-zone-icon" aria-hidden />
      <Typography.Text strong>{t('att_dropTitle')}</Typography.Text>
      <Typography.Text type="secondary">{t('att_dropHint')}</Typography.Text>
      <Button
        type="primary"
        icon={<UploadOutlined />}
        disabled={disabled}
        onClick={() => picker.current?.open()}
        data-testid="attachments-pick"
      >
        {t('att_pick')}
      </Button>
      <FilePicker ref={picker} onFiles={onFiles} testId="attachments-input" />
    </div>
  );
}
