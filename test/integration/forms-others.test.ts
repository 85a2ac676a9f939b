// The forms other than F-1 (issue 5): F-3, F-4, the pledge (M-2), the publicity confirmation (M-3) and the
// material index, built from the sample archive into real PDF files, read back with pdftotext and drawn by
// two renderers (poppler's pdftoppm and MuPDF's mutool) on a machine without CJK system fonts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildF3 } from '../../electron/core/forms/f3.js';
import { buildF4 } from '../../electron/core/forms/f4.js';
import { buildMaterialIndex } from '../../electron/core/forms/materialIndex.js';
import { buildPledge } from '../../electron/core/forms/pledge.js';
import { buildPublicityConfirmation } from '../../electron/core/forms/publicity.js';
import { buildSummary } from '../../electron/core/forms/summary.js';
import type { FormBuilder, FormContext, IndexEntry } from '../../electron/core/forms/types.js';
import { DossierError } from '../../electron/core/errors.js';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { emptyPostInfo, type PostInfo, type RecommendedPerson } from '../../shared/forms/postInfo.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/params.js';
import { pdfText, renderCheck, squash, writePagePngs } from '../helpers/pdf.js';
import { postFigures } from '../helpers/postInfo.js';

const RARE = '犇堃喆珺燊𠮷𪚥';
const REASON =
  '一、任现职以来主持完成两台75t/h循环流化床锅炉超低排放改造，获衢州市科学技术进步奖三等奖（排名第二）。' +
  `二、以第一作者在《浙江电力》发表论文，获实用新型专利一项。三、带教青年技术人员${RARE}等四人。`;

function sampleArchive(): ArchiveDocument {
  const archive = ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));
  // The sample has a 行政职务 (F-3); should it lose it, the test still prints one.
  archive.profile.administrativePost ||= '热能研究所副所长';
  archive.application.exceptional = true;
  archive.application.exceptionalReason = REASON;
  return archive;
}

function postInfo(): PostInfo {
  return {
    ...emptyPostInfo(),
    ...postFigures(),
    offered: { senior: 1, deputySenior: 2, middle: 3 },
    alreadyQualified: 4,
    recommendedCount: 2,
    recommended: [
      {
        name: '吴𠮷喆',
        idNumber: '330802197805160138',
        currentQualification: '工程师',
        appointedGrade: '中级',
        appointedDate: '2010-04-01',
        postLevel: '专业技术九级',
        titleApplied: '高级工程师',
      },
      {
        name: '陈珺燊',
        idNumber: '33080219850301018X',
        currentQualification: '工程师',
        appointedGrade: '中级',
        appointedDate: '2012-09-01',
        postLevel: '专业技术十级',
        titleApplied: '高级工程师',
      },
    ],
  };
}

const INDEX: IndexEntry[] = [
  {
    material: 'M-2',
    title: { zh: '《专业技术职务任职资格评审材料真实性保证书》', en: '' },
    files: [{ name: 'M-2 保证书.pdf', pages: 1 }],
    note: null,
  },
  {
    material: 'M-1',
    title: { zh: '《专业技术资格评审表》', en: '' },
    files: [{ name: 'F-1 专业技术资格评审表.pdf', pages: 6 }],
    note: null,
  },
  {
    material: 'M-4',
    title: { zh: '身份、学历学位、职称、聘任及获奖证明', en: '' },
    files: [
      { name: '身份证-吴𠮷喆.pdf', pages: 2 },
      { name: '本科毕业证书.jpg', pages: 1 },
      { name: '工程师资格证书.pdf', pages: 3 },
    ],
    note: null,
  },
  { material: 'M-11', title: { zh: '破格申报材料（F-3 及证明）', en: '' }, files: [], note: { zh: '尚缺', en: '' } },
  {
    material: 'M-12',
    title: { zh: '《事业单位人员职称申报岗位信息表》（F-4）', en: '' },
    files: [],
    note: { zh: '不适用', en: '' },
  },
];

function context(over: Partial<FormContext> = {}): FormContext {
  const archive = over.archive ?? sampleArchive();
  return {
    archive,
    fingerprint: createHash('sha256').update(JSON.stringify(archive)).digest('hex'),
    postInfo: postInfo(),
    params: { ...DEFAULT_PARAMS_2020, publicityStart: '2020-09-28', publicityEnd: '2020-10-10' },
    index: INDEX,
    signerFingerprint: null,
    ...over,
  };
}

