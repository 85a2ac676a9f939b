// F-1 《专业技术资格评审表》 (notice F-1, M-1, N-9). The notice prints no layout, so this follows the printed
// review forms of the Zhejiang HR offices: a cover, then numbered sections in bordered tables (label cells
// shaded, 五号 body, 小五 in the dense list tables), every section of the archive, the representative work
// marked (M-10), the applicant's pledge (N-13, N-15) and the opinion boxes of the levels the materials pass
// (N-9). The forms service prints the three copies by duplicating this one; nothing here is per copy.
import { COMMITTEE_INFO } from '../../../shared/archive/committees.js';
import { courseTotals } from '../../../shared/archive/continuingEducation.js';
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
  labelOf,
} from '../../../shared/archive/labels.js';
import { TITLE_SERIES_LABELS } from '../../../shared/archive/titleSeries.js';
import { WORK_FIELDS, type ArchiveDocument, type Course, type Work } from '../../../shared/archive/schema.js';
import { FORMS } from '../../../shared/forms/catalog.js';
import {
  currentAppointment,
  educationPeriod,
  formatDate,
  formatMonth,
  formatPeriod,
  highestTitle,
  professionalYears,
  workStart,
} from './facts.js';
import { finishForm, startForm } from './formStart.js';
import { BODY, type Cell, type FormDoc } from './pdf/formDoc.js';
import type { FormBuilder, FormContext } from './types.js';

/** 小五: the dense list tables (continuing education, works). */
const SMALL = 9;
/** Opinion boxes leave this much room to write by hand; the senior committee's box also holds the vote. */
const OPINION_HEIGHT = 140;
const SENIOR_HEIGHT = OPINION_HEIGHT + 20;
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

const yesNo = (value: boolean) => (value ? '是' : '否');
const num = (value: number | null) => (value === null ? '' : String(value));
const zh = <T extends string>(labels: { readonly [K in T]: { zh: string; en: string } }, value: T | '') =>
  labelOf(labels, value, 'zh');

export const buildF1: FormBuilder = async (ctx) => {
  const doc = await startForm('F-1', ctx);
  const a = ctx.archive;
  await cover(doc, a);
  doc.newPage(false);
  let section = 0;
  const heading = (title: string) => `${NUMERALS[section++]}、${title}`;
  await basicInfo(doc, ctx, heading('基本情况'));
  await educations(doc, a, heading('学历教育'));
  await titles(doc, a, heading('专业技术资格'));
  await appointments(doc, a, heading('专业技术职务聘任情况'));
  await workPeriods(doc, a, heading('工作经历'));
  await courses(doc, ctx, heading('继续教育'));
  await assessments(doc, a, heading('年度考核'));
  await pension(doc, a, heading('基本养老保险参保情况'));
  await works(doc, a, heading('任现职以来的业绩成果'));
  await summary(doc, a, heading('专业技术工作总结（任现职以来）'));
  // The pledge never stands alone on a page (the opinions that follow need a page of their own): the last
  // record before it comes along to its page.
  await discipline(doc, a, heading('受处分及诚信记录'), pledgeHeight(doc, ctx));
  await pledge(doc, ctx, heading('申报人承诺'));
  await opinions(doc, a, heading('审核及评审意见'));
  return finishForm(doc);
};

// ---------------------------------------------------------------------------------------------- cover

