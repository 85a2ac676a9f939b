// The unit's opinion page (单位审核推荐意见, N-9, N-10, N-13): the unit that reviewed the applicant, the
// decision, the officer's opinion, the publicity (N-8), and the fingerprint of the unit's signing key — as
// F-1 prints the applicant's — so that the stamped and signed paper vouches for the key that signs level 2
// of the package. Carried in level 2 as content/unit/opinion.pdf; its footer is the archive fingerprint.
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { COMMITTEE_INFO } from '../../../shared/archive/committees.js';
import { UNIT_TYPE_LABELS } from '../../../shared/archive/labels.js';
import type { UnitProfile } from '../../../shared/unit/schema.js';
import { formatFingerprint } from '../package/sm2.js';
import { opinionRow } from './pdf/blocks.js';
import { FormDoc, type Cell } from './pdf/formDoc.js';
import type { BuiltForm } from './types.js';
import { periodCell } from './unitDates.js';

export const OPINION_TITLE = '单位审核推荐意见表';

export interface OpinionInput {
  unit: UnitProfile;
  archive: ArchiveDocument;
  /** SHA-256 of the archive's export JSON: the footer, as on the applicant's forms. */
  archiveFingerprint: string;
  decision: 'accepted' | 'returned';
  opinion: string;
  publicity: { startDate: string; endDate: string; workingDays: number; outcome: string } | null;
  /** The unit's signing key (SHA-256 of its SPKI, hex). */
  unitFingerprint: string;
}

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const value = (text: string, span: number): Cell => ({ text, span, align: 'left' });

const OUTCOME_ZH: Record<string, string> = { no_objection: '无异议', objection: '有异议', pending: '未记录' };

/** The decision in the unit's words: a recommendation (accepted) or a return for correction (退回). */
export function decisionText(decision: OpinionInput['decision'], committee: string): string {
  return decision === 'accepted'
    ? `经审核，该同志的申报材料真实、规范、完整，同意推荐参加${committee || '相应评审委员会'}评审。`
    : '经审核，该同志的申报材料需修改完善，予以退回（见审核意见）。';
}

export async function buildUnitOpinion(input: OpinionInput): Promise<BuiltForm> {
  const { unit, archive } = input;
  const { profile, application } = archive;
  const doc = await FormDoc.create({
    title: OPINION_TITLE,
    fingerprint: input.archiveFingerprint,
    fingerprintLabel: '档案指纹',
    pageLabel: (page, pages) => `第 ${page} 页 共 ${pages} 页`,
  });
  await doc.title(OPINION_TITLE);
  const committee = application.committee ? COMMITTEE_INFO[application.committee].fullName : '';
  const rowOpts = { minHeight: 28 };
  await doc.row([label('单位名称', 20), value(unit.name, 80)], rowOpts);
  await doc.row(
    [
      label('统一社会信用代码', 20),
      value(unit.creditCode, 34),
      label('单位类型', 14),
      value(unit.type ? UNIT_TYPE_LABELS[unit.type].zh : '', 32),
    ],
    rowOpts,
  );
  await doc.row(
    [
      label(unit.competentDepartment ? '主管部门' : '人事代理机构', 20),
      value(unit.competentDepartment || unit.personnelAgency, 80),
    ],
    rowOpts,
  );
  await doc.row(
    [label('申报人', 20), value(profile.name, 34), label('身份证号码', 14), value(profile.idNumber, 32)],
    rowOpts,
  );
  await doc.row(
    [
      label('申报专业', 20),
      value(application.specialty, 34),
      label('申报职称', 14),
      value(application.titleApplied, 32),
    ],
    rowOpts,
  );
  await doc.row(
    [label('评审委员会', 20), value(committee, 62), label('破格', 8), value(application.exceptional ? '是' : '否', 10)],
    rowOpts,
  );
  const p = input.publicity;
  await doc.row(
    [
      label('单位公示', 20),
      value(
        p
          ? `${periodCell(p.startDate, p.endDate)}（${p.workingDays} 个工作日），${OUTCOME_ZH[p.outcome] ?? p.outcome}`
          : '',
        80,
      ),
    ],
    rowOpts,
  );
  await doc.row([label('审核结论', 20), value(input.decision === 'accepted' ? '同意推荐' : '退回修改', 80)], rowOpts);
  // The officer's own words grow the row (and continue on the next page when long).
  await doc.row([label('审核意见', 20), { text: input.opinion.trim(), span: 80, valign: 'top' }], { minHeight: 110 });
  await opinionRow(
    doc,
    [
      {
        label: '单位意见',
        labelSpan: 20,
        span: 80,
        heading: decisionText(input.decision, committee),
        signature: '单位负责人（签字）：',
      },
    ],
    150,
  );
  // Two lines of eight groups: read aloud and compared by eye with the key the package's level 2 names.
  const groups = formatFingerprint(input.unitFingerprint).split(' ');
  await doc.row(
    [
      label('单位电子签名\n密钥指纹', 20),
      { text: `${groups.slice(0, 8).join(' ')}\n${groups.slice(8).join(' ')}`, span: 80, align: 'center' },
    ],
    { minHeight: 36, keep: true },
  );
  doc.gap(4);
  await doc.paragraph('本单位以此密钥对该申报人的电子申报包签名（第 2 级：单位审核）；收件方可凭上述指纹核验签名。', {
    size: 9,
    grey: true,
  });
  const bytes = await doc.finish();
  return { bytes, pages: doc.pdf.getPageCount(), missing: [...doc.missing] };
}
