// F-1 《专业技术资格评审表》 (notice F-1, M-1, N-9) from real archives, read back by poppler and MuPDF: every
// value of the archive is there as text (rare name characters included), both renderers draw every page
// without a font warning, long archives flow over many pages without text leaving them, and the same
// archive gives the same bytes. The sample's pages are kept as PNGs in test-results/forms/ to look at.
import { TITLE_SERIES_LABELS } from '../../shared/archive/titleSeries.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildF1 } from '../../electron/core/forms/f1.js';
import { formatDate, formatMonth, formatPeriod } from '../../electron/core/forms/facts.js';
import { breakLines, CONTINUED } from '../../electron/core/forms/pdf/lineBreak.js';
import { packageRoot } from '../../electron/core/paths.js';
import { COMMITTEE_INFO } from '../../shared/archive/committees.js';
import { emptyArchive, emptyRecord } from '../../shared/archive/empty.js';
import {
  ASSESSMENT_RESULT_LABELS,
  CE_PLATFORM_LABELS,
  COURSE_CATEGORY_LABELS,
  COURSE_MODE_LABELS,
  DEGREE_ORIGIN_LABELS,
  EDUCATION_LEVEL_LABELS,
  LEVEL_LABELS,
  PATENT_TYPE_LABELS,
  REPORT_KIND_LABELS,
  SEX_LABELS,
  TITLE_LEVEL_LABELS,
  UNIT_TYPE_LABELS,
  WORK_TYPE_LABELS,
} from '../../shared/archive/labels.js';
import { ArchiveDocument, RECORD_KINDS, WORK_FIELDS, WORK_TYPES, type Work } from '../../shared/archive/schema.js';
import { plainContext, sampleArchive } from '../helpers/forms.js';
import { pdfText, pdfWords, renderCheck, squash, textLines, writePagePngs } from '../helpers/pdf.js';

const ROOT = packageRoot();
const sample = sampleArchive;
const ctx = plainContext;

/**
 * Page furniture (running title, page number, fingerprint) cut out, and the mark of a word too long for a
 * line (CONTINUED) taken off the line it ends, so that a value broken over lines or pages reads whole.
 */
async function bodyText(bytes: Uint8Array): Promise<string> {
  const text = await pdfText(bytes, { mode: 'raw' });
  return squash(
    text
      .split(/\n/)
      .filter((l) => !/第 \d+ 页 共 \d+ 页|档案指纹|专业技术资格评审表（续）/.test(l))
      .map((l) => (l.trimEnd().endsWith(CONTINUED) ? l.trimEnd().slice(0, -CONTINUED.length) : l))
      .join('\n'),
  );
}

/** Which printed text stands for a field: dates as printed, enum values by their Chinese label. */
const LABELS: Record<string, Record<string, { zh: string }>> = {
  'educations.level': EDUCATION_LEVEL_LABELS,
  'educations.origin': DEGREE_ORIGIN_LABELS,
  'titles.level': TITLE_LEVEL_LABELS,
  'titles.series': TITLE_SERIES_LABELS,
  'courses.category': COURSE_CATEGORY_LABELS,
  'courses.mode': COURSE_MODE_LABELS,
  'courses.platform': CE_PLATFORM_LABELS,
  'assessments.result': ASSESSMENT_RESULT_LABELS,
  'works.type': WORK_TYPE_LABELS,
  'works.patentType': PATENT_TYPE_LABELS,
  'works.reportKind': REPORT_KIND_LABELS,
  'works.level': LEVEL_LABELS,
};