async function cover(doc: FormDoc, a: ArchiveDocument): Promise<void> {
  doc.y = 150;
  await doc.title(FORMS['F-1'].title.zh, 26);
  const size = 14;
  const lh = doc.lineHeight(size);
  const labelWidth = 5 * size;
  const x = doc.left + 40;
  const valueX = x + labelWidth + 14;
  const valueWidth = doc.left + doc.width - 40 - valueX;
  const committee = a.application.committee ? COMMITTEE_INFO[a.application.committee].fullName : '';
  let top = 300;
  const label = async (text: string) => {
    // 分散对齐: every label as wide as the longest, as printed covers do.
    const chars = [...text];
    const gap = (labelWidth - doc.measure(text, size)) / Math.max(1, chars.length - 1);
    let cx = x;
    for (const ch of chars) {
      await doc.drawLine(ch, cx, top, size);
      cx += doc.measure(ch, size) + gap;
    }
  };
  const fields: [string, string][] = [
    ['姓名', a.profile.name],
    ['工作单位', a.unit.name],
    ['申报专业', a.application.specialty],
    ['申报资格', a.application.titleApplied],
    ['评审委员会', committee],
  ];
  for (const [name, value] of fields) {
    await label(name);
    // Nothing is cut off: a long value (the committee's full name) is set smaller to stay on one line,
    // then on two, and beyond that wraps onto as many lines as it needs.
    const width = valueWidth - 8;
    const fit =
      [size, 13, 12].find((s) => doc.measure(value, s) <= width) ??
      [13, 12, 11].find((s) => doc.lines(value, width, s).length <= 2) ??
      11;
    for (const line of doc.lines(value, width, fit)) {
      await doc.inline([{ blank: valueWidth, text: line }], { x: valueX, top: top + (size - fit) * 0.6, size: fit });
      top += fit === size ? lh : doc.lineHeight(fit) + 4;
    }
    top += lh * 0.9;
  }
  await label('是否破格');
  await doc.inline(
    [{ check: a.application.exceptional }, '是', '　　　', { check: !a.application.exceptional }, '否'],
    {
      x: valueX + 8,
      top,
      size,
    },
  );
  top += lh * 1.9;
  await label('填表日期');
  await doc.inline([{ blank: 64 }, '年', { blank: 40 }, '月', { blank: 40 }, '日'], { x: valueX + 8, top, size });

  doc.y = Math.max(640, top + 3 * lh);
  await doc.paragraph('填表说明', { size: SMALL, bold: true });
  const notes = [
    '一、本表依据申报人的个人业绩档案生成，所填内容须与档案及有关证书原件一致。',
    '二、本表一式三份，由申报人核对并签名后，随申报材料逐级报送审核。',
    '三、各级意见栏由相应单位或评审委员会填写，负责人签字并加盖公章。',
    '四、页脚所印档案指纹及二维码对应申报人的电子申报材料，用于核对纸质表与电子材料是否一致。',
  ];
  for (const note of notes) await doc.paragraph(note, { size: SMALL });
}

// --------------------------------------------------------------------------------------- basic data

const LABEL = 1.45;
const VALUE = 2.15;
const lab = (text: string, span = LABEL): Cell => ({ text, span, label: true, align: 'center' });
const val = (text: string, span = VALUE): Cell => ({ text, span });
const FULL = VALUE * 2 + LABEL;

async function basicInfo(doc: FormDoc, ctx: FormContext, title: string): Promise<void> {
  const a = ctx.archive;
  const { profile: p, unit: u, application: app } = a;
  const title0 = highestTitle(a);
  const post = currentAppointment(a);
  const committee = app.committee ? COMMITTEE_INFO[app.committee].fullName : '';
  const rows: Cell[][] = [
    [lab('姓名'), val(p.name), lab('性别'), val(zh(SEX_LABELS, p.sex))],
    [lab('出生年月'), val(formatMonth(p.birthDate)), lab('身份证号码'), val(p.idNumber)],
    // 专业工作年限 as F-3 prints it (counted to the as-of date, N-7), from the same start of work.
    [
      lab('参加工作时间'),
      val(formatDate(workStart(a))),
      lab('专业工作年限'),
      val(professionalYears(a, ctx.params.asOfDate)),
    ],
    [lab('工作单位'), val(u.name, FULL)],
    [lab('单位性质'), val(zh(UNIT_TYPE_LABELS, u.type)), lab('统一社会信用代码'), val(u.creditCode)],
    [lab('主管部门'), val(u.competentDepartment), lab('人事代理机构'), val(u.personnelAgency)],
    [lab('所在地市'), val(u.city), lab('行政职务'), val(p.administrativePost)],
    [lab('联系电话'), val(p.phone), lab('电子邮箱'), val(p.email)],
    [lab('现专业技术资格'), val(title0?.name ?? ''), lab('取得时间'), val(formatDate(title0?.obtainedDate ?? ''))],
    [
      lab('现聘岗位'),
      val(post ? [post.post, post.grade && `（${post.grade}）`].join('') : ''),
      lab('聘任时间'),
      val(formatDate(post?.startDate ?? '')),
    ],
    [lab('申报专业'), val(app.specialty), lab('申报资格'), val(app.titleApplied)],
    [lab('评审委员会'), val(committee, FULL)],
    [lab('破格申报'), val(yesNo(app.exceptional)), lab('疫情防控一线人员'), val(yesNo(app.covidFrontline))],
  ];
  if (app.exceptional || app.exceptionalReason) {
    // A long reason continues over pages; each further part says again what it is.
    rows.push([{ ...lab('破格推荐理由'), cont: '破格推荐理由（续）' }, val(app.exceptionalReason, FULL)]);
  }
  await doc.heading(title, { keepWith: doc.measureRow(rows[0]!) * 3 });
  for (const row of rows) await doc.row(row, { keep: true });
}

