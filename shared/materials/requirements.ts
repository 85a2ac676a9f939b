// The materials view (材料清单, issue 3): for each of the notice's twelve materials M-1 … M-12, what this
// applicant's archive says is needed, what is attached (attachment links by slot + record) and what is
// missing. Pure: the renderer recomputes it while the archive is edited; the export can reuse it.
//
// One item is one proof: a material slot (shared/attachments/slots.ts), optionally for one record. An item
// is `attached` when a live attachment links that slot (and that record); `missing` when the archive needs it
// and nothing is linked; `not-needed` when it is optional or does not apply; `generated` when the forms
// feature will produce it (M-1, M-2, and M-8 from the typed summary), so it is never reported missing;
// `unit-provides` when the unit issues it after the hand-in (M-3, N-8) — complete for the applicant;
// `attention` when a yearly scan is filed under a year the window no longer asks for, or under a year
// other than its record's: shown, never silently relabelled; `paper` when a needed item has no scan but the
// applicant hands it in on paper (提交纸质件) with a written reason (the archive's materials.paperCopies) —
// complete for the applicant, and said so to the unit.
//
// The rule pack reads the same items (materialsOfLinks): a required scan still missing is a failure there,
// with a link to its slot — one list of what is needed for the view, the check and the unit's table.
//
// The years of the yearly proofs (M-5, M-7, M-9) are the rule pack's parameters (ProofWindow): the one
// source the rules, this view, the merged PDFs, the material index and the package read.
import type { Localized } from '../api/contract.js';
import { TITLE_LEVELS, type ArchiveDocument, type Appointment, type Title } from '../archive/schema.js';
import { isRealDate } from '../checks/dates.js';
import { PAPER_PAGE_TAGS, materialOf, parseSlot, type PaperPageTag } from '../attachments/slots.js';
import { currentLinks, type VersionedAttachment } from '../attachments/current.js';
import { zhJoin } from '../archive/spacing.js';
import { nameRecord } from './recordNames.js';

export const MATERIAL_IDS = [
  'M-1',
  'M-2',
  'M-3',
  'M-4',
  'M-5',
  'M-6',
  'M-7',
  'M-8',
  'M-9',
  'M-10',
  'M-11',
  'M-12',
] as const;
export type MaterialId = (typeof MATERIAL_IDS)[number];

/** The materials list of the notice (附件2), as named there. */
export const MATERIAL_LABELS = {
  'M-1': { zh: '《专业技术资格评审表》', en: 'Evaluation form (F-1)' },
  'M-2': { zh: '《专业技术职务任职资格评审材料真实性保证书》', en: 'Truthfulness pledge' },
  'M-3': { zh: '申报材料公示确认表', en: 'Publicity confirmation' },
  'M-4': { zh: '身份、学历学位、职称、聘任及获奖证明', en: 'ID, education, title, appointment and award proof' },
  'M-5': { zh: '近三年基本养老保险参保缴费证明', en: 'Pension insurance proof, last three years' },
  'M-6': { zh: '工程技术（管理）工作经历', en: 'Engineering work experience' },
  'M-7': { zh: '继续教育学时证明', en: 'Continuing-education hours proof' },
  'M-8': { zh: '专业技术工作总结', en: 'Professional work summary' },
  'M-9': { zh: '近三年年度考核材料', en: 'Annual assessments, last three years' },
  'M-10': { zh: '论文、著作、报告等业绩成果', en: 'Papers, books, reports and other works' },
  'M-11': { zh: '破格申报材料（F-3 及证明）', en: 'Exceptional promotion (F-3 and proof)' },
  'M-12': { zh: '《事业单位人员职称申报岗位信息表》（F-4）', en: 'Public-institution post form (F-4)' },
} as const satisfies Record<MaterialId, Localized>;

/** The years the yearly proofs are asked for: the rule pack's parameters. */
export interface ProofWindow {
  ceYears: readonly number[];
  pensionYears: readonly number[];
  assessmentYears: readonly number[];
  /** Graduates before this day give the 《高校毕业生登记表》, later ones the CHSI record (N-12); 2001-01-01. */
  graduateFormBefore?: string;
}

