// Where files are added: drop them anywhere on the zone, or press the button for the file picker.
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { useT } from '../i18n.js';
import { FilePicker, type FilePickerHandle } from './FilePicker.js';

export interface DropZoneProps {
  onFiles: (files: File[]) => void;
  disabled: boolean;
  /** Another use than adding attachments (a package to verify): its own wording, types and test ids. */
  title?: string;
  hint?: string;
  pickLabel?: string;
  accept?: string;
  multiple?: boolean;
  testId?: string;
}

export function DropZone({
  onFiles,
  disabled,
  title,
  hint,
  pickLabel,
  accept,
  multiple = true,
  testId = 'attachments',
}: DropZoneProps) {
  const { t } = useT();
  const picker = useRef<FilePickerHandle>(null);
  const [isOver, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = [...e.dataTransfer.files];
    const files = multiple ? dropped : dropped.slice(0, 1);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className={`drop-zone${isOver ? ' drop-zone-over' : ''}`}
      data-testid={`${testId}-drop`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <InboxOutlined className="drop-zone-icon" aria-hidden />
      <Typography.Text strong>{title ?? t('att_dropTitle')}</Typography.Text>
      <Typography.Text type="secondary">{hint ?? t('att_dropHint')}</Typography.Text>
      <Button
        type="primary"
        icon={<UploadOutlined />}
        disabled={disabled}
        onClick={() => picker.current?.open()}
        data-testid={`${testId}-pick`}
      >
        {pickLabel ?? t('att_pick')}
      </Button>
      <FilePicker
        ref={picker}
        onFiles={onFiles}
        testId={`${testId}-input`}
        {...(accept ? { accept } : {})}
        multiple={multiple}
      />
    </div>
  );
}