// ------------------------------------------------------------------------------------------ tables

type Column = { title: string; span: number; align?: 'left' | 'center' };

/**
 * A section of records: its heading kept with the column header and the first row, the header repeated
 * on each page the table continues on, rows kept whole when short. No records: two blank rows to fill in.
 */
/** `lastKeepWith`: room the table's last row keeps below it for what must follow on its page (FormDoc.row keepWith). */
async function table(
  doc: FormDoc,
  title: string,
  columns: Column[],
  rows: Cell[][],
  size = BODY,
  lastKeepWith = 0,
): Promise<void> {
  const header: Cell[] = columns.map((c) => ({ text: c.title, span: c.span, label: true, align: 'center' }));
  const blank = columns.map((c) => ({ text: '', span: c.span }));
  const body = rows.length ? rows : [blank, blank];
  const first = Math.min(doc.measureRow(body[0]!, { size }), doc.lineHeight(size) * 4);
  await doc.heading(title, { keepWith: doc.measureRow(header, { size }) + first });
  await doc.tableHeader(header, { size });
  for (const [i, row] of body.entries()) {
    const keepWith = i === body.length - 1 ? lastKeepWith : 0;
    await doc.row(row, { size, keep: true, minHeight: rows.length ? 0 : 28, keepWith });
  }
  doc.endTable();
}

/** A data cell under column `c`. */
const cell = (c: Column, text: string, extra: Partial<Cell> = {}): Cell => ({
  text,
  span: c.span,
  align: c.align,
  ...extra,
});

async function educations(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const cols = {
    period: { title: '起止时间', span: 1.55, align: 'center' },
    school: { title: '毕业院校', span: 1.8 },
    major: { title: '所学专业', span: 1.55 },
    level: { title: '学历', span: 1.1, align: 'center' },
    degree: { title: '学位', span: 1.1, align: 'center' },
    fullTime: { title: '全日制', span: 0.85, align: 'center' },
    // Wide enough for an 18-digit diploma number on one line at 五号 (issue 15: a digit alone on the next).
    certs: { title: '证书编号', span: 2.45 },
  } satisfies Record<string, Column>;
  const rows = a.educations.map((e) => [
    cell(cols.period, educationPeriod(e)),
    cell(cols.school, e.origin === 'domestic' ? e.school : `${e.school}（${zh(DEGREE_ORIGIN_LABELS, e.origin)}）`),
    cell(cols.major, e.major),
    cell(cols.level, zh(EDUCATION_LEVEL_LABELS, e.level)),
    cell(cols.degree, e.degree),
    cell(cols.fullTime, yesNo(e.fullTime)),
    cell(
      cols.certs,
      [
        e.diplomaNumber && `毕业证：${e.diplomaNumber}`,
        e.degreeCertificateNumber && `学位证：${e.degreeCertificateNumber}`,
      ]
        .filter(Boolean)
        .join('\n'),
    ),
  ]);
  await table(doc, title, Object.values(cols), rows);
}