export type YearlyKind = 'pension' | 'ce' | 'assessment';
const YEARLY_MATERIAL = { pension: 'M-5', ce: 'M-7', assessment: 'M-9' } as const;
const WINDOW_KEY = { pension: 'pensionYears', ce: 'ceYears', assessment: 'assessmentYears' } as const;

/** The window's years for one kind of yearly proof, in order. */
export const yearsOf = (window: ProofWindow, kind: YearlyKind): number[] =>
  [...window[WINDOW_KEY[kind]]].sort((a, b) => a - b);

/** The kind of yearly proof a slot is (`M-9/assessment/2017` → assessment), with its year. */
export function yearlySlot(slot: string): { kind: YearlyKind; year: number } | null {
  const m = /^M-(5|7|9)\/(pension|ce|assessment)\/(\d{4})$/.exec(slot);
  return m ? { kind: m[2] as YearlyKind, year: Number(m[3]) } : null;
}

/** The slot of a yearly proof: the year is always the record's when there is one (never a default). */
export const yearlySlotName = (kind: YearlyKind, year: number): string => `${YEARLY_MATERIAL[kind]}/${kind}/${year}`;

/** Graduates before this date provide the 《高校毕业生登记表》; later ones the CHSI record (N-12, R-8). */
const CHSI_FROM = '2001-01-01';

export type ItemStatus = 'attached' | 'missing' | 'paper' | 'not-needed' | 'generated' | 'unit-provides' | 'attention';
export type MaterialState = 'complete' | 'incomplete' | 'not-needed' | 'generated' | 'unit-provides';

export interface MaterialItem {
  /** Stable across recomputations: `<slot>#<recordId or ->`. */
  key: string;
  material: MaterialId;
  slot: string;
  recordId: string | null;
  /** A yearly proof's year (M-5, M-7, M-9), else null. */
  year: number | null;
  label: Localized;
  status: ItemStatus;
  /** Live attachments linked to this slot (and record). */
  attachmentIds: string[];
  /** A missing item: what is missing, naming the record (论文《…》缺少目录页). */
  message: Localized | null;
  /** Why it is needed, or why not (clause ids). */
  note: Localized | null;
  /** Handed in on paper instead of a scan (status `paper`): the applicant's reason. */
  paperReason: string | null;
  /** Attached beyond what the archive asks for (a second honour, a proof of an old record): listed, not needed. */
  isExtra?: true;
}

export interface MaterialStatus {
  id: MaterialId;
  label: Localized;
  state: MaterialState;
  note: Localized | null;
  items: MaterialItem[];
}

/** What the computation needs of an attachment (AttachmentView fits). */
export type LinkedAttachment = VersionedAttachment;

/** A requirement before it is matched against the links. */
interface Need {
  slot: string;
  recordId: string | null;
  label: Localized;
  /** What is missing, when it is. */
  missing: Localized;
  kind: 'needed' | 'optional' | 'generated' | 'unit';
  /** Yearly proofs: a link naming the slot (the year) but no record counts too. */
  isYearly?: boolean;
  note?: Localized;
}

const PAGE_NAMES = {
  cover: { zh: '封面', en: 'cover' },
  issn: { zh: 'ISSN/CN 页', en: 'ISSN/CN page' },
  toc: { zh: '目录页', en: 'table of contents page' },
  article: { zh: '正文页', en: 'article pages' },
} as const satisfies Record<PaperPageTag, Localized>;

const FORMS_LATER: Localized = { zh: '将由表格功能生成', en: 'Will be generated by the forms feature' };
const PUBLICITY_SCAN: Localized = {
  zh: '由单位在公示期满后出具并盖章（N-8），加签时加入申报包；导出前无需上传，如已取得可上传扫描件',
  en: 'Issued and stamped by your unit after the publicity (N-8) and added when it countersigns; not needed before the export, attach a scan if you already have it',
};

function slotLabel(slot: string): Localized {
  const parsed = parseSlot(slot);
  return parsed ? parsed.kind.label : { zh: slot, en: slot };
}

