// One item of a material in the 材料清单: its status, what it is (naming the record), the files that prove
// it, and — when missing — the button that adds a file straight into this slot + record. An item the unit
// issues (M-3) reads 由单位提供, complete for the applicant; a scan filed under a year the window does not ask
// for, or under a year other than its record's, reads 需处理 with the reason. A missing scan may instead be
// handed in on paper (提交纸质件) with a written reason: the item then says so, with the reason, and the mark
// can be changed or taken back.
import {
  BankOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  EditOutlined,
  ExclamationCircleFilled,
  FileTextOutlined,
  MinusCircleOutlined,
  PlusOutlined,
  SnippetsOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { Button, Typography } from 'antd';
import type { AttachmentView } from '../../../shared/attachments/schema.js';
import type { ItemStatus, MaterialItem } from '../../../shared/materials/requirements.js';
import { materialItemId } from '../eligibility/fixTarget.js';
import { useT, type TextKey } from '../i18n.js';
import { useStoreHealth } from './storeHealth.js';

const ICONS: Record<ItemStatus, typeof CheckCircleFilled> = {
  attached: CheckCircleFilled,
  missing: CloseCircleFilled,
  paper: SnippetsOutlined,
  'not-needed': MinusCircleOutlined,
  generated: FileTextOutlined,
  'unit-provides': BankOutlined,
  attention: ExclamationCircleFilled,
};

const STATUS_TEXT: Record<ItemStatus, TextKey> = {
  attached: 'mat_attached',
  missing: 'mat_missing',
  paper: 'mat_paper',
  'not-needed': 'mat_notNeeded',
  generated: 'mat_generated',
  'unit-provides': 'mat_unitProvides',
  attention: 'mat_attention',
};

export interface MaterialItemRowProps {
  item: MaterialItem;
  attachments: readonly AttachmentView[];
  isBusy: boolean;
  onAdd: (item: MaterialItem) => void;
  /** Opens the 提交纸质件 dialog for a missing item (or to change a paper copy's reason). */
  onPaper: (item: MaterialItem) => void;
  /** Takes a paper copy back: the item is missing again until a scan is added. */
  onUnpaper: (item: MaterialItem) => void;
}

export function MaterialItemRow({ item, attachments, isBusy, onAdd, onPaper, onUnpaper }: MaterialItemRowProps) {
  const { t, pick } = useT();
  const itemName = pick(item.label);
  const Icon = ICONS[item.status];
  const linked = item.attachmentIds
    .map((id) => attachments.find((a) => a.id === id))
    .filter((a): a is AttachmentView => a !== undefined);
  const files = linked.map((a) => a.fileName);
  // Issue 13: a linked scan whose file is missing or damaged does not prove the item until repaired.
  const { stateOf } = useStoreHealth();
  const unreadable = linked.filter((a) => stateOf(a.sha256) !== null).map((a) => a.fileName);
  return (
    // Focusable by a followed finding (issue 20): its link lands here, on the item, not on the list's heading.
    <li
      className="material-item"
      id={materialItemId(item.key)}
      tabIndex={-1}
      data-testid="material-item"
      data-key={item.key}
      data-status={item.status}
    >
      <Icon className={`material-item-icon status-${item.status}`} aria-hidden />
      <div className="material-item-text">
        {item.status === 'attention' ? (
          <>
            {/* What the scan is filed as, then why it needs attention (never silently relabelled). */}
            <Typography.Text>
              <span className="sr-only">{t('labelOnly', { label: t(STATUS_TEXT[item.status]) })}</span>
              {item.year !== null && !pick(item.label).includes(String(item.year))
                ? t('mat_filedUnder', { label: pick(item.label), year: item.year })
                : pick(item.label)}
            </Typography.Text>
            <Typography.Text className="material-item-attention" data-testid="material-attention">
              <span className="material-item-badge" aria-hidden>
                {t('mat_attention')}
              </span>
              {item.message && pick(item.message)}
            </Typography.Text>
          </>
        ) : (
          /* A missing item reads as what is missing, naming the record (论文《…》缺少目录页). */
          <Typography.Text type={item.message ? 'danger' : undefined}>
            <span className="sr-only">{t('labelOnly', { label: t(STATUS_TEXT[item.status]) })}</span>
            {pick(item.message ?? item.label)}
            {item.status === 'unit-provides' && (
              <span className="material-item-badge material-item-badge-unit" aria-hidden>
                {t('mat_unitProvides')}
              </span>
            )}
            {item.status === 'paper' && (
              <span className="material-item-badge material-item-badge-paper" aria-hidden>
                {t('mat_paper')}
              </span>
            )}
          </Typography.Text>
        )}
        {item.status === 'paper' && item.paperReason && (
          <Typography.Text type="secondary" className="material-item-files" data-testid="material-paper-reason">
            {t('mat_paperReasonShown', { reason: item.paperReason })}
          </Typography.Text>
        )}
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
        {unreadable.length > 0 && (
          <Typography.Text type="danger" className="material-item-files" data-testid="material-store-problem">
            {t('health_inMaterial', { names: unreadable.join(t('listSep')) })}
          </Typography.Text>
        )}
      </div>
      {/* The unit's own (M-3) may still take a scan already obtained: offered, not asked for. */}
      <span className="material-item-actions">
        {(item.status === 'missing' ||
          item.status === 'paper' ||
          item.status === 'not-needed' ||
          item.status === 'unit-provides') && (
          <Button
            size="small"
            type={item.status === 'missing' ? 'primary' : 'default'}
            ghost={item.status === 'missing'}
            icon={<PlusOutlined />}
            onClick={() => onAdd(item)}
            disabled={isBusy}
            aria-label={t('mat_addFor', { item: itemName })}
            data-testid="material-add"
          >
            {t('mat_add')}
          </Button>
        )}
        {item.status === 'missing' && (
          <Button
            size="small"
            icon={<SnippetsOutlined />}
            onClick={() => onPaper(item)}
            disabled={isBusy}
            aria-label={t('mat_paperFor', { item: itemName })}
            data-testid="material-paper"
          >
            {t('mat_paper')}
          </Button>
        )}
        {item.status === 'paper' && (
          <>
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={() => onPaper(item)}
              disabled={isBusy}
              aria-label={t('mat_paperEditFor', { item: itemName })}
              data-testid="material-paper-edit"
            />
            <Button
              size="small"
              type="text"
              icon={<UndoOutlined />}
              onClick={() => onUnpaper(item)}
              disabled={isBusy}
              aria-label={t('mat_paperUndoFor', { item: itemName })}
              data-testid="material-paper-undo"
            />
          </>
        )}
      </span>
    </li>
  );
}
