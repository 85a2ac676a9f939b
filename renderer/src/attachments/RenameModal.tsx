// Rename an attachment (the name it is shown and exported under; no path separators, FileName in schema.ts).
import { Input, Modal } from 'antd';
import { useState } from 'react';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import { useT } from '../i18n.js';

export function RenameModal({
  attachment,
  onClose,
  onRename,
}: {
  attachment: AttachmentView | null;
  onClose: () => void;
  onRename: (name: string) => Promise<void>;
}) {
  const { t } = useT();
  const [name, setName] = useState(attachment?.fileName ?? '');
  const [isSaving, setSaving] = useState(false);
  const trimmed = name.trim();
  const isValid = trimmed.length > 0 && trimmed.length <= 255 && !/[\\/\p{Cc}]/u.test(trimmed);
  const submit = async () => {
    if (!isValid) return;
    setSaving(true);
    try {
      await onRename(trimmed);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={attachment !== null}
      title={t('att_rename')}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: !isValid }}
      confirmLoading={isSaving}
      cancelText={t('cancel')}
    >
      <label htmlFor="rename-input" className="sr-only">
        {t('att_newName')}
      </label>
      <Input
        id="rename-input"
        value={name}
        onChange={(e) => setName(e.target.value)}
        onPressEnter={submit}
        maxLength={255}
        status={isValid ? undefined : 'error'}
        autoFocus
        data-testid="rename-input"
      />
    </Modal>
  );
}
