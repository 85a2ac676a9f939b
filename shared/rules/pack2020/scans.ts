// Required scans (issue 19): every item the materials view asks for (shared/materials/requirements.ts — the
// ID card, the photo, each education's diploma and degree certificate and its CHSI record, the current title
// certificate and appointment, honours, a proof of each work) is judged by the one outcome of a required
// scan (helpers.ts scanOutcome), as M-7's CE proofs always were: missing → a failure naming it, with a link to
// its slot; handed in on paper with a written reason → a note for the unit. The items whose proof a rule of
// its own checks (with its clause and words: N-12, M-5, M-7, M-9, R-7, M-11, M-12, M-3) are left to it.
// And whether a reviewer can read each scan (READABLE_SCAN): a scan below it is a point to judge.
import type { ArchiveDocument } from '../../archive/schema.js';
import { lowResolution, READABLE_SCAN } from '../../attachments/schema.js';
import { materialOf } from '../../attachments/slots.js';
import { kindOfRecord, nameRecord } from '../../materials/recordNames.js';
import { itemLabel, materialsOfLinks, type MaterialItem } from '../../materials/requirements.js';
import type { Evidence, Outcome, Rule, RuleLink } from '../types.js';
import { recordEvidence, scanOutcome, slot, t, type Input, type ScanState } from './helpers.js';
import type { Params2020 } from './params.js';

/**
 * Slots whose proof another rule checks, never reported twice: N-12.graduate-form, N-12.foreign-degree,
 * M-4.main-contributor; M-10's paper pages (R-7.paper-pages) and authorship (R-7.report-authorship).
 */
const OWN_RULE = new Set([
  'M-4/graduate-form',
  'M-4/degree-certification',
  'M-4/main-contributor',
  'M-10/authorship',
  ...['cover', 'issn', 'toc', 'article'].map((tag) => `M-10/paper/${tag}`),
]);

/** `diploma:edu-1`, `id-card`: the finding's key, stable across workspaces (slot and record ids travel). */
const keyOf = (item: MaterialItem) =>
  `${item.slot.split('/').slice(1).join('/')}${item.recordId ? `:${item.recordId}` : ''}`;

function stateOf(item: MaterialItem): ScanState {
  if (item.status === 'attached') return 'attached';
  if (item.status === 'paper') return { paper: item.paperReason ?? '' };
  return 'missing';
}

/** The materials view once per check (both rules read it): the items the archive asks for, as linked. */
const viewOf = new WeakMap<Input, MaterialItem[]>();

function neededItems(input: Input): MaterialItem[] {
  const kept = viewOf.get(input);
  if (kept) return kept;
  // Without links the view cannot tell attached from missing: every needed item is then said to be unknown.
  // A link beyond what the archive asks for (a second honour, a proof of an old record) is listed by the view
  // all the same, but it is no requirement; nor are optional, generated or the unit's items.
  const needed = materialsOfLinks(input.archive, input.links ?? [], input.params)
    .flatMap((m) => m.items)
    .filter(
      (i) =>
        !i.isExtra &&
        (i.status === 'attached' || i.status === 'missing' || i.status === 'paper') &&
        !OWN_RULE.has(i.slot),
    );
  viewOf.set(input, needed);
  return needed;
}

/** The materials view's needed items of `material` (not those another rule checks), with their outcomes. */
function requiredScans(input: Input, material: 'M-4' | 'M-10'): Outcome[] {
  const { archive } = input;
  const needed = neededItems(input).filter((i) => i.material === material);
  if (needed.length === 0) {
    return [{ status: 'n/a', message: t('档案未要求此类证明。', 'The archive asks for no such proof.') }];
  }
  return needed.map((item) => {
    const kind = item.recordId ? kindOfRecord(archive, item.recordId) : null;
    const evidence: Evidence[] = kind && item.recordId ? [recordEvidence(archive, kind, item.recordId)] : [];
    const o = {
      slot: item.slot,
      ...(item.recordId ? { recordId: item.recordId } : {}),
      what: item.label,
      key: keyOf(item),
      evidence,
    };
    return scanOutcome(o, input.links === null ? 'unknown' : stateOf(item));
  });
}

