// Words for links and versions: what a link says ("M-10 论文扫描页 · 目录 — 论文《…》 第 3 页") and what an
// edit did ("由《扫描.pdf》旋转 90° 生成").
import type { Localized } from '../../../shared/api/contract.js';
import type { ArchiveDocument, RecordKind } from '../../../shared/archive/schema.js';
import type { AttachmentView, LinkView, Operation } from '../../../shared/attachments/schema.js';
import { PAPER_PAGE_LABELS, parseSlot, type PaperPageTag } from '../../../shared/attachments/slots.js';
import { nameRecord } from '../../../shared/materials/recordNames.js';
import type { Lang } from '../i18n.js';

export function slotText(slot: string, lang: Lang): string {
  const parsed = parseSlot(slot);
  if (!parsed) return slot;
  const { kind, qualifier } = parsed;
  let text = `${kind.material} ${kind.label[lang]}`;
  if (kind.qualifier === 'paperPage' && qualifier) text += ` · ${PAPER_PAGE_LABELS[qualifier as PaperPageTag][lang]}`;
  if (kind.qualifier === 'year' && qualifier) text += ` · ${qualifier}`;
  return text;
}

export function linkText(link: LinkView, archive: ArchiveDocument, lang: Lang): string {
  const parts: string[] = [];
  if (link.slot) parts.push(slotText(link.slot, lang));
  if (link.recordId) parts.push(nameRecord(archive, link.recordId)?.[lang] ?? link.recordId);
  const text = parts.join(' — ');
  if (link.page === null) return text;
  return `${text}${lang === 'zh' ? `（第 ${link.page} 页）` : ` (p. ${link.page})`}`;
}

const OPERATIONS: Record<Operation['op'], Localized> = {
  convert: { zh: '转换', en: 'converted' },
  rotate: { zh: '旋转', en: 'rotated' },
  deletePage: { zh: '删除页面', en: 'page deleted' },
  reorderPages: { zh: '调整页序', en: 'pages reordered' },
  split: { zh: '拆分', en: 'split' },
  merge: { zh: '合并', en: 'merged' },
  fit: { zh: '适配上传要求', en: 'fitted to the profile' },
  cropPhoto: { zh: '裁剪证件照', en: 'photo cropped' },
};

export function operationText(operation: Operation, lang: Lang): string {
  const name = OPERATIONS[operation.op][lang];
  switch (operation.op) {
    case 'rotate':
      return `${name} ${operation.degrees}°${operation.page ? (lang === 'zh' ? `（第 ${operation.page} 页）` : ` (p. ${operation.page})`) : ''}`;
    case 'deletePage':
      return lang === 'zh' ? `删除第 ${operation.page} 页` : `page ${operation.page} deleted`;
    case 'split':
      return lang === 'zh'
        ? `拆分（第 ${operation.from}–${operation.to} 页）`
        : `split (pp. ${operation.from}–${operation.to})`;
    default:
      return name;
  }
}

/** "由《a.pdf》旋转 90°后生成" for an edited version; null for an added file. */
export function versionText(attachment: AttachmentView, all: readonly AttachmentView[], lang: Lang): string | null {
  if (!attachment.derivedFrom || !attachment.operation) return null;
  const original = all.find((a) => a.id === attachment.derivedFrom)?.fileName ?? attachment.derivedFrom;
  const op = operationText(attachment.operation, lang);
  return lang === 'zh' ? `由《${original}》${op}后生成` : `${op} from "${original}"`;
}

/** Records of the given kinds, named, for the link form's record select. */
export function recordOptions(archive: ArchiveDocument, kinds: readonly RecordKind[], lang: Lang) {
  return kinds.flatMap((kind) =>
    (archive[kind] as readonly { id: string }[]).map((r) => ({
      value: r.id,
      label: nameRecord(archive, r.id)?.[lang] ?? r.id,
    })),
  );
}

export const formatBytes = (bytes: number): string =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1000))} KB`;
