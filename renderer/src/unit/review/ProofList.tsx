// The proofs of one record (or of a material as a whole): each item the materials view asks for, what is
// missing in red, and every attached file as a thumbnail that opens the read-only preview — the scan right
// beside the record it proves (issue 7, 4), with its page count and its pixel size (an image's pixels, a
// PDF's scanned pages at A4), flagged when a reviewer may not be able to read it (READABLE_SCAN, issue 19);
// an item the applicant hands in on paper says so, with the applicant's reason.
import { CloseCircleFilled, CommentOutlined, ExclamationCircleFilled, EyeOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import { lowResolution, type AttachmentView } from '../../../../shared/attachments/schema.js';
import { PAPER_PAGE_LABELS, parseSlot, type PaperPageTag } from '../../../../shared/attachments/slots.js';
import type { MaterialItem } from '../../../../shared/materials/requirements.js';
import type { ReviewComment } from '../../../../shared/unit/schema.js';
import { Thumbnail } from '../../attachments/Thumbnail.js';
import { useT, type Lang } from '../../i18n.js';

/** What an item proves without its record's name (shown inside the record, which names the paper or year). */
function shortLabel(item: MaterialItem, lang: Lang): string | null {
  const parsed = parseSlot(item.slot);
  if (!parsed) return null;
  const { kind, qualifier } = parsed;
  if (kind.qualifier === 'paperPage' && qualifier) return PAPER_PAGE_LABELS[qualifier as PaperPageTag][lang];
  return kind.label[lang];
}

export interface ProofListProps {
  items: readonly MaterialItem[];
  attachments: readonly AttachmentView[];
  comments: readonly ReviewComment[];
  onPreview: (attachment: AttachmentView, caption: string) => void;
  /** Starts a comment on this file (absent when the review is closed). */
  onComment?: ((attachment: AttachmentView) => void) | undefined;
  /** Inside its record's block: the items are named without the record. */
  isInRecord?: boolean;
}

export function ProofList({ items, attachments, comments, onPreview, onComment, isInRecord = false }: ProofListProps) {
  const { t, pick, lang } = useT();
  if (items.length === 0) return null;
  return (
    <ul className="uw-proofs" aria-label={t('uw_proofs')}>
      {items.map((item) => {
        const short = isInRecord ? shortLabel(item, lang) : null;
        const text =
          short === null
            ? pick(item.status === 'attention' ? item.label : (item.message ?? item.label))
            : item.status === 'missing'
              ? t('uw_missingItem', { what: short })
              : short;
        const files = item.attachmentIds
          .map((id) => attachments.find((a) => a.id === id))
          .filter((a): a is AttachmentView => a !== undefined);
        return (
          <li key={item.key} className="uw-proof" data-testid="uw-proof" data-key={item.key} data-status={item.status}>
            <Typography.Text
              type={item.status === 'missing' ? 'danger' : item.status === 'attention' ? 'warning' : 'secondary'}
              className="uw-proof-label"
            >
              {item.status === 'missing' && <CloseCircleFilled aria-hidden />}
              {item.status === 'attention' && <ExclamationCircleFilled aria-hidden />} {text}
              {item.status === 'generated' && item.note && `${t('commaSep')}${pick(item.note)}`}
              {item.status === 'unit-provides' && `${t('commaSep')}${t('mat_unitProvides')}`}
              {item.status === 'paper' && `${t('commaSep')}${t('uw_paperItem', { reason: item.paperReason ?? '' })}`}
              {/* Filed outside the window or under another year than its record's: say why. */}
              {item.status === 'attention' && item.message && `${t('commaSep')}${pick(item.message)}`}
            </Typography.Text>
            {files.length > 0 && (
              <ul className="uw-files">
                {files.map((file) => {
                  const caption = pick(item.label);
                  const count = comments.filter(
                    (c) => c.target.kind === 'attachment' && c.target.sha256 === file.sha256,
                  ).length;
                  return (
                    <li key={file.id} className="uw-file" data-testid="uw-file" data-sha256={file.sha256}>
                      <button
                        type="button"
                        className="uw-file-thumb"
                        onClick={() => onPreview(file, caption)}
                        aria-label={t('uw_previewOf', { name: file.fileName })}
                        data-testid="uw-file-preview"
                      >
                        <Thumbnail attachment={file} width={96} />
                      </button>
                      <div className="uw-file-text">
                        <Typography.Text className="uw-file-name" ellipsis={{ tooltip: file.fileName }}>
                          {file.fileName}
                        </Typography.Text>
                        <FileMeta file={file} />
                        <span className="uw-file-actions">
                          <Button
                            size="small"
                            type="link"
                            icon={<EyeOutlined />}
                            onClick={() => onPreview(file, caption)}
                            aria-label={t('uw_previewOf', { name: file.fileName })}
                          >
                            {t('uw_preview')}
                          </Button>
                          {onComment && (
                            <Button
                              size="small"
                              type="link"
                              icon={<CommentOutlined />}
                              onClick={() => onComment(file)}
                              aria-label={t('uw_commentOn', { name: file.fileName })}
                              data-testid="uw-file-comment"
                            >
                              {t('uw_comment')}
                            </Button>
                          )}
                          {count > 0 && <Tag color="orange">{t('uw_commentCount', { n: count })}</Tag>}
                        </span>
                      </div>
                    </li>
                  );
                })}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** 1 页 · 2480×3508 像素: what a reviewer needs to know before opening a scan; flagged when it reads poorly. */
function FileMeta({ file }: { file: AttachmentView }) {
  const { t, pick } = useT();
  const size =
    file.width !== null && file.height !== null
      ? t('uw_pixels', { w: file.width, h: file.height })
      : file.scanDpi !== null
        ? t('uw_scanDpi', { dpi: file.scanDpi })
        : null;
  // The ID photo is small by design (its pixels are the upload profile's): never flagged.
  const isPhoto = file.links.some((l) => l.slot === 'M-4/photo');
  const blurred = isPhoto ? null : lowResolution(file);
  return (
    <Typography.Text type="secondary" className="uw-file-meta" data-testid="uw-file-meta">
      {[t('uw_pages', { n: file.pages }), size].filter(Boolean).join(' · ')}
      {blurred && (
        <Tag className="uw-file-lowres" title={pick(blurred)} data-testid="uw-file-lowres">
          {t('uw_lowResolution')}
        </Tag>
      )}
    </Typography.Text>
  );
}
