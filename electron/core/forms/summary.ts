// M-8 《专业技术工作总结》: the summary of professional work since the current title, as typed on 工作总结,
// printed for the applicant to sign. A head table names whose it is (姓名, 工作单位, 申报专业 and 职称, the
// title held and the period it covers: since that title was obtained); then the text, paragraph by
// paragraph, indented two characters as Chinese prose is and flowing over as many pages as it takes; then
// 本人签名 and the date, kept together at the end.
import type { Localized } from '../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { FORMS } from '../../../shared/forms/catalog.js';
import { DossierError } from '../errors.js';
import { formatPeriod, highestTitle } from './facts.js';
import { finishForm, startForm } from './formStart.js';
import { signOff, signOffHeight } from './pdf/blocks.js';
import type { Cell } from './pdf/formDoc.js';
import type { FormBuilder } from './types.js';

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const value = (text: string, span: number): Cell => ({ text, span });

/** Why M-8 cannot be printed yet: the summary is empty (the forms list says so, the builder refuses). */
export const SUMMARY_MISSING: Localized = {
  zh: '请先在“工作总结”中填写专业技术工作总结',
  en: 'Write the work summary first (Work summary)',
};

/** The summary's paragraphs: each line of the text a paragraph, blank lines dropped, spaces trimmed. */
export function summaryParagraphs(archive: ArchiveDocument): string[] {
  return archive.summary.text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** 总结时段: from the title held (任现职以来) to now; blank without a dated title. */
function period(archive: ArchiveDocument): string {
  const title = highestTitle(archive);
  return title?.obtainedDate ? `${formatPeriod(title.obtainedDate, '')}（任现职以来）` : '';
}

export const buildSummary: FormBuilder = async (ctx) => {
  const { archive } = ctx;
  const paragraphs = summaryParagraphs(archive);
  if (paragraphs.length === 0) {
    throw new DossierError('summary_missing', SUMMARY_MISSING, [
      { path: 'M-8.summary.text', message: SUMMARY_MISSING },
    ]);
  }
  const { profile, unit, application } = archive;
  const doc = await startForm('M-8', ctx);
  await doc.title(FORMS['M-8'].title.zh);
  // Four columns: label, value, label, value (shares of 100).
  const [c1, c2, c3, c4] = [17, 33, 15, 35] as const;
  const rowOpts = { minHeight: 26 };
  await doc.row([label('姓　名', c1), value(profile.name, c2), label('工作单位', c3), value(unit.name, c4)], rowOpts);
  await doc.row(
    [
      label('申报专业', c1),
      value(application.specialty, c2),
      label('申报职称', c3),
      value(application.titleApplied, c4),
    ],
    rowOpts,
  );
  await doc.row(
    [
      label('现专业技术资格', c1),
      value(highestTitle(archive)?.name ?? '', c2),
      label('总结时段', c3),
      value(period(archive), c4),
    ],
    rowOpts,
  );
  doc.gap(12);
  const sign = ['本人签名：＿＿＿＿＿＿＿＿', '年　　月　　日'];
  // The signature never stands alone on a page: the summary's last lines come with it.
  const keepWith = signOffHeight(doc, sign.length, 18) + 3;
  for (const [i, paragraph] of paragraphs.entries()) {
    await doc.paragraph(`　　${paragraph}`, i === paragraphs.length - 1 ? { keepWith } : {});
    doc.gap(3);
  }
  await signOff(doc, sign, 18);
  return finishForm(doc);
};