/** Every non-empty value of the archive as the form prints it, with where it comes from. */
function expectedValues(a: ArchiveDocument): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const add = (where: string, text: string) => text !== '' && out.push({ where, text });
  const printed = (where: string, key: string, value: unknown): string | null => {
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string' || value === '') return null;
    // 出生年月 is a month (YYYY.MM); every other date is printed whole (YYYY.MM.DD).
    if (key === 'birthDate') return formatMonth(value);
    if (/(^date|Date)$/.test(key)) return formatDate(value);
    const labels = LABELS[where];
    return labels ? labels[value]!.zh : value;
  };
  for (const [key, value] of Object.entries(a.profile)) {
    add(`profile.${key}`, key === 'sex' && value ? SEX_LABELS[value as 'male'].zh : (printed('', key, value) ?? ''));
  }
  for (const [key, value] of Object.entries(a.unit)) {
    add(`unit.${key}`, key === 'type' && value ? UNIT_TYPE_LABELS[value as 'other'].zh : (value as string));
  }
  add('application.specialty', a.application.specialty);
  add('application.titleApplied', a.application.titleApplied);
  add('application.exceptionalReason', a.application.exceptionalReason);
  if (a.application.committee) add('application.committee', COMMITTEE_INFO[a.application.committee].fullName);
  for (const kind of RECORD_KINDS) {
    for (const [i, record] of a[kind].entries()) {
      for (const [key, value] of Object.entries(record)) {
        if (key === 'id') continue;
        // Works print the fields of their type (WORK_FIELDS); a report shows its kind in place of its type.
        if (kind === 'works') {
          const w = record as Work;
          const common = ['title', 'date', 'description', 'type'];
          if (!common.includes(key) && !(WORK_FIELDS[w.type] as readonly string[]).includes(key)) continue;
          if (key === 'type' && w.type === 'report' && w.reportKind) continue;
        }
        if (kind === 'educations' && key === 'origin' && value === 'domestic') continue;
        const text = printed(`${kind}.${key}`, key, value);
        if (text !== null) add(`${kind}[${i}].${key}`, text);
      }
    }
  }
  for (const paragraph of a.summary.text.split('\n')) add('summary', paragraph.trim());
  return out;
}

function missingValues(a: ArchiveDocument, body: string): string[] {
  return expectedValues(a)
    .filter(({ text }) => !body.includes(squash(text)))
    .map(({ where, text }) => `${where}: ${text.slice(0, 60)}`);
}

const RARE = '犇堃喆珺燊𠮷𪚥';
const LATIN = 'Xq'.repeat(70); // 140 letters without a break