// --- PDF helpers ---

/** The text in drawing order: the forms draw row by row, cell by cell, line by line. */
const textOf = async (bytes: Uint8Array) => squash(await pdfText(bytes, { mode: 'raw' }));

/**
 * Both renderers draw every page without a word of complaint (a broken embedded CJK font makes poppler say
 * so and MuPDF refuse it) and with about the same ink: one that dropped the glyphs would draw far less.
 */
async function expectRendersClean(bytes: Uint8Array, pages: number): Promise<void> {
  const check = await renderCheck(bytes);
  expect(check.warnings).toEqual([]);
  expect(check.poppler).toHaveLength(pages);
  expect(check.mupdf).toHaveLength(pages);
  for (const [i, p] of check.poppler.entries()) {
    const m = check.mupdf[i]!;
    expect(p.nonWhite && m.nonWhite).toBe(true);
    // MuPDF draws hairlines lighter (a dense table loses up to a third of its ink); a dropped font leaves
    // a text page a tenth of its ink. Nearly empty pages differ by little either way.
    const alike = Math.min(p.ink, m.ink) / Math.max(p.ink, m.ink) > 0.5 || Math.abs(p.ink - m.ink) < 0.01;
    expect(alike, `page ${i + 1}: ink ${p.ink} (poppler) vs ${m.ink} (MuPDF)`).toBe(true);
  }
  // Page 1 carries the title and the filled fields: far more ink than the footer's QR code alone.
  expect(Math.min(check.poppler[0]!.ink, check.mupdf[0]!.ink)).toBeGreaterThan(0.01);
}

/** Keeps the forms as PNGs for a person to look at (issue 5: look at every page). */
async function keepPngs(name: string, bytes: Uint8Array): Promise<void> {
  const dir = path.join('test-results', 'forms');
  await writePagePngs(bytes, dir, name);
  writeFileSync(path.join(dir, `${name}.pdf`), bytes);
}

async function refusal(run: () => Promise<unknown>): Promise<DossierError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof DossierError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

// --- the forms ---

type Case = { name: string; build: FormBuilder; ctx: () => FormContext; values: string[] };

