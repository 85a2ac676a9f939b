// M-3 申报材料公示确认表: the unit confirms that the applicant's materials were publicised (N-8: at least
// 5 working days at the unit, holidays and adjusted working days as the state calendar says). The dates
// come from the rule pack's parameters (publicityStart / publicityEnd); the working days between them are
// counted with the same calendar and convention as rule R-5, and printed as they are — a period that is
// too short is printed as too short, never rounded up. Without dates the form leaves lines to fill by hand.
import { countWorkingDays } from '../../../shared/calendar/workingDays.js';
import { FORMS } from '../../../shared/forms/catalog.js';
import { finishForm, startForm } from './formStart.js';
import { formatDate } from './facts.js';
import { opinionRow } from './pdf/blocks.js';
import type { Cell } from './pdf/formDoc.js';
import type { Params2020 } from '../../../shared/rules/pack2020/params.js';
import type { FormBuilder, FormContext } from './types.js';

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const value = (text: string, span: number, align: 'left' | 'center' = 'left'): Cell => ({ text, span, align });

const DATE_TO_FILL = '　　　　年　　月　　日';

/** 公示时间 as printed: both dates in the forms' style (2020.09.28), or lines to fill in. */
export function publicityPeriod(params: Params2020): string {
  const start = params.publicityStart ? formatDate(params.publicityStart) : DATE_TO_FILL;
  const end = params.publicityEnd ? formatDate(params.publicityEnd) : DATE_TO_FILL;
  return `${start}　至　${end}`;
}

/**
 * The working days of the publicity period (R-5's calendar and convention); null while a date is not set
 * or the calendar does not cover the years (the count is then left to the hand, never guessed).
 */
export function publicityWorkingDays(params: Params2020): number | null {
  if (!params.publicityStart || !params.publicityEnd) return null;
  const count = countWorkingDays(params.publicityStart, params.publicityEnd, params.publicityStartCounts);
  return count.ok ? count.days : null;
}

/** The warning of the forms list when the period is set and shorter than N-8 asks; null otherwise. */
export function publicityTooShort(params: Params2020): { zh: string; en: string } | null {
  const days = publicityWorkingDays(params);
  if (days === null || days >= params.publicityDays) return null;
  return {
    zh: `公示期仅 ${days} 个工作日，少于 ${params.publicityDays} 个工作日（N-8）`,
    en: `The publicity lasts only ${days} working ${days === 1 ? 'day' : 'days'}, fewer than the ${params.publicityDays} N-8 asks for`,
  };
}

/** 公示天数: the working days counted, with a remark when fewer than N-8 asks. */
export function publicityDays(params: Params2020): string {
  const days = publicityWorkingDays(params);
  if (days === null) return '　　　个工作日';
  const short = days < params.publicityDays ? `（少于 ${params.publicityDays} 个工作日）` : '';
  return `${days} 个工作日${short}`;
}

/**
 * A unit's publicity (issue 7, electron/core/unit/publicity.ts): its dates come in as the parameters'
 * publicityStart/End; where it was posted and, once recorded, the outcome are printed rather than left
 * to the hand.
 */
export interface UnitPublicity {
  place: string;
  outcome: 'pending' | 'no_objection' | 'objection';
  note: string;
}

export const buildPublicityConfirmation: FormBuilder = (ctx) => buildUnitPublicityConfirmation(ctx, null);

export async function buildUnitPublicityConfirmation(ctx: FormContext, unitPublicity: UnitPublicity | null) {
  const { archive, params } = ctx;
  const { profile, unit, application } = archive;
  const doc = await startForm('M-3', ctx);
  await doc.title(FORMS['M-3'].title.zh);
  const titleApplied = application.specialty
    ? `${application.titleApplied}（${application.specialty}）`
    : application.titleApplied;
  await doc.row([label('申报人', 18), value(profile.name, 26), label('申报职称', 18), value(titleApplied, 38)], {
    minHeight: 30,
  });
  await doc.row([label('工作单位', 18), value(unit.name, 82)], { minHeight: 30 });
  await doc.row([label('公示时间', 18), value(publicityPeriod(params), 82)], { minHeight: 30 });
  await doc.row([label('公示天数', 18), value(publicityDays(params), 82)], { minHeight: 30 });
  await doc.row([label('公示范围（地点）', 18), value(unitPublicity?.place ?? '', 82)], { minHeight: 60 });
  // Ticked by hand: 无异议, or 有异议 and how the objection was handled, written on the line and below it.
  // A recorded objection prints its note (wrapped, above the boxes) instead of the line left for the hand.
  const outcome = unitPublicity?.outcome ?? 'pending';
  const note = outcome === 'objection' ? (unitPublicity?.note ?? '') : '';
  await doc.opinionBox('公示结果', {
    height: 90,
    labelWidth: 0.18 * doc.width,
    ...(note ? { text: `异议及处理情况：${note}` } : {}),
    lines: [
      [
        { check: outcome === 'no_objection' },
        '无异议',
        '　　　　',
        { check: outcome === 'objection' },
        ...(note ? ['有异议'] : ['有异议，处理情况：', { blank: 190 }]),
      ],
    ],
  });
  await opinionRow(
    doc,
    [{ label: '单位确认', labelSpan: 18, span: 82, heading: '以上公示情况属实。', signature: '单位负责人（签字）：' }],
    140,
  );
  doc.gap(6);
  const counting = params.publicityStartCounts ? '公示首日计入' : '公示首日不计入';
  await doc.paragraph(
    `注：申报材料须在申报人所在单位公示不少于 ${params.publicityDays} 个工作日（浙经信人事〔2020〕84号）；` +
      `公示天数按国家法定节假日和调休安排计算（${counting}）。`,
    { size: 9 },
  );
  return finishForm(doc);
}
