// 提交纸质件 (issue 19): a required scan the applicant hands in on paper instead, with the written reason the
// archive asks for (shared/archive/schema.ts PaperCopy: at least MIN_WRITTEN_REASON characters once trimmed).
// A reason that is empty or too short is refused beside the field and nothing is saved.
import { Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { MIN_WRITTEN_REASON } from '../../../shared/archive/schema.js';
import type { MaterialItem } from '../../../shared/materials/requirements.js';
import { LabelledField } from '../components/LabelledField.js';
import { useT } from '../i18n.js';

export interface PaperCopyModalProps {
  /** The item being marked (or whose reason is changed): mounted per item, so each opens with its own text. */
  item: MaterialItem;
  onClose: () => void;
  onSave: (item: MaterialItem, reason: string) => void;
}

export function PaperCopyModal({ item, onClose, onSave }: PaperCopyModalProps) {
  const { t, pick } = useT();
  const [reason, setReason] = useState(item.paperReason ?? '');
  const [error, setError] = useState<string | null>(null);
  const length = reason.trim().length;
  const submit = () => {
    if (length < MIN_WRITTEN_REASON) {
      setError(t(length === 0 ? 'mat_paperReasonEmpty' : 'mat_paperReasonShort', { min: MIN_WRITTEN_REASON }));
      document.getElementById('paper-reason')?.focus();
      return;
    }
    onSave(item, reason.trim());
  };
  return (
    <Modal
      open
      title={t('mat_paperTitle')}
      onOk={submit}
      onCancel={onClose}
      okText={t('mat_paperSave')}
      okButtonProps={{ 'data-testid': 'paper-save' } satisfies ButtonProps}
      cancelText={t('cancel')}
    >
      <Form layout="vertical" component={false}>
        <Typography.Paragraph>{t('mat_paperText', { item: pick(item.label) })}</Typography.Paragraph>
        <LabelledField
          id="paper-reason"
          label={t('mat_paperReason')}
          required
          error={error}
          hint={t('mat_paperCount', { n: length, min: MIN_WRITTEN_REASON })}
        >
          {(control) => (
            <Input.TextArea
              {...control}
              rows={3}
              maxLength={2000}
              value={reason}
              autoFocus
              placeholder={t('mat_paperPlaceholder')}
              onChange={(e) => {
                setReason(e.target.value);
                setError(null);
              }}
              data-testid="paper-reason"
            />
          )}
        </LabelledField>
      </Form>
    </Modal>
  );
}