const sample = sampleArchive();
const CASES: Case[] = [
  {
    name: 'F-3',
    build: buildF3,
    ctx: () => context(),
    values: [
      '破格推荐高级专业技术职务任职资格审批表',
      '吴𠮷喆',
      '男',
      '出生年月1978.05',
      '浙江衢江清能热电有限公司',
      sample.profile.administrativePost,
      // 专业工作年限: from the first work period, 2000-07-15, to 2020-12-31 (N-7).
      '20年',
      // The part-time master's (a degree without a diploma) is no graduation: the full-time bachelor's is.
      '2000.07.01毕业于浙江工业大学热能与动力工程专业大学本科，工学学士2009.06.30获浙江大学工程硕士学位',
      '工程师（中级）',
      '2010.04.01',
      '高级工程师（热能动力工程）',
      '1996.09.01—2000.07.01浙江工业大学热能与动力工程大学本科',
      '2006.09.01—2009.06.30浙江大学动力工程（工程硕士）硕士研究生（非全日制）',
      '2000.07.15—2005.03.31浙江常山瑞丰热能有限公司锅炉运行技术员',
      '2012.07.01—至今浙江衢江清能热电有限公司生产技术部主任工程师',
      REASON,
      '所在单位意见',
      '主管部门意见',
      '市（厅、局、总公司）人事部门意见',
      '（盖章）',
    ],
  },
  {
    name: 'F-4',
    build: buildF4,
    ctx: () => context(),
    values: [
      '事业单位人员职称申报岗位信息表',
      '单位名称（盖章）',
      sample.unit.name,
      '编制数120',
      '专业技术岗位总数96',
      '正高级副高级中级初级及未定级总数',
      '核准比例5%20%40%35%—',
      '核准人数5193834',
      '实聘人数4173630',
      '空缺情况12249',
      '2020年我单位共推出1个正高级专业技术岗位，2个副高级专业技术岗位，3个中（初）级专业技术岗位。' +
        '经考核竞聘，确定聘任的在编人员中4人已具有相应的专业技术职务任职资格，直接办理聘任手续，' +
        '2人目前不具有相应的专业技术职务任职资格，同意推荐参加评审，并承诺在取得职务任职资格后，按规定及时聘任。',
      '聘任专业技术职级',
      '推荐申报职称',
      '吴𠮷喆330802197805160138工程师中级2010.04.01专业技术九级高级工程师',
      '陈珺燊33080219850301018X工程师中级2012.09.01专业技术十级高级工程师',
      '主管部门或人力社保部门意见',
      '注：该表格为事业单位推荐在编人员参加职称评审时填写。',
    ],
  },
  {
    name: 'M-2',
    build: buildPledge,
    ctx: () => context({ signerFingerprint: 'SHA256:3f9a1c0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2' }),
    values: [
      '专业技术职务任职资格评审材料真实性保证书',
      '吴𠮷喆',
      '330802197805160138',
      '浙江衢江清能热电有限公司',
      '高级工程师（热能动力工程）',
      '均真实、准确、完整',
      '从评审次年起3年内不得申报高一级专业技术资格',
      '申报人（签名）',
      '单位审核意见',
      '电子签名密钥指纹：SHA256:3f9a1c0b7d2e4f6a8b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e1f2',
    ],
  },
  {
    name: 'M-3',
    build: buildPublicityConfirmation,
    ctx: () => context(),
    values: [
      '申报材料公示确认表',
      '吴𠮷喆',
      '浙江衢江清能热电有限公司',
      '高级工程师（热能动力工程）',
      '2020.09.28至2020.10.10',
      // 9-28, 9-29, 9-30, then the National Day holiday, 10-9 and the working Saturday 10-10 (N-8).
      '5个工作日',
      '公示范围（地点）',
      '公示结果无异议有异议，处理情况：',
      '单位负责人（签字）',
    ],
  },
  {
    name: 'M-8',
    build: buildSummary,
    ctx: () => context(),
    values: [
      '专业技术工作总结',
      '姓名吴𠮷喆',
      '工作单位浙江衢江清能热电有限公司',
      '申报专业热能动力工程',
      '申报职称高级工程师',
      '现专业技术资格工程师',
      // Since the title held (工程师, obtained 2009-12-30).
      '总结时段2009.12.30—至今（任现职以来）',
      ...sample.summary.text
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
      '本人签名',
    ],
  },
  {
    name: 'index',
    build: buildMaterialIndex,
    ctx: () => context(),
    values: [
      '申报材料目录',
      '申报人吴𠮷喆申报职称高级工程师（热能动力工程）工作单位浙江衢江清能热电有限公司',
      '《专业技术资格评审表》',
      '《专业技术职务任职资格评审材料真实性保证书》',
      'F-1专业技术资格评审表.pdf6',
      '身份证-吴𠮷喆.pdf2',
      '小计6',
      '尚缺',
      '不适用',
      '合计13',
    ],
  },
];

describe('forms other than F-1, from the sample archive', () => {
  for (const c of CASES) {
    it(`${c.name}: every value is real text, both renderers draw it, same bytes twice`, async () => {
      const built = await c.build(c.ctx());
      await keepPngs(c.name, built.bytes);
      expect(built.missing).toEqual([]);
      expect(built.pages).toBeGreaterThanOrEqual(1);
      const text = await textOf(built.bytes);
      for (const v of c.values) expect(text, v).toContain(squash(v));
      // The footer FormDoc draws: page x of y and the archive fingerprint.
      expect(text).toContain(`第1页共${built.pages}页`);
      await expectRendersClean(built.bytes, built.pages);
      const again = await c.build(c.ctx());
      expect(Buffer.from(again.bytes).equals(Buffer.from(built.bytes))).toBe(true);
    });
  }
});