/** "<record> 缺少 <what>" or "缺少 <what>". */
function missingOf(record: Localized | null, what: Localized): Localized {
  return record
    ? { zh: zhJoin(record.zh, '缺少', what.zh), en: `${record.en}: ${what.en} missing` }
    : { zh: zhJoin('缺少', what.zh), en: `${what.en} missing` };
}

/** What a proof is, naming its record: 毕业证书：浙江大学 硕士研究生 (the slot alone when it names none). */
export function itemLabel(archive: ArchiveDocument, slot: string, recordId: string | null): Localized {
  const what = slotLabel(slot);
  const record = recordId ? nameRecord(archive, recordId) : null;
  return record ? { zh: `${what.zh}：${record.zh}`, en: `${what.en}: ${record.en}` } : what;
}

function need(archive: ArchiveDocument, slot: string, recordId: string | null, extra: Partial<Need> = {}): Need {
  const what = slotLabel(slot);
  const record = recordId ? nameRecord(archive, recordId) : null;
  return {
    slot,
    recordId,
    label: itemLabel(archive, slot, recordId),
    missing: missingOf(record, what),
    kind: 'needed',
    ...extra,
  };
}

/** The current title: the highest level held, the latest obtained among equals (M-4 "current title"). */
function currentTitle(titles: readonly Title[]): Title | null {
  const rank = (t: Title) => (t.level === '' ? -1 : TITLE_LEVELS.indexOf(t.level));
  return titles.reduce<Title | null>((best, t) => {
    if (!best) return t;
    if (rank(t) !== rank(best)) return rank(t) > rank(best) ? t : best;
    return t.obtainedDate >= best.obtainedDate ? t : best;
  }, null);
}

/** The current appointment: one without an end date, else the latest started (M-4 聘任证书). */
function currentAppointment(appointments: readonly Appointment[]): Appointment | null {
  const open = appointments.filter((a) => a.endDate === '');
  const pool = open.length > 0 ? open : appointments;
  return pool.reduce<Appointment | null>((best, a) => (!best || a.startDate >= best.startDate ? a : best), null);
}

function needsM4(archive: ArchiveDocument, window: ProofWindow): Need[] {
  const needs: Need[] = [need(archive, 'M-4/id-card', null), need(archive, 'M-4/photo', null)];
  const chsiFrom = window.graduateFormBefore ?? CHSI_FROM;
  for (const education of archive.educations) {
    needs.push(need(archive, 'M-4/diploma', education.id));
    if (education.degree.trim()) needs.push(need(archive, 'M-4/degree', education.id));
    if (education.origin !== 'domestic') {
      // N-12: foreign / HK-Macao-Taiwan degrees are certified by 教育部留学服务中心.
      needs.push(need(archive, 'M-4/degree-certification', education.id, { note: { zh: 'N-12', en: 'N-12' } }));
    } else if (education.level === 'secondary' || !isRealDate(education.graduationDate)) {
      // A secondary school's diploma is neither registered with CHSI nor a 高校 graduate's form; an education
      // without its graduation day yet cannot say which of the two it needs.
    } else if (education.graduationDate < chsiFrom) {
      needs.push(need(archive, 'M-4/graduate-form', education.id, { note: { zh: 'N-12', en: 'N-12' } }));
    } else {
      needs.push(need(archive, 'M-4/chsi-record', education.id, { note: { zh: 'R-8', en: 'R-8' } }));
    }
  }
  const title = currentTitle(archive.titles);
  if (title) needs.push(need(archive, 'M-4/title-cert', title.id));
  const appointment = currentAppointment(archive.appointments);
  if (appointment) needs.push(need(archive, 'M-4/appointment', appointment.id));
  for (const work of archive.works) {
    if (work.type === 'award') needs.push(need(archive, 'M-4/honour', work.id));
    if (work.collective) needs.push(need(archive, 'M-4/main-contributor', work.id));
  }
  return needs;
}

const yearlyLabel = (slot: string, year: number): Localized => {
  const what = slotLabel(slot);
  return { zh: zhJoin(`${year} 年`, what.zh), en: `${what.en}, ${year}` };
};

