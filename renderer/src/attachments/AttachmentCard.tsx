// One attachment in the grid: thumbnail, name, size and pages, where it breaks the upload profile,
// what it proves (links, each removable), which version it is, and its actions — every one a button, so
// the keyboard reaches them all.
import {
  DeleteOutlined,
  EditOutlined,
  ExpandOutlined,
  LinkOutlined,
  MoreOutlined,
  RotateRightOutlined,
  ScissorOutlined,
  CompressOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, Button, Checkbox, Dropdown, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AttachmentView, LinkView } from '../../../shared/attachments/schema.js';
import { nameRecord } from '../../../shared/materials/recordNames.js';
import { useEditor } from '../editorContext.js';
import { useT } from '../i18n.js';
import { formatBytes, linkText, versionText } from './linkText.js';
import { useStoreHealth } from './storeHealth.js';
import { Thumbnail } from './Thumbnail.js';

/** Links grouped by record, in first-seen order, so a paper's four page tags sit under its title once. */
function groupByRecord(links: readonly LinkView[]): [string | null, LinkView[]][] {
  const groups = new Map<string | null, LinkView[]>();
  for (const link of links) groups.set(link.recordId, [...(groups.get(link.recordId) ?? []), link]);
  return [...groups];
}

export type CardAction = 'preview' | 'rotate' | 'link' | 'rename' | 'fit' | 'crop' | 'split' | 'delete';

export interface AttachmentCardProps {
  attachment: AttachmentView;
  all: readonly AttachmentView[];
  isSelected: boolean;
  /** 1-based place in the merge order; 0 when not selected. */
  selectionIndex?: number;
  isBusy: boolean;
  onSelect: (selected: boolean) => void;
  onAction: (action: CardAction) => void;
  onUnlink: (linkId: string) => void;
}

export function AttachmentCard({
  attachment,
  all,
  isSelected,
  selectionIndex = 0,
  isBusy,
  onSelect,
  onAction,
  onUnlink,
}: AttachmentCardProps) {
  const { t, lang, pick } = useT();
  const { archive } = useEditor();
  const version = versionText(attachment, all, lang);
  const isPdf = attachment.mediaType === 'application/pdf';
  const isPhoto = attachment.links.some((l) => l.slot === 'M-4/photo');
  const name = attachment.fileName;
  // Issue 13: a file missing from the store or damaged is said here, with what repairs it.
  const fileState = useStoreHealth().stateOf(attachment.sha256);

  const iconButton = (action: CardAction, label: string, icon: ReactNode) => (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={t('labelValue', { label, value: name })}
        onClick={() => onAction(action)}
        disabled={isBusy}
        data-testid={`att-${action}`}
      />
    </Tooltip>
  );

  const more = [
    { key: 'rename', label: t('att_rename'), icon: <EditOutlined /> },
    { key: 'fit', label: t('att_fit'), icon: <CompressOutlined /> },
    ...(isPhoto ? [{ key: 'crop', label: t('att_crop'), icon: <UserOutlined /> }] : []),
    ...(isPdf && attachment.pages > 1 ? [{ key: 'split', label: t('att_split'), icon: <ScissorOutlined /> }] : []),
    { type: 'divider' as const },
    { key: 'delete', label: t('remove'), icon: <DeleteOutlined />, danger: true },
  ];

  return (
    <li
      className={`att-card${isSelected ? ' att-card-selected' : ''}${fileState ? ' att-card-unreadable' : ''}`}
      data-testid="attachment"
      data-id={attachment.id}
      data-name={name}
      data-media={attachment.mediaType}
      data-pages={attachment.pages}
    >
      <button
        type="button"
        className="att-thumb"
        onClick={() => onAction('preview')}
        // The page count it shows is said in its name, after a space: in brackets, "(3" is not the "3" seen
        // (axe label-content-name-mismatch, WCAG 2.5.3).
        aria-label={
          attachment.pages > 1
            ? `${t('att_open', { name })} ${t('att_pages', { n: attachment.pages })}`
            : t('att_open', { name })
        }
        data-testid="att-thumb"
      >
        <Thumbnail attachment={attachment} />
        {attachment.pages > 1 && (
          <span className="att-pages" aria-hidden>
            {t('att_pages', { n: attachment.pages })}
          </span>
        )}
      </button>
      <div className="att-body">
        <div className="att-title">
          <Checkbox
            checked={isSelected}
            onChange={(e) => onSelect(e.target.checked)}
            aria-label={t('att_select', { name })}
            data-testid="att-select"
          />
          {selectionIndex > 0 && (
            <span className="att-order" data-testid="att-order" title={t('att_mergeOrder', { n: selectionIndex })}>
              {selectionIndex}
            </span>
          )}
          <Typography.Text className="att-name" ellipsis={{ tooltip: name }}>
            {name}
          </Typography.Text>
        </div>
        <Typography.Text type="secondary" className="att-meta">
          {[
            formatBytes(attachment.bytes),
            attachment.width && attachment.height ? `${attachment.width}×${attachment.height}` : null,
            isPdf ? t('att_pages', { n: attachment.pages }) : null,
            // A scanned PDF's sharpness, as the readable-scan warning judges it (READABLE_SCAN).
            isPdf && attachment.scanDpi !== null ? t('att_scanDpi', { dpi: attachment.scanDpi }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
        {version && (
          <Typography.Text type="secondary" className="att-version" data-testid="att-version">
            {version}
          </Typography.Text>
        )}
        {fileState && (
          <Alert
            type="error"
            className="att-issue"
            title={t('health_card', { state: t(fileState === 'missing' ? 'health_missing' : 'health_damaged') })}
            data-testid="att-store-problem"
            data-state={fileState}
          />
        )}
        {attachment.profileIssues.map((issue) => (
          <Alert
            key={issue.code}
            type="warning"
            className="att-issue"
            title={pick(issue.message)}
            data-testid="att-issue"
            data-code={issue.code}
          />
        ))}
        {attachment.links.length > 0 && (
          <ul className="att-links" aria-label={t('att_linksLabel')}>
            {groupByRecord(attachment.links).map(([recordId, links]) => (
              <li key={recordId ?? '-'}>
                {recordId && (
                  <Typography.Text type="secondary" className="att-link-record" ellipsis={{ tooltip: true }}>
                    {nameRecord(archive, recordId)?.[lang] ?? recordId}
                  </Typography.Text>
                )}
                <span className="att-link-tags">
                  {links.map((link) => {
                    const text = linkText({ ...link, recordId: null }, archive, lang);
                    return (
                      <Tag
                        key={link.id}
                        closable
                        onClose={(e) => {
                          e.preventDefault();
                          onUnlink(link.id);
                        }}
                        closeIcon={<span aria-label={t('att_unlink', { link: linkText(link, archive, lang) })}>×</span>}
                        data-testid="att-link-tag"
                        data-slot={link.slot ?? ''}
                      >
                        {text}
                      </Tag>
                    );
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div className="att-actions">
          {iconButton('preview', t('att_preview'), <ExpandOutlined />)}
          {iconButton('rotate', t('att_rotateAll'), <RotateRightOutlined />)}
          {iconButton('link', t('att_link'), <LinkOutlined />)}
          <Dropdown
            menu={{ items: more, onClick: ({ key }) => onAction(key as CardAction) }}
            trigger={['click']}
            disabled={isBusy}
          >
            <Button
              size="small"
              type="text"
              icon={<MoreOutlined />}
              aria-label={t('att_more', { name })}
              data-testid="att-more"
            />
          </Dropdown>
        </div>
      </div>
    </li>
  );
}