describe('F-3', () => {
  it('a 20,000-character reason flows onto more pages, its last characters included', async () => {
    const archive = sampleArchive();
    const tail = `最后一句：理由到此为止${RARE}。`;
    archive.application.exceptionalReason =
      '破格推荐理由正文，'.repeat(2_300).slice(0, 20_000 - [...tail].length) + tail;
    expect([...archive.application.exceptionalReason]).toHaveLength(20_000);
    const short = await buildF3(context());
    const long = await buildF3(context({ archive }));
    await keepPngs('F-3-long', long.bytes);
    expect(long.pages).toBeGreaterThan(short.pages + 4);
    const text = await textOf(long.bytes);
    expect(text).toContain(squash(tail));
    // The opinion boxes still follow the reason, after it.
    expect(text.lastIndexOf('所在单位意见')).toBeGreaterThan(text.indexOf(squash(tail)));
    await expectRendersClean(long.bytes, long.pages);
  });

  it('professional years fall back to the first title; blank without any date', async () => {
    const archive = sampleArchive();
    archive.workPeriods = [];
    let text = await textOf((await buildF3(context({ archive }))).bytes);
    // First title 2001-09-28 → 19 whole years to 2020-12-31.
    expect(text).toContain('专业工作年限19年');
    archive.titles = [];
    text = await textOf((await buildF3(context({ archive }))).bytes);
    expect(text).not.toMatch(/专业工作年限\d/);
  });
});

describe('F-4', () => {
  it('refuses without the unit’s figures, and with figures that do not add up', async () => {
    const missing = await refusal(() => buildF4(context({ postInfo: null })));
    expect(missing.code).toBe('post_info_missing');
    expect(missing.localized.zh).toContain('岗位信息表');
    const bad = postInfo();
    bad.totalPosts = 50; // the approved counts add up to 96
    bad.recommendedCount = 3; // the list has 2
    const invalid = await refusal(() => buildF4(context({ postInfo: bad })));
    expect(invalid.code).toBe('post_info_invalid');
    expect(invalid.issues?.map((i) => i.path)).toEqual(['postInfo.totalPosts', 'postInfo.recommended']);
    expect(invalid.localized.zh).toContain('超过专业技术岗位总数');
  });

  it('refuses while none of the unit’s essential figures is entered', async () => {
    const empty = { ...emptyPostInfo(), offered: { senior: 0, deputySenior: 1, middle: 0 } };
    const refused = await refusal(() => buildF4(context({ postInfo: empty })));
    expect(refused.code).toBe('post_info_missing');
  });

  it('refuses figures an official would: posts beyond vacancies, a list without the applicant', async () => {
    const bad = postInfo();
    bad.offered.deputySenior = 3; // 2 vacant
    bad.recommended = bad.recommended.slice(1);
    bad.recommendedCount = 1;
    const refused = await refusal(() => buildF4(context({ postInfo: bad })));
    expect(refused.issues?.map((i) => i.path)).toEqual(['postInfo.offered.deputySenior', 'postInfo.recommended']);
  });

  it('sets the figures in the sentence without a space after full-width punctuation; headers break by hand', async () => {
    const built = await buildF4(context());
    const raw = await pdfText(built.bytes, { mode: 'raw' });
    expect(raw).toContain('岗位，2 个副高级');
    expect(raw).not.toMatch(/[，。、；：] \S/);
    // 「聘任专业」 over 「技术职级」, 「推荐申报」 over 「职称」: as on 附件4, not wherever the width ends.
    const lines = raw.split('\n').map((l) => l.trim());
    for (const line of ['聘任专业', '技术职级', '推荐申报', '职称']) expect(lines).toContain(line);
  });

  it('without a list, recommends the applicant from the archive; unknown figures are blanks', async () => {
    const info = { ...postInfo(), recommended: [], offered: { senior: null, deputySenior: 2, middle: null } };
    const built = await buildF4(context({ postInfo: info }));
    const text = await textOf(built.bytes);
    expect(text).toContain('共推出____个正高级专业技术岗位，2个副高级专业技术岗位，____个中（初）级');
    // 聘任专业技术职级 is the level of the appointment in force (工程师: 中级); the sample keeps 中级 as its
    // grade, which is no post grade (专业技术十级): 在聘岗位等级 is left blank for the unit.
    expect(text).toContain('吴𠮷喆330802197805160138工程师中级2010.04.01高级工程师');
    await keepPngs('F-4-applicant', built.bytes);
  });
  it('a long list of people continues on the next pages under repeated column headings', async () => {
    const info = postInfo();
    const [own, person] = info.recommended as [RecommendedPerson, RecommendedPerson];
    info.recommended = [own, ...Array.from({ length: 60 }, (_, i) => ({ ...person, name: `推荐人员${i + 1}` }))];
    info.recommendedCount = 61;
    const built = await buildF4(context({ postInfo: info }));
    await keepPngs('F-4-long', built.bytes);
    expect(built.pages).toBeGreaterThanOrEqual(3);
    const text = await textOf(built.bytes);
    for (let i = 1; i <= 60; i++) expect(text).toContain(`推荐人员${i}33080219850301018X`);
    expect(text.split('身份证号码').length - 1).toBe(built.pages);
    expect(text.lastIndexOf('主管部门或人力社保部门意见')).toBeGreaterThan(text.indexOf('推荐人员60'));
    await expectRendersClean(built.bytes, built.pages);
  });
});

