// Archive format 2: titles carry their series; version 1 documents are upgraded by deriving it from the
// name where the name says it unambiguously, and left for the applicant to choose otherwise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProblems } from '../../shared/archive/problems.js';
import { ArchiveDocument, ARCHIVE_VERSION } from '../../shared/archive/schema.js';
import { deriveTitleSeries } from '../../shared/archive/titleSeries.js';

describe('deriveTitleSeries (R-1)', () => {
  it.each([
    ['工程师', 'engineering'],
    ['助理工程师', 'engineering'],
    ['高级工程师', 'engineering'],
    ['工程师（热能动力）', 'engineering'],
    ['技术员', 'engineering'],
    ['经济师', 'economics'],
    ['高级经济师', 'economics'],
    ['会计师', 'accounting'],
    ['统计师', 'statistics'],
    ['政工师', 'political'],
    [' 工 程 师 ', 'engineering'],
    ['工程师兼经济师', ''],
    ['讲师', ''],
    ['', ''],
  ] as const)('%s → %s', (name, series) => {
    expect(deriveTitleSeries(name)).toBe(series);
  });
});

describe('a version 1 document', () => {
  const v2 = JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')) as Record<string, unknown>;
  const v1 = {
    ...v2,
    version: 1,
    titles: (v2.titles as Record<string, unknown>[]).map(({ series: _series, ...t }) => t),
  };

  it('imports, upgraded to the current version with each series derived', () => {
    const doc = ArchiveDocument.parse(v1);
    expect(doc.version).toBe(ARCHIVE_VERSION);
    expect(doc.titles.map((t) => t.series)).toEqual(['engineering', 'engineering']);
  });

  it('leaves an ambiguous name for the applicant, with a problem at the field', () => {
    const odd = { ...v1, titles: [{ ...v1.titles[1]!, name: '工程师兼经济师' }] };
    const doc = ArchiveDocument.parse(odd);
    expect(doc.titles[0]!.series).toBe('');
    const problems = findProblems(doc, '2026-12-07').filter((p) => p.path.endsWith('.series'));
    expect(problems.map((p) => p.path)).toEqual([`titles.${doc.titles[0]!.id}.series`]);
  });

  it('a version 2 document without a series is refused (the field is required from version 2)', () => {
    const bad = { ...v2, titles: v1.titles };
    expect(ArchiveDocument.safeParse(bad).success).toBe(false);
  });
});