async function titles(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const cols = {
    name: { title: '资格名称', span: 1.7 },
    series: { title: '系列', span: 0.8, align: 'center' },
    level: { title: '级别', span: 1.1, align: 'center' },
    date: { title: '取得时间', span: 1.3, align: 'center' },
    cert: { title: '证书编号', span: 1.8 },
    body: { title: '发证（评审）机关', span: 2.1 },
  } satisfies Record<string, Column>;
  const rows = a.titles.map((t) => [
    cell(cols.name, t.name),
    cell(cols.series, zh(TITLE_SERIES_LABELS, t.series)),
    cell(cols.level, zh(TITLE_LEVEL_LABELS, t.level)),
    cell(cols.date, formatDate(t.obtainedDate)),
    cell(cols.cert, t.certificateNumber),
    cell(cols.body, t.issuingBody),
  ]);
  await table(doc, title, Object.values(cols), rows);
}

async function appointments(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const cols = {
    post: { title: '聘任专业技术职务（岗位）', span: 3.4 },
    grade: { title: '岗位等级', span: 2.2, align: 'center' },
    period: { title: '聘任起止时间', span: 3.2, align: 'center' },
  } satisfies Record<string, Column>;
  const rows = a.appointments.map((p) => [
    cell(cols.post, p.post),
    cell(cols.grade, p.grade),
    cell(cols.period, formatPeriod(p.startDate, p.endDate)),
  ]);
  await table(doc, title, Object.values(cols), rows);
}

async function workPeriods(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const cols = {
    period: { title: '起止时间', span: 1.55, align: 'center' },
    unit: { title: '工作单位', span: 2.2 },
    post: { title: '岗位或职务', span: 1.6 },
    description: { title: '主要工作内容', span: 4.0 },
  } satisfies Record<string, Column>;
  const rows = a.workPeriods.map((w) => [
    cell(cols.period, formatPeriod(w.startDate, w.endDate)),
    cell(cols.unit, w.unit),
    cell(cols.post, w.post),
    cell(cols.description, w.description),
  ]);
  await table(doc, title, Object.values(cols), rows);
}

async function courses(doc: FormDoc, ctx: FormContext, title: string): Promise<void> {
  const a = ctx.archive;
  const cols = {
    year: { title: '年度', span: 0.85, align: 'center' },
    name: { title: '课程名称', span: 3.1 },
    category: { title: '科目类别', span: 1.5, align: 'center' },
    hours: { title: '学时', span: 0.8, align: 'center' },
    mode: { title: '学习方式', span: 1.1, align: 'center' },
    provider: { title: '施教机构', span: 2.5 },
    platform: { title: '登记平台', span: 1.65, align: 'center' },
  } satisfies Record<string, Column>;
  // Grouped by year (ascending, years not entered last), each year closed by its totals (N-6).
  const years = [...new Set(a.courses.map((c) => c.year))].sort((x, y) => (x ?? 1e9) - (y ?? 1e9));
  const p = ctx.params;
  const counted = new Map(
    courseTotals(a.courses, a.application.covidFrontline, {
      years: [],
      onlineCap: p.ceOnlineCap,
      uncappedYear: p.ceUncappedYear,
      min: { total: p.ceMinTotal, professional: p.ceMinProfessional, public: p.ceMinPublic },
    }).map((t) => [t.year, t]),
  );
  const rows: Cell[][] = [];
  const rest = Object.values(cols).reduce((s, c) => s + c.span, 0) - cols.year.span;
  for (const year of years) {
    const list = a.courses.filter((c) => c.year === year);
    for (const c of list) {
      rows.push([
        cell(cols.year, num(c.year)),
        cell(cols.name, c.name),
        cell(cols.category, zh(COURSE_CATEGORY_LABELS, c.category)),
        cell(cols.hours, num(c.hours)),
        cell(cols.mode, zh(COURSE_MODE_LABELS, c.mode)),
        cell(cols.provider, c.provider),
        cell(cols.platform, zh(CE_PLATFORM_LABELS, c.platform)),
      ]);
    }
    rows.push([
      { text: '小计', span: cols.year.span, label: true, align: 'center' },
      {
        text:
          (year === null ? '年度未填：' : `${year} 年度：`) +
          yearTotals(list, year === null ? undefined : counted.get(year)?.professional),
        span: rest,
        label: true,
      },
    ]);
  }
  await table(doc, title, Object.values(cols), rows, SMALL);
}