describe('M-8 work summary', () => {
  it('a 20,000-character summary flows over pages, paragraphs and signature in order', async () => {
    const archive = sampleArchive();
    const paragraphs = sample.summary.text.split('\n').filter(Boolean);
    let text = '';
    for (let i = 0; text.length < 19_900; i++) text += `${i + 1}. ${paragraphs[i % paragraphs.length]}\n`;
    const tail = `全文完${RARE}。`;
    archive.summary.text = text.slice(0, 20_000 - tail.length) + tail;
    const built = await buildSummary(context({ archive }));
    await keepPngs('M-8-long', built.bytes);
    expect(built.pages).toBeGreaterThan(8);
    const out = await textOf(built.bytes);
    expect(out).toContain(squash(tail));
    expect(out.lastIndexOf('本人签名')).toBeGreaterThan(out.indexOf(squash(tail)));
    // The running title on the continuation pages.
    expect(out.split('专业技术工作总结（续）').length - 1).toBe(built.pages - 1);
    await expectRendersClean(built.bytes, built.pages);
  });

  it('refuses an empty summary with the field to write it in', async () => {
    const archive = sampleArchive();
    archive.summary.text = '\n  \n';
    const refused = await refusal(() => buildSummary(context({ archive })));
    expect(refused.code).toBe('summary_missing');
    expect(refused.localized.zh).toContain('工作总结');
    expect(refused.issues?.map((i) => i.path)).toEqual(['M-8.summary.text']);
  });
});

describe('material index', () => {
  it('lists the materials in the notice’s order with subtotals and the total, across pages', async () => {
    const many: IndexEntry = {
      material: 'M-10',
      title: { zh: '论文、著作、报告等业绩成果', en: '' },
      files: Array.from({ length: 80 }, (_, i) => ({ name: `论文扫描-${i + 1}.pdf`, pages: 2 })),
      note: null,
    };
    const built = await buildMaterialIndex(context({ index: [many, ...INDEX] }));
    await keepPngs('index-long', built.bytes);
    expect(built.pages).toBeGreaterThanOrEqual(3);
    const text = await textOf(built.bytes);
    const order = [
      '《专业技术资格评审表》',
      '《专业技术职务任职资格评审材料真实性保证书》',
      '身份、学历学位',
      '论文、著作、报告等业绩成果',
      '破格申报材料',
    ];
    const at = order.map((t) => text.indexOf(t));
    expect(at.every((p, i) => p >= 0 && (i === 0 || p > at[i - 1]!))).toBe(true);
    expect(text).toContain('论文扫描-80.pdf2');
    expect(text).toContain('小计160');
    expect(text).toContain('合计173');
    // The headings stand on every page.
    expect(text.split('序号材料文件页数备注').length - 1).toBe(built.pages);
    await expectRendersClean(built.bytes, built.pages);
  });
});

describe('M-3 and the pledge', () => {
  it('without dates the period and the days are left to fill by hand; a short period is printed as short', async () => {
    const none = { ...DEFAULT_PARAMS_2020 };
    let text = await textOf((await buildPublicityConfirmation(context({ params: none }))).bytes);
    expect(text).toContain('公示时间年月日至年月日');
    expect(text).toContain('公示天数个工作日');
    const short = { ...DEFAULT_PARAMS_2020, publicityStart: '2020-09-30', publicityEnd: '2020-10-09' };
    text = await textOf((await buildPublicityConfirmation(context({ params: short }))).bytes);
    // 9-30 and 10-9: the holiday between counts nothing.
    expect(text).toContain('2个工作日（少于5个工作日）');
  });

  it('the pledge names no key while none exists', async () => {
    const text = await textOf((await buildPledge(context())).bytes);
    expect(text).not.toContain('电子签名密钥指纹');
  });
});
