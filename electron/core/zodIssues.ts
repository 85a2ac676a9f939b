// zod issues as `path: message` in both UI languages, using zod's own maintained locales.
import { z } from 'zod';
import type { Issue } from '../../shared/api/contract.js';

const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type RawIssue = z.core.$ZodIssue;

function describe(locale: typeof zh, issue: RawIssue, lang: 'zh' | 'en'): string {
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
