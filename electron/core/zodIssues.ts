// zod issues as `path: message` in both UI languages, using zod's own maintained locales.
import { z } from 'zod';
import type { Issue } from '../../shared/api/contract.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type RawIssue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, { zh: string; en: string }> = {
  string: { zh: '文本', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是/否（true/false）', en: 'true/false' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
};

/** zod's own wording for a type mismatch mixes languages ("期望 string，实际接收 undefined"); say it plainly. */
function describeType(issue: RawIssue, lang: 'zh' | 'en'): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  const expected = TYPE_NAMES[issue.expected]?.[lang];
  if (!expected) return undefined;
  if (issue.input === undefined)
    return lang === 'zh' ? `缺少此项（应为${expected}）` : `missing (expected ${expected})`;
  const got = issue.input === null ? 'null' : Array.isArray(issue.input) ? 'array' : typeof issue.input;
  const received = TYPE_NAMES[got]?.[lang] ?? got;
  return lang === 'zh' ? `应为${expected}，实际为${received}` : `expected ${expected}, got ${received}`;
}

function describe(locale: typeof zh, issue: RawIssue, lang: 'zh' | 'en'): string {
  const typed = describeType(issue, lang);
  if (typed) return typed;
  // Our own refinements carry their text in both languages in params.
  const own = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined)?.[lang] : undefined;
  if (typeof own === 'string') return own;
  const result = locale(issue as never);
  const text = typeof result === 'string' ? result : result?.message;
  return text ?? issue.message;
}

/** Flattens union issues to their most specific branch so an import problem names the real field. */
function flatten(issues: readonly RawIssue[], prefix: PropertyKey[] = []): RawIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (a.length <= b.length ? a : b));
      return flatten(best, path);
    }
    return [{ ...issue, path } as RawIssue];
  });
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(根)' : path.map(String).join('.');
}

export function toIssues(error: z.ZodError): Issue[] {
  return flatten(error.issues).map((issue) => ({
    path: pathText(issue.path),
    message: { zh: describe(zh, issue, 'zh'), en: describe(en, issue, 'en') },
  }));
}