/** One proof per year of the window; the year's record when the archive has one (M-5, M-7, M-9). */
function yearlyNeeds(
  archive: ArchiveDocument,
  window: ProofWindow,
  kind: YearlyKind,
  records: readonly { id: string; year: number | null }[],
): Need[] {
  return yearsOf(window, kind).map((year) => {
    const slot = yearlySlotName(kind, year);
    // CE proof is one certificate per year, not per course: it names no record.
    const record = kind === 'ce' ? undefined : records.find((r) => r.year === year);
    const what = slotLabel(slot);
    const label = yearlyLabel(slot, year);
    return {
      slot,
      recordId: record?.id ?? null,
      label,
      missing: { zh: zhJoin(`缺少 ${year} 年的`, what.zh), en: `${what.en} for ${year} missing` },
      kind: 'needed',
      isYearly: true,
      note:
        record || kind === 'ce'
          ? undefined
          : { zh: `档案中没有 ${year} 年的记录`, en: `No ${year} record in the archive` },
    } satisfies Need;
  });
}

function needsM10(archive: ArchiveDocument): Need[] {
  const needs: Need[] = [];
  for (const work of archive.works) {
    if (work.type === 'paper') {
      // M-10, R-7: a paper's scans show the cover, the ISSN/CN page, the table of contents and the article.
      const record = nameRecord(archive, work.id);
      for (const tag of PAPER_PAGE_TAGS) {
        const page = PAGE_NAMES[tag];
        needs.push({
          ...need(archive, `M-10/paper/${tag}`, work.id),
          label: record ? { zh: `${record.zh} ${page.zh}`, en: `${record.en}: ${page.en}` } : page,
          missing: missingOf(record, page),
        });
      }
    } else if (work.type !== 'award') {
      // An award's certificate is its proof (M-4/honour); every other work needs one of its own.
      needs.push(need(archive, 'M-10/work', work.id));
    }
    // M-10: a feasibility report needs proof that the applicant wrote it (执笔依据); a report whose kind is
    // not chosen yet is asked for too, a design report only optionally.
    if (work.type === 'report') {
      needs.push(
        need(archive, 'M-10/authorship', work.id, { kind: work.reportKind === 'design' ? 'optional' : 'needed' }),
      );
    }
  }
  return needs;
}

function needsOf(archive: ArchiveDocument, window: ProofWindow, id: MaterialId): Need[] {
  switch (id) {
    case 'M-1':
      return [need(archive, 'M-1/form', null, { kind: 'generated', note: FORMS_LATER })];
    case 'M-2':
      return [need(archive, 'M-2/pledge', null, { kind: 'generated', note: FORMS_LATER })];
    case 'M-3':
      // Unlike M-1 and M-2, the confirmation is signed and stamped by the unit after the publicity (N-8),
      // which the unit adds at the countersignature; the slot stays so a scan already obtained can be attached.
      return [need(archive, 'M-3/publicity', null, { kind: 'unit', note: PUBLICITY_SCAN })];
    case 'M-4':
      return needsM4(archive, window);
    case 'M-5':
      return yearlyNeeds(archive, window, 'pension', archive.pensionYears);
    case 'M-6':
      // Extracted by the provincial system from the archive (M-6 "auto"): a proof is welcome, not required.
      return archive.workPeriods.map((p) => need(archive, 'M-6/experience', p.id, { kind: 'optional' }));
    case 'M-7':
      return yearlyNeeds(archive, window, 'ce', archive.courses);
    case 'M-8':
      return [
        archive.summary.text.trim()
          ? need(archive, 'M-8/summary', null, {
              kind: 'generated',
              note: {
                zh: '取自档案中的工作总结，将由表格功能生成',
                en: "From the archive's summary, by the forms feature",
              },
            })
          : need(archive, 'M-8/summary', null, {
              missing: { zh: '尚未填写专业技术工作总结', en: 'The work summary is not written yet' },
            }),
      ];
    case 'M-9':
      return yearlyNeeds(archive, window, 'assessment', archive.assessments);
    case 'M-10':
      return needsM10(archive);
    case 'M-11':
      return archive.application.exceptional
        ? [
            need(archive, 'M-11/f3', null, {
              note: { zh: '表格功能生成后，附单位签署盖章的扫描件', en: 'Attach the signed and sealed scan' },
            }),
            need(archive, 'M-11/proof', null),
          ]
        : [];
    case 'M-12':
      return archive.unit.type === 'public_institution'
        ? [
            need(archive, 'M-12/f4', null, {
              note: { zh: 'N-14：附各级签署盖章的扫描件', en: 'N-14: attach the signed and sealed scan' },
            }),
          ]
        : [];
  }
}