/** A year's hours as registered; where the online cap (N-6) counts fewer professional hours, that too. */
function yearTotals(list: Course[], countedProfessional: number | undefined): string {
  const sum = (pick: (c: Course) => boolean) =>
    list.filter((c) => pick(c) && c.hours !== null && c.hours > 0).reduce((s, c) => s + c.hours!, 0);
  const professional = sum((c) => c.category === 'professional');
  const industry = sum((c) => c.category === 'industry_public');
  const general = sum((c) => c.category === 'general_public');
  const total = sum(() => true);
  let text =
    `专业科目 ${professional} 学时，公需科目 ${industry + general} 学时` +
    `（行业公需 ${industry}，一般公需 ${general}），合计 ${total} 学时`;
  if (countedProfessional !== undefined && countedProfessional < professional) {
    text += `；网络学习专业科目按规定计入后，专业科目计 ${countedProfessional} 学时`;
  }
  return text + '。';
}

async function assessments(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  // Across the page, as printed forms do: a row of years over a row of results — as many columns as there
  // are assessments (at least the three years M-9 asks for, at most six a line).
  const list = a.assessments;
  const perLine = Math.min(6, Math.max(3, list.length));
  const chunks: (typeof list)[] = [];
  for (let i = 0; i < Math.max(1, list.length); i += perLine) chunks.push(list.slice(i, i + perLine));
  const line = (label: string, texts: string[]): Cell[] => [
    lab(label, 1.2),
    ...Array.from({ length: perLine }, (_, i) => ({
      text: texts[i] ?? '',
      span: 7.6 / perLine,
      align: 'center' as const,
    })),
  ];
  const first = line('年度', []);
  await doc.heading(title, { keepWith: doc.measureRow(first) * 2 });
  for (const chunk of chunks) {
    const years = line(
      '年度',
      chunk.map((x) => num(x.year)),
    );
    const results = line(
      '考核结果',
      chunk.map((x) => zh(ASSESSMENT_RESULT_LABELS, x.result)),
    );
    doc.ensure(doc.measureRow(years) + doc.measureRow(results)); // the years never leave their results behind
    await doc.row(years);
    await doc.row(results);
  }
}

async function pension(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const cols = {
    year: { title: '参保年度', span: 1.6, align: 'center' },
    payer: { title: '缴费单位', span: 7.2 },
  } satisfies Record<string, Column>;
  const rows = a.pensionYears.map((y) => [cell(cols.year, num(y.year)), cell(cols.payer, y.payer)]);
  await table(doc, title, Object.values(cols), rows);
}

// -------------------------------------------------------------------------------------------- works

