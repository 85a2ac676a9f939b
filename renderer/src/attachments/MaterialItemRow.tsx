// One item of a material in the 材料清单: its status, what it is (naming the record), the files that prove
// it, and — when missing — the button that adds a file straight into this slot + record.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  FileTextOutlined,
  MinusCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import type { ItemStatus, MaterialItem } from '../../../shared/materials/requirements.js';
import { useT, type TextKey } from '../i18n.js';

const ICONS: Record<ItemStatus, typeof CheckCircleFilled> = {
  attached: CheckCircleFilled,
  missing: CloseCircleFilled,
  'not-needed': MinusCircleOutlined,
  generated: FileTextOutlined,
};

const STATUS_TEXT: Record<ItemStatus, TextKey> = {
  attached: 'mat_attached',
  missing: 'mat_missing',
  'not-needed': 'mat_notNeeded',
  generated: 'mat_generated',
};

export interface MaterialItemRowProps {
  item: MaterialItem;
  attachments: readonly AttachmentView[];
  isBusy: boolean;
  onAdd: (item: MaterialItem) => void;
}

export function MaterialItemRow({ item, attachments, isBusy, onAdd }: MaterialItemRowProps) {
  const { t, pick } = useT();
  const Icon = ICONS[item.status];
  const files = item.attachmentIds
    .map((id) => attachments.find((a) => a.id === id)?.fileName)
    .filter((name): name is string => Boolean(name));
  return (
    <li className="material-item" data-testid="material-item" data-key={item.key} data-status={item.status}>
      <Icon className={`material-item-icon status-${item.status}`} aria-hidden />
      <div className="material-item-text">
        {/* A missing item reads as what is missing, naming the record (论文《…》缺少目录页). */}
        <Typography.Text type={item.message ? 'danger' : undefined}>
          <span className="sr-only">{t('labelOnly', { label: t(STATUS_TEXT[item.status]) })}</span>
          {pick(item.message ?? item.label)}
        </Typography.Text>
        {item.note && (
          <Typography.Text type="secondary" className="material-item-files">
            {pick(item.note)}
          </Typography.Text>
        )}
        {files.length > 0 && (
          <Typography.Text type="secondary" className="material-item-files">
            {t('mat_files', { names: files.join(t('listSep')) })}
          </Typography.Text>
        )}
      </div>
      {item.status === 'missing' || item.status === 'not-needed' ? (
        <Button
          size="small"
          type={item.status === 'missing' ? 'primary' : 'default'}
          ghost={item.status === 'missing'}
          icon={<PlusOutlined />}
          onClick={() => onAdd(item)}
          disabled={isBusy}
          aria-label={t('mat_addFor', { item: pick(item.label) })}
          data-testid="material-add"
        >
          {t('mat_add')}
        </Button>
      ) : (
        <span />
      )}
    </li>
  );
}
