// The unit's type (企业 / 事业单位 / 其他) against what its applicants' archives say (issue 19, item 10).
// The type decides what the unit owes the city: a public institution's applicants need 岗位信息表 (F-4,
// N-14) and the unit's F-4 figures; an enterprise's do not. An officer who changes the type after the
// packages came in, or whose applicants filled in the other one, must hear it at the field, naming who,
// before saving and after: one of the two is wrong, and only a person can tell which. Shared by the core
// (unit:get / unit:set problems, the CLI) and the 单位信息 form (the draft, as typed).
import { z } from 'zod';
import { UNIT_TYPE_LABELS } from '../archive/labels.js';
import { UNIT_TYPES, type Unit } from '../archive/schema.js';

/** An applicant held by the unit and the unit type their archive's unit section gives (never empty). */
export const ArchiveUnitType = z.object({
  applicantId: z.string(),
  name: z.string(),
  type: z.enum(UNIT_TYPES),
});
export type ArchiveUnitType = z.infer<typeof ArchiveUnitType>;

/** How many names a message lists before "等 N 人". */
const NAMES_SHOWN = 10;

/**
 * The problem at `unit.type` when the unit's type differs from what some applicants' archives say, naming
 * them by the type their archives give; null when the unit has no type yet or every archive agrees.
 */
export function unitTypeConflict(
  type: Unit['type'],
  archives: readonly ArchiveUnitType[],
): { path: 'unit.type'; message: { zh: string; en: string } } | null {
  if (type === '') return null;
  const others = archives.filter((a) => a.type !== type);
  if (others.length === 0) return null;
  const groups = UNIT_TYPES.map((t) => ({ type: t, names: others.filter((a) => a.type === t).map(nameOf) })).filter(
    (g) => g.names.length > 0,
  );
  const list = (names: string[], sep: string, more: (n: number) => string) =>
    names.slice(0, NAMES_SHOWN).join(sep) + (names.length > NAMES_SHOWN ? more(names.length - NAMES_SHOWN) : '');
  const zh = groups
    .map((g) => `“${UNIT_TYPE_LABELS[g.type].zh}”（${list(g.names, '、', (n) => ` 等，另 ${n} 人`)}）`)
    .join('、');
  const en = groups
    .map((g) => `"${UNIT_TYPE_LABELS[g.type].en}" (${list(g.names, ', ', (n) => ` and ${n} more`)})`)
    .join(', ');
  const mine = UNIT_TYPE_LABELS[type];
  const n = others.length;
  return {
    path: 'unit.type',
    message: {
      zh: `与申报人档案不一致：此处为“${mine.zh}”，而 ${n} 位申报人的档案中是${zh}。请核实：若单位性质填错，请更正；若申报人档案填错，请退回让其更正。事业单位的申报人需要岗位信息表（F-4）。`,
      en: `Differs from the applicants' archives: this says "${mine.en}", but ${n === 1 ? "1 applicant's archive says" : `${n} applicants' archives say`} ${en}. Check which is right: correct the unit's type, or return the packages for the applicants to correct their archives. A public institution's applicants need the post information sheet (F-4).`,
    },
  };
}

const nameOf = (a: ArchiveUnitType) => a.name.trim() || a.applicantId;