/** A huge archive: the sample with 200 works, a 20,000-character summary, long Latin strings, rare names. */
function longArchive(): ArchiveDocument {
  const a = sample();
  a.profile.name = `吴${RARE}`;
  a.profile.email = `${'jizhe.wu'.repeat(12)}@example.com`;
  a.unit.name = `浙江${RARE}清能热电有限公司`;
  a.workPeriods[0]!.description = `参与项目资料见 https://example.com/${LATIN} ，负责锅炉运行。`;
  a.works = Array.from({ length: 200 }, (_, i): Work => {
    const type = WORK_TYPES[i % WORK_TYPES.length]!;
    return {
      ...emptyRecord('works', `long-work-${i + 1}`),
      type,
      title: `第${i + 1}号成果：循环流化床锅炉燃烧优化研究${i % 10 === 0 ? LATIN : ''}${i % 7 === 0 ? RARE : ''}`,
      date: `20${String(10 + (i % 10)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
      representative: i === 41,
      collective: i % 5 === 0,
      rank: i % 4,
      journal: '浙江电力',
      issn: '1007-1881',
      cn: 'CN 33-1080/TM',
      issue: `2019年第${1 + (i % 12)}期`,
      publisher: '中国电力出版社',
      isbn: '978-7-5198-0000-0',
      patentType: 'invention',
      patentNumber: `ZL20181098765${i}.X`,
      reportKind: 'design',
      role: '主要编写人',
      isLeadWriter: i % 2 === 0,
      issuer: '衢州市人民政府',
      number: `QZ-${i}`,
      level: 'city',
      grade: '三等奖',
      description: `第${i + 1}项的简介：喷氨优化与燃烧调整。`,
    };
  });
  const paragraphs = sample().summary.text.split('\n').filter(Boolean);
  let text = '';
  for (let i = 0; text.length < 19_900; i++) text += `${i + 1}. ${paragraphs[i % paragraphs.length]}\n`;
  const end = `。${RARE}${LATIN}以上为本人任现职以来专业技术工作总结全文，完。`;
  a.summary.text = text.slice(0, 20_000 - [...end].length) + end;
  expect([...a.summary.text]).toHaveLength(20_000);
  return ArchiveDocument.parse(a);
}

// Two renderers over up to 36 pages: slow on a loaded machine.
const SLOW = { timeout: 180_000 };

describe('F-1 《专业技术资格评审表》', () => {
  it(
    'prints every value of the sample archive as text, 𠮷 included, and renders cleanly in poppler and MuPDF',
    SLOW,
    async () => {
      const a = sample();
      const built = await buildF1(ctx(a, 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'));
      expect(built.missing).toEqual([]);
      expect(built.bytes.byteLength).toBeLessThan(1_000_000);
      const body = await bodyText(built.bytes);
      expect(expectedValues(a).length).toBeGreaterThan(180); // the walk over the archive finds its values
      expect(missingValues(a, body)).toEqual([]);
      expect(body).toContain('吴𠮷喆');
      expect(body).toContain(squash('a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90 a1b2 c3d4 e5f6 0718 293a 4b5c 6d7e 8f90'));
      expect(body).toContain(formatPeriod('2010-04-01', '')); // the current appointment: 2010.04.01—至今
      for (const heading of ['基本情况', '学历教育', '继续教育', '业绩成果', '专业技术工作总结', '所在单位意见']) {
        expect(body).toContain(heading);
      }
      // The continuing-education totals of each year (N-6): 2018 has 72 professional and 24 public hours.
      expect(body).toContain(squash('2018 年度：专业科目 72 学时，公需科目 24 学时'));
      const layout = await pdfText(built.bytes);
      expect(layout).not.toMatch(/undefined|null|NaN/);

      // M-10: the representative work's name and its mark are set in bold.
      const bold = (await textLines(built.bytes)).filter((l) => /Bold/.test(l.font)).map((l) => l.text);
      expect(squash(bold.join(''))).toContain(squash(a.works.find((w) => w.representative)!.title));
      expect(bold).toContain('代表作');

      const render = await renderCheck(built.bytes);
      expect(render.problems).toEqual([]);
      expect(render.poppler).toHaveLength(built.pages);
      expect(render.mupdf).toHaveLength(built.pages);
      // Both renderers draw ink wherever the text layer has a word: a font they cannot use leaves it blank.
      for (const image of [...render.poppler, ...render.mupdf]) {
        expect(image.nonWhite).toBe(true);
        expect(image.words).toBeGreaterThan(10);
        expect(image.blankWords).toEqual([]);
      }

      const pngs = await writePagePngs(built.bytes, path.join(ROOT, 'test-results/forms'), 'F-1-sample');
      expect(pngs).toHaveLength(built.pages);
    },
  );

  it(
    'flows a huge archive (200 works, 20,000-character summary, long Latin strings) over many pages',
    SLOW,
    async () => {
      const a = longArchive();
      const c = ctx(a);
      // Its speed is measured by npm run bench (target < 1 s), not here: a timed test fails on a loaded machine.
      const built = await buildF1(c);

      expect(built.missing).toEqual([]);
      expect(built.pages).toBeGreaterThan(10);
      expect(built.pages).toBeLessThan(60);
      const body = await bodyText(built.bytes);
      const titles = a.works.map((w) => w.title).filter((t) => !body.includes(squash(t)));
      expect(titles).toEqual([]);
      expect(body).toContain(squash(a.summary.text.slice(-50)));
      expect(body).toContain(squash(a.summary.text.slice(0, 200)));
      expect(body).toContain(a.profile.name);
      expect(body).toContain(squash(a.profile.email));
      expect(missingValues(a, body)).toEqual([]);

      // No text outside the printable area: within the side margins and above the footer.
      const pages = await pdfWords(built.bytes);
      expect(pages).toHaveLength(built.pages);
      const outside = pages.flatMap((p, i) =>
        p.words
          .filter((w) => w.xMin < 50 - 0.5 || w.xMax > p.width - 50 + 0.5 || w.yMin < 0 || w.yMax > p.height)
          .map((w) => `page ${i + 1}: ${w.text.slice(0, 30)} [${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)}]`),
      );
      expect(outside).toEqual([]);

      const render = await renderCheck(built.bytes);
      expect(render.problems).toEqual([]);
      expect(render.poppler).toHaveLength(built.pages);
      expect(render.mupdf).toHaveLength(built.pages);
      const blank = [...render.poppler, ...render.mupdf].flatMap((p) => p.blankWords);
      expect(blank).toEqual([]);
      await writePagePngs(built.bytes, path.join(ROOT, 'test-results/forms'), 'F-1-long', { dpi: 60 });
    },
  );

  it(
    'cuts nothing short, says whose a continued row is, and keeps the four opinion boxes on one page',
    SLOW,
    async () => {
      const a = sample();
      // A unit name of 60 characters and a specialty of 40: the cover wraps them rather than cut them.
      a.unit.name = `浙江省${'衢江清能热电'.repeat(9)}有限公司${RARE}`;
      a.application.specialty = `热能动力工程${'及循环流化床锅炉燃烧技术'.repeat(3)}`;
      a.application.exceptional = true;
      a.application.exceptionalReason = '破格推荐理由正文，'.repeat(800);
      a.works[0]!.description = '喷氨优化与燃烧调整的试验记录，'.repeat(300);
      a.assessments = a.assessments.slice(0, 3);
      const built = await buildF1(ctx(ArchiveDocument.parse(a)));
      await writePagePngs(built.bytes, path.join(ROOT, 'test-results/forms'), 'F-1-wrap', { dpi: 60 });
      const pages = (await pdfText(built.bytes, { mode: 'raw' })).split('\f');
      const cover = squash(pages[0]!);
      expect(cover).toContain(squash(a.unit.name));
      expect(cover).toContain(squash(a.application.specialty));
      expect(cover).not.toContain('…');
      const body = await bodyText(built.bytes);
      expect(body).toContain('出生年月1978.05身份证号码');
      // 参加工作时间: the first work period (2000-07-15); 专业工作年限 counted to 2020-12-31 as on F-3.
      expect(body).toContain('参加工作时间2000.07.15专业工作年限20年');
      // The reason and the first work continue over pages; each further part says whose it is.
      expect(body).toContain('破格推荐理由（续）');
      expect(body).toMatch(/1（续）(论文|专利|项目)/);
      // The opinion boxes: one page, their heading with them.
      const opinions = pages.filter((p) => /所在单位\s*意见|高级评审/.test(p));
      expect(opinions).toHaveLength(1);
      expect(squash(opinions[0]!)).toMatch(/审核及评审意见.*所在单位意见.*(主管部门|人事代理机构)意见/);
      expect(squash(opinions[0]!)).toContain('高级评审委员会评审意见');
      // Three assessments, three columns across the page: the third year stands in the right third.
      const words = await pdfWords(built.bytes);
      const year = words
        .flatMap((p) => p.words)
        .find((w, i, all) => w.text === '2019' && all[i - 1]?.text === '2018' && all[i - 2]?.text === '2017');
      expect(year?.xMin).toBeGreaterThan(420);
      const render = await renderCheck(built.bytes);
      expect(render.problems).toEqual([]);
    },
  );

  it('is deterministic: the same archive gives the same bytes', async () => {
    const [one, two] = [await buildF1(ctx(sample(), 'ab'.repeat(32))), await buildF1(ctx(sample(), 'ab'.repeat(32)))];
    expect(Buffer.compare(Buffer.from(one.bytes), Buffer.from(two.bytes))).toBe(0);
  });

  it(
    'builds from an empty archive: a blank form with every section and opinion box, nothing undefined',
    SLOW,
    async () => {
      const built = await buildF1(ctx(emptyArchive()));
      expect(built.pages).toBeGreaterThanOrEqual(3);
      const layout = await pdfText(built.bytes);
      expect(layout).not.toMatch(/undefined|null|NaN|Invalid/);
      const body = squash(layout);
      for (const text of [
        '专业技术资格评审表',
        '基本情况',
        '工作经历',
        '专业技术工作总结',
        '高级评审委员会',
        '参加评委',
      ]) {
        expect(body).toContain(text);
      }
      expect(body).not.toContain('电子签名密钥指纹');
      const render = await renderCheck(built.bytes);
      expect(render.problems).toEqual([]);
      expect([...render.poppler, ...render.mupdf].every((p) => p.nonWhite && p.blankWords.length === 0)).toBe(true);
    },
  );

  it('breaks lines within their width, long Latin words after Chinese text included, marks never starting a line', () => {
    const measure = (s: string) => [...s].reduce((w, c) => w + (/[\x20-\x7e]/.test(c) ? 0.5 : 1), 0);
    for (const text of [
      '学位证：1033742000000417',
      `链接 https://example.com/${LATIN}`,
      '一二三四五，六七八九十。”十一',
    ]) {
      const lines = breakLines(text, 6, measure);
      expect(lines.every((l) => measure(l) <= 6)).toBe(true);
      // Only a run too long for any line is cut, and the cut is marked (CONTINUED).
      expect(squash(lines.map((l) => l.replace(new RegExp(`${CONTINUED}$`), '')).join(''))).toBe(squash(text));
      expect(lines.some((l) => /^[，。”]/.test(l))).toBe(false);
    }
  });
});
