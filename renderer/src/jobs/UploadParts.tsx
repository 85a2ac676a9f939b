// The pieces a many-files import shows (the unit's 导入申报包, the desk's 接收): the folder picker (a USB
// stick's whole tree, Chromium's and Electron's directory picker) and the upload's progress with 取消 while
// the chosen files are handed to the core, before the job.
import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Progress, Typography } from 'antd';
import { useRef } from 'react';
import { formatBytes } from '../attachments/linkText.js';
import { useT } from '../i18n.js';
import '../forms/forms.css';

export interface FolderPickerProps {
  text: string;
  label: string;
  disabled: boolean;
  /** Test ids `<testId>` (the button) and `<testId>-input`. */
  testId: string;
  onFiles: (files: File[]) => void;
}

export function FolderPicker({ text, label, disabled, testId, onFiles }: FolderPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="unit-import-folder">
      <Typography.Text type="secondary">{text}</Typography.Text>
      <Button
        icon={<FolderOpenOutlined />}
        disabled={disabled}
        onClick={() => input.current?.click()}
        data-testid={testId}
      >
        {label}
      </Button>
      <input
        ref={(el) => {
          input.current = el;
          // Not in React's typings: the directory picker (Chromium, Electron) hands over the whole tree.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        multiple
        hidden
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </div>
  );
}

export interface UploadProgressProps {
  label: string;
  /** What is being handed over now (file n of m). */
  line: string;
  loaded: number;
  total: number;
  current: string;
  onCancel: () => void;
  /** Test ids `<testId>` and `<testId>-cancel`. */
  testId: string;
}

export function UploadProgress({ label, line, loaded, total, current, onCancel, testId }: UploadProgressProps) {
  const { t } = useT();
  return (
    <section className="forms-job" aria-label={label} data-testid={testId}>
      <div className="forms-job-line">
        <Typography.Text strong>{line}</Typography.Text>
        <Button danger onClick={onCancel} data-testid={`${testId}-cancel`}>
          {t('cancel')}
        </Button>
      </div>
      <Progress percent={total > 0 ? Math.floor((loaded / total) * 100) : 0} status="active" aria-label={label} />
      <Typography.Text type="secondary" className="unit-import-current">
        {t('unit_importUploadBytes', { name: current, done: formatBytes(loaded), total: formatBytes(total) })}
      </Typography.Text>
    </section>
  );
}