const NOT_APPLICABLE: Partial<Record<MaterialId, Localized>> = {
  'M-6': {
    zh: '工作经历取自档案，证明材料可选（M-6）',
    en: 'Taken from the archive; a proof is optional (M-6)',
  },
  'M-11': { zh: '未选择破格申报，无需提供（M-11）', en: 'Not an exceptional application (M-11)' },
  'M-12': { zh: '非事业单位，无需提供（N-14、M-12）', en: 'Not a public institution (N-14, M-12)' },
};

interface LiveLink {
  id: string;
  attachmentId: string;
  recordId: string | null;
  slot: string;
}

/** A current link as the rule engine holds it (RuleLink): no link id of its own. */
export interface SlotLink {
  attachmentId: string;
  recordId: string | null;
  slot: string | null;
}

function liveLinks(attachments: readonly LinkedAttachment[]): LiveLink[] {
  return currentLinks(attachments).flatMap((l) =>
    l.slot === null ? [] : [{ id: l.linkId, attachmentId: l.attachmentId, recordId: l.recordId, slot: l.slot }],
  );
}

function matches(need: Need, link: LiveLink): boolean {
  if (link.slot !== need.slot) return false;
  // An item that names no record (the ID card, a year's CE proof) takes any link of its slot.
  if (need.recordId === null) return true;
  return link.recordId === need.recordId || (need.isYearly === true && link.recordId === null);
}

const unique = (ids: string[]) => [...new Set(ids)];

type PaperCopies = ArchiveDocument['materials']['paperCopies'];

/** The applicant's paper copy of this item, if any: the same slot and the same record (or none for both). */
export function paperCopyOf(
  paperCopies: PaperCopies,
  item: { slot: string; recordId: string | null },
): PaperCopies[number] | null {
  return paperCopies.find((p) => p.slot === item.slot && p.recordId === item.recordId) ?? null;
}

function toItem(material: MaterialId, n: Need, attachmentIds: string[], paperCopies: PaperCopies = []): MaterialItem {
  let status: ItemStatus;
  const paper = n.kind === 'needed' && attachmentIds.length === 0 ? paperCopyOf(paperCopies, n) : null;
  if (attachmentIds.length > 0) status = 'attached';
  else if (n.kind === 'generated') status = 'generated';
  else if (n.kind === 'unit') status = 'unit-provides';
  else if (n.kind === 'optional') status = 'not-needed';
  else if (paper) status = 'paper';
  else status = 'missing';
  return {
    key: `${n.slot}#${n.recordId ?? '-'}`,
    material,
    slot: n.slot,
    recordId: n.recordId,
    year: yearlySlot(n.slot)?.year ?? null,
    label: n.label,
    status,
    attachmentIds,
    message: status === 'missing' ? n.missing : null,
    note: n.note ?? null,
    paperReason: paper?.reason ?? null,
  };
}

/**
 * A yearly scan linked outside what the window asks for: its year is not in the window any more, or it
 * names a record of another year. Null when the link is an ordinary extra.
 */
function attentionOf(archive: ArchiveDocument, window: ProofWindow, link: LiveLink): Localized | null {
  const yearly = yearlySlot(link.slot);
  if (!yearly) return null;
  const records = (
    yearly.kind === 'pension'
      ? archive.pensionYears
      : yearly.kind === 'assessment'
        ? archive.assessments
        : archive.courses
  ) as readonly { id: string; year: number | null }[];
  const record = link.recordId === null ? undefined : records.find((r) => r.id === link.recordId);
  if (record && record.year !== null && record.year !== yearly.year) {
    return {
      zh: `归档在 ${yearly.year} 年，但所关联的记录是 ${record.year} 年：请重新关联到 ${record.year} 年`,
      en: `Filed under ${yearly.year} but its record is of ${record.year}: link it again under ${record.year}`,
    };
  }
  if (!yearsOf(window, yearly.kind).includes(yearly.year)) {
    return {
      zh: `${yearly.year} 年不在“假设与参数”所设的年度内（${yearsOf(window, yearly.kind).join('、')}）：不计入本次申报`,
      en: `${yearly.year} is not among the years set on the Assumptions screen (${yearsOf(window, yearly.kind).join(', ')}): not part of this application`,
    };
  }
  return null;
}