/** What identifies a work of its type (WORK_FIELDS): journal and numbers, publisher, patent, issuer…. */
function workDetails(w: Work): string {
  const has = (field: keyof Work) => WORK_FIELDS[w.type].includes(field);
  const parts: string[] = [];
  const add = (field: keyof Work, text: string, value: string) => {
    if (has(field) && value !== '') parts.push(text);
  };
  add('journal', `《${w.journal}》`, w.journal);
  add('issn', /^issn/i.test(w.issn) ? w.issn : `ISSN ${w.issn}`, w.issn);
  add('cn', /^cn/i.test(w.cn) ? w.cn : `CN ${w.cn}`, w.cn);
  add('issue', w.issue, w.issue);
  add('publisher', `出版社：${w.publisher}`, w.publisher);
  add('isbn', /^isbn/i.test(w.isbn) ? w.isbn : `ISBN ${w.isbn}`, w.isbn);
  add('patentType', zh(PATENT_TYPE_LABELS, w.patentType), w.patentType);
  add('patentNumber', `专利号：${w.patentNumber}`, w.patentNumber);
  const issuer = { appraisal: '鉴定组织单位', standard: '发布单位', project: '下达单位', award: '授奖单位' };
  if (w.type in issuer) add('issuer', `${issuer[w.type as keyof typeof issuer]}：${w.issuer}`, w.issuer);
  add('number', `${w.type === 'standard' ? '标准编号' : '编号'}：${w.number}`, w.number);
  add('level', `级别：${zh(LEVEL_LABELS, w.level)}`, w.level);
  add('grade', `奖励等级：${w.grade}`, w.grade);
  if (w.type === 'report') parts.push(w.isLeadWriter ? '本人执笔' : '非本人执笔');
  const lines = [parts.join('；')];
  if (w.description) lines.push(`简介：${w.description}`);
  return lines.filter(Boolean).join('\n');
}

async function works(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const cols = {
    // 序号 wide enough for 「（续）」 under the number of a row continued on the next page.
    no: { title: '序号', span: 0.88, align: 'center' },
    type: { title: '类型', span: 1.05, align: 'center' },
    title: { title: '成果名称', span: 2.9 },
    details: { title: '发表、出版、授权等情况及简介', span: 3.49 },
    date: { title: '时间', span: 1.4, align: 'center' },
    rank: { title: '本人排名或角色', span: 1.05, align: 'center' },
    note: { title: '备注', span: 0.95, align: 'center' },
  } satisfies Record<string, Column>;
  const rows = a.works.map((w, i) => {
    const type = (w.type === 'report' && zh(REPORT_KIND_LABELS, w.reportKind)) || WORK_TYPE_LABELS[w.type].zh;
    // Rank 0 stands for 'not ranked' (the schema allows it): left blank.
    const rank = WORK_FIELDS[w.type].includes('rank') && w.rank ? `第 ${w.rank} 位` : '';
    const role = WORK_FIELDS[w.type].includes('role') ? w.role : '';
    // M-10: the representative work stands out: its name and the mark 代表作 in bold.
    const note = [w.representative && '代表作', w.collective && '集体项目'].filter(Boolean).join('\n');
    // A row continued on the next page says again whose it is: 「52（续）」 and its type.
    return [
      cell(cols.no, String(i + 1), { cont: `${i + 1}\n（续）` }),
      cell(cols.type, type, { cont: type }),
      cell(cols.title, w.title, { bold: w.representative }),
      cell(cols.details, workDetails(w)),
      cell(cols.date, formatDate(w.date)),
      cell(cols.rank, [rank, role].filter(Boolean).join('\n')),
      cell(cols.note, note, { bold: w.representative }),
    ];
  });
  await table(doc, title, Object.values(cols), rows, SMALL);
}

// ---------------------------------------------------------------------------- summary, pledge, boxes

async function summary(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  // Paragraphs indented two characters, as Chinese prose is; blank lines between them are dropped.
  const text = a.summary.text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `　　${p}`)
    .join('\n');
  const cells: Cell[] = [{ text, span: 1, valign: 'top' }];
  await doc.heading(title, { keepWith: Math.min(doc.measureRow(cells), doc.lineHeight() * 6) });
  await doc.row(cells, { minHeight: text ? 0 : 240 });
}

async function discipline(doc: FormDoc, a: ArchiveDocument, title: string, keepWith: number): Promise<void> {
  const cols = {
    year: { title: '年度', span: 1.2, align: 'center' },
    description: { title: '情况说明', span: 7.6 },
  } satisfies Record<string, Column>;
  if (a.disciplineRecords.length === 0) {
    const none: Cell[] = [{ text: '无', span: 1 }];
    await doc.heading(title, { keepWith: doc.measureRow(none) + keepWith });
    await doc.row(none);
    return;
  }
  const rows = a.disciplineRecords.map((r) => [cell(cols.year, num(r.year)), cell(cols.description, r.description)]);
  await table(doc, title, Object.values(cols), rows, BODY, keepWith);
}