export const m4ScansRule: Rule<Params2020> = {
  id: 'M-4.scans',
  clause: ['M-4', 'N-11', 'R-8'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t(
    '身份证、证件照、学历学位、职称、聘任、获奖证书的扫描件',
    'Scans of the ID card, photo, diplomas and degrees, title, appointment and awards',
  ),
  params: ['graduateFormBefore'],
  check: (input) => requiredScans(input, 'M-4'),
};

export const m10ScansRule: Rule<Params2020> = {
  id: 'M-10.work-proof',
  clause: ['M-10'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('每项业绩成果的证明材料', 'A proof of each work or achievement'),
  params: [],
  check: (input) => requiredScans(input, 'M-10'),
};

/** Each current file once (by its bytes where known), with every link it has (a file may prove several slots). */
function filesOf(links: readonly RuleLink[]): RuleLink[][] {
  const byFile = new Map<string, RuleLink[]>();
  for (const l of links) {
    const id = l.sha256 ?? l.attachmentId;
    byFile.set(id, [...(byFile.get(id) ?? []), l]);
  }
  return [...byFile.values()];
}

/** What a link proves, naming its record, as the materials view names the item: 毕业证书：浙江大学 … */
function linkLabel(archive: ArchiveDocument, link: RuleLink) {
  if (link.slot) return itemLabel(archive, link.slot, link.recordId);
  return (link.recordId ? nameRecord(archive, link.recordId) : null) ?? t('附件', 'Attachment');
}

export const readableScansRule: Rule<Params2020> = {
  id: 'R-9.readable-scans',
  clause: ['R-9', 'M-4'],
  severity: 'warning',
  // The thresholds (READABLE_SCAN) are this app's: a low scan is for a person to judge, never a failure.
  confidence: 'assumed',
  title: t(
    `扫描件清晰可读（图片长边 ≥ ${READABLE_SCAN.minLongSidePx} 像素，PDF 扫描页按 A4 ≥ ${READABLE_SCAN.minDpiAtA4} dpi）`,
    `Scans a reviewer can read (images ≥ ${READABLE_SCAN.minLongSidePx} px on the long side, scanned PDF pages ≥ ${READABLE_SCAN.minDpiAtA4} dpi at A4)`,
  ),
  params: [],
  check({ archive, links }) {
    // The file facts come with the links where the caller has them (AttachmentView, the unit's archives).
    const files = filesOf(links ?? []).filter(([first]) => first?.mediaType !== undefined);
    // The ID photo is small by design (R-9's profile, 358×441 px): its own checks are the profile's.
    const judged = files.filter((f) => !f.every((l) => l.slot === 'M-4/photo'));
    if (judged.length === 0) {
      return [{ status: 'n/a', message: t('没有可核对清晰度的扫描件。', 'No scans whose resolution can be judged.') }];
    }
    const low = judged.flatMap((file): Outcome[] => {
      const [first] = file;
      if (!first) return [];
      const why = lowResolution({
        mediaType: first.mediaType ?? '',
        width: first.width ?? null,
        height: first.height ?? null,
        scanDpi: first.scanDpi ?? null,
      });
      if (!why) return [];
      // The material a reviewer opens it under: its first slot that is one (M-4 before M-10).
      const proving = [...file].sort((a, b) => slotRank(a) - slotRank(b))[0] ?? first;
      const label = linkLabel(archive, proving);
      return [
        {
          status: 'review',
          // The bytes name the file in both workspaces (attachment ids differ), so the reason given at the
          // export is found again at the unit and at the next export.
          key: first.sha256 ? first.sha256.slice(0, 16) : first.attachmentId,
          message: t(`${label.zh}：${why.zh}`, `${label.en}: ${why.en}`),
          ...(proving.slot ? { fix: slot(proving.slot, proving.recordId ?? undefined) } : {}),
        },
      ];
    });
    if (low.length > 0) return low;
    return [{ status: 'pass', message: t('各扫描件的清晰度足够。', 'Every scan is sharp enough to read.') }];
  },
};

const slotRank = (l: RuleLink) => (l.slot ? Number(materialOf(l.slot).slice(2)) : Number.MAX_SAFE_INTEGER);