function stateOf(items: readonly MaterialItem[]): MaterialState {
  if (items.some((i) => i.status === 'missing')) return 'incomplete';
  if (items.some((i) => i.status === 'attached' || i.status === 'paper')) return 'complete';
  if (items.some((i) => i.status === 'unit-provides')) return 'unit-provides';
  if (items.some((i) => i.status === 'generated')) return 'generated';
  return 'not-needed';
}

/** The twelve materials in order, each with its items (needed, attached, missing). */
export function computeMaterials(
  archive: ArchiveDocument,
  attachments: readonly LinkedAttachment[],
  window: ProofWindow,
): MaterialStatus[] {
  return materialsOf(archive, liveLinks(attachments), window);
}

/** The same from current links as the rule engine holds them (shared/rules/types.ts RuleLink). */
export function materialsOfLinks(
  archive: ArchiveDocument,
  links: readonly SlotLink[],
  window: ProofWindow,
): MaterialStatus[] {
  const live = links.flatMap((l, i) =>
    l.slot === null ? [] : [{ id: String(i), attachmentId: l.attachmentId, recordId: l.recordId, slot: l.slot }],
  );
  return materialsOf(archive, live, window);
}

function materialsOf(archive: ArchiveDocument, links: readonly LiveLink[], window: ProofWindow): MaterialStatus[] {
  const used = new Set<string>();
  // Older readers of an archive (a package of an earlier release) have no paper copies.
  const paperCopies = archive.materials?.paperCopies ?? [];
  const result = MATERIAL_IDS.map((id) => {
    const items = needsOf(archive, window, id).map((n) => {
      const found = links.filter((link) => matches(n, link));
      for (const link of found) used.add(link.id);
      return toItem(id, n, unique(found.map((l) => l.attachmentId)), paperCopies);
    });
    return {
      id,
      label: MATERIAL_LABELS[id],
      state: 'not-needed' as MaterialState,
      note: null as Localized | null,
      items,
    };
  });
  // What is attached beyond what the archive asks for (a second honour, a proof of an old record) is
  // still listed, so the view shows everything linked to a material.
  const extras = new Map<string, MaterialItem>();
  for (const link of links) {
    if (used.has(link.id)) continue;
    const n = need(
      archive,
      link.slot,
      link.recordId !== null && nameRecord(archive, link.recordId) ? link.recordId : null,
    );
    const key = `${n.slot}#${n.recordId ?? '-'}`;
    const existing = extras.get(key);
    if (existing) existing.attachmentIds = unique([...existing.attachmentIds, link.attachmentId]);
    else {
      const item: MaterialItem = {
        ...toItem(materialOf(link.slot) as MaterialId, n, [link.attachmentId]),
        isExtra: true,
      };
      const attention = attentionOf(archive, window, link);
      // Labelled as the window's yearly items are ("2019 年 年度考核材料"), so that the year reads first.
      const label = item.year === null ? item.label : yearlyLabel(link.slot, item.year);
      extras.set(key, attention ? { ...item, label, status: 'attention', message: attention } : { ...item, label });
    }
  }
  for (const material of result) {
    // An unmatched link never shares a key with a need: that need would have matched it.
    for (const extra of extras.values()) if (extra.material === material.id) material.items.push(extra);
    material.state = stateOf(material.items);
    material.note = material.state === 'not-needed' ? (NOT_APPLICABLE[material.id] ?? null) : null;
  }
  return result;
}

/** Every missing item, in material order: the list an applicant works through. */
export const missingItems = (materials: readonly MaterialStatus[]): MaterialItem[] =>
  materials.flatMap((m) => m.items.filter((i) => i.status === 'missing'));
