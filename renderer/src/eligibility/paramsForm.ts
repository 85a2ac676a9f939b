// The pure part of the 假设与参数 form: a value shown as the user reads it (labels, not codes), the
// form's problems per field in both languages, and what 恢复默认值 changes (never the unit's publicity
// dates: they are the applicant's data, not assumptions).
import { PACK_2020, PARAM_META, Params2020, type ParamKey } from '../../../shared/rules/pack2020/index.js';
import type { Localized } from '../../../shared/rules/types.js';

export type Draft = Record<string, unknown>;
export const PARAM_KEYS = Object.keys(PARAM_META) as ParamKey[];

/** The applicant's own data kept in the parameters: 恢复默认值 leaves them as they are. */
export const APPLICANT_PARAMS: readonly ParamKey[] = ['publicityStart', 'publicityEnd'];

const L = (zh: string, en: string): Localized => ({ zh, en });

/** A parameter's value for display: an option's label, 是/否, years joined, '—' for nothing. */
export function formatParamValue(key: string, value: unknown): Localized {
  const meta = (PARAM_META as Record<string, (typeof PARAM_META)[ParamKey] | undefined>)[key];
  if (value === null || value === undefined || value === '') return L('（空）', '(empty)');
  if (typeof value === 'boolean') return value ? L('是', 'Yes') : L('否', 'No');
  if (Array.isArray(value)) return L(value.join('、'), value.join(', '));
  const option = meta?.options?.find((o) => o.value === value);
  if (option) return option.label;
  const text = String(value);
  return L(text, text);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The keys whose values differ between two sets of parameters. */
export const changedKeys = (from: Draft, to: Draft): ParamKey[] => PARAM_KEYS.filter((k) => !sameValue(from[k], to[k]));

/** What 恢复默认值 saves: the pack's defaults, with the publicity dates as they are in the draft. */
export function resetTarget(draft: Draft): Draft {
  const target: Draft = { ...PACK_2020.defaults };
  for (const key of APPLICANT_PARAMS) target[key] = draft[key];
  return target;
}

function issueMessage(key: ParamKey, issue: { code: string; message: string; [k: string]: unknown }): Localized {
  const kind = PARAM_META[key].kind;
  // The pack's own checks say themselves in both languages (params.ts): the very words the core answers
  // rules:setParams with. What is left is zod's own checks of type and bounds.
  const own = issue['params'] as Partial<Localized> | undefined;
  if (issue.code === 'custom' && typeof own?.zh === 'string' && typeof own.en === 'string') {
    return L(own.zh, own.en);
  }
  if (kind === 'date') {
    return key === 'publicityStart' || key === 'publicityEnd'
      ? L('请填写真实的日期（YYYY-MM-DD），或留空', 'Enter a real date (YYYY-MM-DD), or leave it empty')
      : L('请填写真实的日期（YYYY-MM-DD）', 'Enter a real date (YYYY-MM-DD)');
  }
  if (kind === 'years') {
    if (issue.code === 'too_small') return L('请至少填写一个年份', 'Enter at least one year');
    if (issue.code === 'too_big' && Array.isArray(issue['path']) && issue['path'].length === 1) {
      return L('最多 10 个年份', 'At most 10 years');
    }
    return L('请填写 1990–2100 之间的 4 位年份，用逗号分隔', 'Enter 4-digit years (1990–2100), separated by commas');
  }
  if (kind === 'number') {
    if (issue.code === 'invalid_type' && issue['expected'] === 'int') return L('须为整数', 'Must be a whole number');
    if (issue.code === 'too_small') {
      return L(`不能小于 ${String(issue['minimum'])}`, `Must be at least ${String(issue['minimum'])}`);
    }
    if (issue.code === 'too_big') {
      return L(`不能大于 ${String(issue['maximum'])}`, `Must be at most ${String(issue['maximum'])}`);
    }
    return L('请填写数字', 'Enter a number');
  }
  return L('请选择一个值', 'Choose a value');
}

/**
 * The core's refusal of rules:setParams (`issues`: `path: message` in both languages) per field: the
 * path's first segment is the parameter (`assessmentYears.1`, `params.assessmentYears.1` →
 * assessmentYears). Paths naming no parameter are left for the general message.
 */
export function issuesByParam(
  issues: readonly { path: string; message: Localized }[] | undefined,
): Partial<Record<ParamKey, Localized[]>> {
  const result: Partial<Record<ParamKey, Localized[]>> = {};
  for (const issue of issues ?? []) {
    // The contract's check names the input (`params.ceYears`), the pack's check the parameter itself.
    const key = issue.path.replace(/^params\./, '').split('.', 1)[0] ?? '';
    if (!(key in PARAM_META)) continue;
    const list = (result[key as ParamKey] ??= []);
    if (!list.some((m) => m.zh === issue.message.zh)) list.push(issue.message);
  }
  return result;
}

/** The draft's problems, one per field (the first found), in both languages. */
export function paramErrors(draft: Draft): Partial<Record<ParamKey, Localized>> {
  const parsed = Params2020.safeParse(draft);
  if (parsed.success) return {};
  const errors: Partial<Record<ParamKey, Localized>> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    if (typeof key !== 'string' || !(key in PARAM_META)) continue;
    errors[key as ParamKey] ??= issueMessage(key as ParamKey, issue as unknown as Parameters<typeof issueMessage>[1]);
  }
  return errors;
}
