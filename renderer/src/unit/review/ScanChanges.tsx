// The scans that changed since the previous revision (issue 19, item 3), per material slot: added, removed,
// or replaced — the old scan and the new one side by side, each a thumbnail that opens the read-only preview
// (the old one is served from the older revision's package file: electron/core/unit/heldFiles.ts), with its
// name, pages, pixel size and SHA-256, so that the officer sees at once whether the scan the return asked for
// was really replaced, and by what.
import { ArrowRightOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ArchiveDocument } from '../../../../shared/archive/schema.js';
import type { ArchiveChange, AttachmentChange, RevisionFile } from '../../../../shared/unit/schema.js';
import { Thumbnail } from '../../attachments/Thumbnail.js';
import { useT, type TextKey } from '../../i18n.js';
import type { PreviewFile } from './AttachmentPreview.js';
import { scanPlace } from './changeNames.js';
import './returnReview.css';

/** What kind of change a tag names; its colours are returnReview.css's (antd's orange and green fall below 4.5:1). */
const CHANGE_TAGS: Record<ArchiveChange['kind'] | AttachmentChange['kind'], { className: string; text: TextKey }> = {
  added: { className: 'uw-tag-added', text: 'uw_changeAdded' },
  removed: { className: 'uw-tag-removed', text: 'uw_changeRemoved' },
  changed: { className: 'uw-tag-changed', text: 'uw_changeChanged' },
  replaced: { className: 'uw-tag-replaced', text: 'uw_changeReplaced' },
};

/** 新增 / 删除 / 修改 / 替换, for a field or a scan. */
export function ChangeTag({ kind }: { kind: keyof typeof CHANGE_TAGS }) {
  const { t } = useT();
  return <Tag className={CHANGE_TAGS[kind].className}>{t(CHANGE_TAGS[kind].text)}</Tag>;
}

/** The revisions compared: the older one holds the old scans, the current one the new. */
export interface ComparedRevisions {
  previous: number;
  current: number;
}

function ScanSide({
  file,
  heading,
  caption,
  onPreview,
  thumb,
}: {
  file: RevisionFile | null;
  heading: string;
  caption: string;
  onPreview: (file: PreviewFile, caption: string) => void;
  thumb: number;
}) {
  const { t } = useT();
  return (
    <figure className="uw-scan-side" data-testid="uw-scan-side" data-sha256={file?.sha256 ?? ''}>
      <figcaption className="uw-scan-heading">{heading}</figcaption>
      {file ? (
        <div className="uw-scan-body">
          <button
            type="button"
            className="uw-file-thumb uw-scan-thumb"
            style={{ width: thumb, height: thumb }}
            onClick={() => onPreview(file, caption)}
            aria-label={t('uw_previewOf', { name: `${heading} ${file.fileName}` })}
            data-testid="uw-scan-preview"
          >
            <Thumbnail attachment={file} width={thumb} />
          </button>
          <div className="uw-file-text">
            <Typography.Text className="uw-file-name" ellipsis={{ tooltip: file.fileName }}>
              {file.fileName}
            </Typography.Text>
            <Typography.Text type="secondary" className="uw-file-meta">
              {t('uw_pages', { n: file.pages })}
              {file.width && file.height
                ? `${t('commaSep')}${t('uw_scanPixels', { w: file.width, h: file.height })}`
                : ''}
            </Typography.Text>
            <Typography.Text type="secondary" className="uw-file-meta uw-mono" title={file.sha256}>
              {t('uw_scanSha', { sha: `${file.sha256.slice(0, 16)}…` })}
            </Typography.Text>
          </div>
        </div>
      ) : (
        <Typography.Text type="secondary" className="uw-scan-none">
          {t('uw_scanNone')}
        </Typography.Text>
      )}
    </figure>
  );
}

/** One change: the old scan (or none) → the new scan (or none). */
export function ScanPair({
  change,
  revisions,
  caption,
  onPreview,
  thumb = 96,
}: {
  change: AttachmentChange;
  revisions: ComparedRevisions;
  caption: string;
  onPreview: (file: PreviewFile, caption: string) => void;
  thumb?: number;
}) {
  const { t } = useT();
  return (
    <div className="uw-scan-pair" data-testid="uw-scan-pair" data-kind={change.kind}>
      <ScanSide
        file={change.before}
        heading={t('uw_scanBefore', { n: revisions.previous })}
        caption={caption}
        onPreview={onPreview}
        thumb={thumb}
      />
      <ArrowRightOutlined className="uw-scan-arrow" aria-hidden />
      <ScanSide
        file={change.after}
        heading={t('uw_scanAfter', { n: revisions.current })}
        caption={caption}
        onPreview={onPreview}
        thumb={thumb}
      />
    </div>
  );
}

export interface ScanChangesProps {
  changes: readonly AttachmentChange[];
  archive: ArchiveDocument;
  revisions: ComparedRevisions;
  onPreview: (file: PreviewFile, caption: string) => void;
}

export function ScanChanges({ changes, archive, revisions, onPreview }: ScanChangesProps) {
  const { t, lang } = useT();
  if (changes.length === 0) return null;
  return (
    <ul className="uw-scan-changes" aria-label={t('uw_scanChangesLabel')} data-testid="uw-scan-changes">
      {changes.map((c) => {
        const place = scanPlace(c, archive, lang) || t('uw_scanUnfiled');
        return (
          <li
            key={`${c.slot ?? ''}|${c.recordId ?? ''}|${c.before?.sha256 ?? ''}|${c.after?.sha256 ?? ''}`}
            className="uw-scan-change"
            data-testid="uw-scan-change"
            data-kind={c.kind}
            data-slot={c.slot ?? ''}
          >
            <div className="uw-scan-change-head">
              <ChangeTag kind={c.kind} />
              <Typography.Text strong>{place}</Typography.Text>
            </div>
            <ScanPair change={c} revisions={revisions} caption={place} onPreview={onPreview} thumb={128} />
          </li>
        );
      })}
    </ul>
  );
}