const DATE_LINE = '年　　月　　日';
/** The label column of the pledge and opinion boxes: five characters, the labels broken by hand. */
const LABEL_WIDTH = 5 * BODY + 8;

/** A hex fingerprint in groups of four, so that it can be read aloud and compared by eye. */
const groupHex = (fp: string) => (/^[0-9a-f]+$/i.test(fp) ? (fp.match(/.{1,4}/g) ?? []).join(' ') : fp);

/** The pledge's words (N-13: the applicant answers for the truth of the materials; N-15: what falsification costs). */
function pledgeWords(ctx: FormContext): string {
  const years = ctx.params.disciplineBarYears;
  let text =
    '本人承诺：本表所填内容及所提交的申报材料真实、准确、完整。如有弄虚作假，本人同意退回申报材料，' +
    `自评审次年起 ${years} 年内不申报高一级专业技术职务任职资格，已取得的资格予以撤销。`;
  if (ctx.signerFingerprint) {
    text += `\n本人电子签名密钥指纹：${groupHex(ctx.signerFingerprint)}。本人在本表签名，即确认该密钥为本人所有。`;
  }
  return text;
}

const PLEDGE_HEIGHT = 96;

/** The pledge's box: it grows with the text (and the two signature lines). */
const pledgeBoxHeight = (doc: FormDoc, ctx: FormContext) =>
  Math.max(
    PLEDGE_HEIGHT,
    (doc.lines(pledgeWords(ctx), doc.width - LABEL_WIDTH - 8).length + 3.5) * doc.lineHeight() + 8,
  );

/** The pledge with its heading, as it stands on the page. */
const pledgeHeight = (doc: FormDoc, ctx: FormContext) =>
  doc.measureRow([{ text: 'X', span: 1, bold: true }]) + pledgeBoxHeight(doc, ctx);

async function pledge(doc: FormDoc, ctx: FormContext, title: string): Promise<void> {
  const text = pledgeWords(ctx);
  const height = PLEDGE_HEIGHT;
  // The heading stays with all of the box.
  await doc.heading(title, { keepWith: pledgeBoxHeight(doc, ctx) });
  await doc.opinionBox('申报人\n承诺', {
    height,
    text,
    sign: ['申报人签名：　　　　　　　　　', DATE_LINE],
    labelWidth: LABEL_WIDTH,
  });
}

async function opinions(doc: FormDoc, a: ArchiveDocument, title: string): Promise<void> {
  const seal = (signer: string) => [`${signer}（签字）：　　　　　　　　　`, '（盖章）', DATE_LINE];
  // N-9: units without a competent department go through their personnel agency.
  const department = !a.unit.competentDepartment && a.unit.personnelAgency ? '人事代理\n机构意见' : '主管部门\n意见';
  const box = { height: OPINION_HEIGHT, labelWidth: LABEL_WIDTH };
  // The four boxes stand together on one page (the levels sign one after another on the same sheet): the
  // heading moves to a new page with them when they do not all fit below it.
  await doc.heading(title, { keepWith: OPINION_HEIGHT * 3 + SENIOR_HEIGHT });
  await doc.opinionBox('所在单位\n意见', { ...box, sign: seal('单位负责人') });
  await doc.opinionBox(department, { ...box, sign: seal('负责人') });
  await doc.opinionBox('中级评审\n委员会\n（或初审）\n意见', { ...box, sign: seal('负责人') });
  const blank = { blank: 30 };
  await doc.opinionBox('高级评审\n委员会\n评审意见', {
    labelWidth: LABEL_WIDTH,
    height: SENIOR_HEIGHT,
    lines: [
      ['评审结果：', { check: false }, '通过', '　　　', { check: false }, '未通过'],
      ['表决情况：参加评委', blank, '人，同意', blank, '人，不同意', blank, '人，弃权', blank, '人'],
    ],
    sign: seal('主任委员'),
  });
}
