#!/usr/bin/env node
// The sample applicant's scans (issue 15): generated once, committed under resources/sample/scans/, with
// scans.json saying which record and material slot each file (or page) proves. Loading the sample
// (electron/core/sampleApplicant.ts) stores them as a user's adds would be, so the example opens complete.
//
// Images: SVG drawn by sharp, whose text is set by fontconfig — pointed here at Source Han Sans only, so the
// result is the same on any machine, with or without system CJK fonts. Long sides ≥ 1000 px (the readable-scan
// rule, shared/attachments/schema.ts READABLE_SCAN), greyish paper and JPEG quality kept low: the whole folder
// stays near 1 MB. PDFs: pdf-lib with the forms' fontkit adapter (electron/core/forms/fonts.ts), so they carry
// real, extractable Chinese text. Needs `npx tsc -p tsconfig.node.json` first (imports dist/).
// Usage: node scripts/sampleScans.mjs
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'resources', 'sample', 'scans');
const require = createRequire(import.meta.url);
const fontDir = path.dirname(require.resolve('node-source-han-sans-sc/package.json'));

// fontconfig reads its configuration when libvips first sets text: set it before sharp is loaded.
const fcDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-fc-'));
for (const face of ['Regular', 'Bold']) {
  symlinkSync(path.join(fontDir, `SourceHanSansSC-${face}.otf`), path.join(fcDir, `SourceHanSansSC-${face}.otf`));
}
writeFileSync(
  path.join(fcDir, 'fonts.conf'),
  `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>${fcDir}</dir><cachedir>${fcDir}/cache</cachedir></fontconfig>`,
);
process.env.FONTCONFIG_FILE = path.join(fcDir, 'fonts.conf');
const { default: sharp } = await import('sharp');
const { PDFDocument, rgb } = await import('pdf-lib');
const { fontChain, pdfLibFontkit } = await import(
  new URL('../dist/electron/core/forms/fonts.js', import.meta.url).href
);

const FONT = 'Source Han Sans SC';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// ---- images ----------------------------------------------------------------------------------------

/** A text line of an SVG document: [x, y, text, size, options]. */
function text(x, y, s, size, { bold = false, anchor = 'start', fill = '#2b2b2b', spacing = 0 } = {}) {
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-size="${size}" font-weight="${bold ? 700 : 400}" text-anchor="${anchor}" letter-spacing="${spacing}" fill="${fill}">${esc(s)}</text>`;
}

/** A red round seal with its issuer set along the top and a star in the middle. */
function seal(cx, cy, r, issuer) {
  const chars = [...issuer];
  const span = Math.min(250, chars.length * 22);
  const glyphs = chars.map((ch, i) => {
    const angle = -90 - span / 2 + (span * (i + 0.5)) / chars.length;
    const rad = (angle * Math.PI) / 180;
    const x = cx + (r - 30) * Math.cos(rad);
    const y = cy + (r - 30) * Math.sin(rad);
    return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${(r * 0.22).toFixed(0)}" font-weight="700" fill="#c8281e" text-anchor="middle" dominant-baseline="central" transform="rotate(${(angle + 90).toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})">${esc(ch)}</text>`;
  });
  const star = [...Array(10)]
    .map((_, i) => {
      const a = (-90 + i * 36) * (Math.PI / 180);
      const rr = i % 2 === 0 ? r * 0.28 : r * 0.11;
      return `${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`;
    })
    .join(' ');
  return `<g opacity="0.82"><circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#c8281e" stroke-width="${r * 0.06}"/>${glyphs.join('')}<polygon points="${star}" fill="#c8281e"/></g>`;
}

/** Paper with a faint scanner shadow at one edge, then the drawing. */
function paper(w, h, body, { tint = '#f3efe6', border = null } = {}) {
  const frame = border
    ? `<rect x="40" y="40" width="${w - 80}" height="${h - 80}" fill="none" stroke="${border}" stroke-width="10"/><rect x="60" y="60" width="${w - 120}" height="${h - 120}" fill="none" stroke="${border}" stroke-width="2"/>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">
<defs><linearGradient id="shade" x1="0" x2="1"><stop offset="0" stop-color="#b9b4aa"/><stop offset="0.03" stop-color="${tint}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#shade)"/>${frame}${body}</svg>`;
}

/** Lines of body text set one under the other. */
const lines = (x, y, list, size, gap = 1.9) => list.map((s, i) => text(x, y + i * size * gap, s, size)).join('');

async function jpeg(name, svg, quality = 50) {
  const file = path.join(outDir, name);
  await sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toFile(file);
  return name;
}

const certificate = (title, body, issuer, date, { w = 1400, h = 1000, photo = false } = {}) =>
  paper(
    w,
    h,
    `${text(w / 2, 210, title, 76, { bold: true, anchor: 'middle', spacing: 12, fill: '#7a1d14' })}
     ${photo ? `<rect x="${w - 330}" y="300" width="170" height="220" fill="#dfe6ee" stroke="#999"/>${text(w - 245, 420, '照片', 30, { anchor: 'middle', fill: '#888' })}` : ''}
     ${lines(170, 340, body, 34)}
     ${text(w - 180, h - 210, issuer, 34, { anchor: 'end' })}
     ${text(w - 180, h - 150, date, 34, { anchor: 'end' })}
     ${seal(w - 330, h - 210, 110, issuer)}`,
    { border: '#b0893c' },
  );

const page = (title, body, { issuer, date, w = 1000, h = 1414 } = {}) =>
  paper(
    w,
    h,
    `${text(w / 2, 150, title, 46, { bold: true, anchor: 'middle', spacing: 4 })}
     ${lines(110, 260, body, 27, 1.85)}
     ${issuer ? text(w - 120, h - 250, issuer, 28, { anchor: 'end' }) : ''}
     ${date ? text(w - 120, h - 200, date, 28, { anchor: 'end' }) : ''}
     ${issuer ? seal(w - 260, h - 250, 100, issuer) : ''}`,
    { tint: '#f4f2ec' },
  );

async function images() {
  const made = [];
  // ID card, both sides on one A4 copy, as units ask for.
  made.push({
    file: await jpeg(
      'idcard.jpg',
      paper(
        1000,
        1414,
        `<rect x="190" y="170" width="620" height="390" rx="24" fill="#e7eef2" stroke="#9aa"/>
         ${text(230, 240, '姓名  吴𠮷喆', 30)}${text(230, 300, '性别  男     民族  汉', 30)}
         ${text(230, 360, '出生  1978 年 5 月 16 日', 30)}${text(230, 420, '住址  浙江省衢州市柯城区', 30)}
         ${text(230, 460, '荷花街道荷四路 18 号', 30)}${text(230, 530, '公民身份号码  330802197805160138', 28)}
         <rect x="620" y="220" width="150" height="190" fill="#c9d3dc"/><circle cx="695" cy="290" r="42" fill="#8c97a3"/><rect x="640" y="340" width="110" height="70" rx="40" fill="#8c97a3"/>
         <rect x="190" y="700" width="620" height="390" rx="24" fill="#eef0e6" stroke="#9aa"/>
         ${text(500, 800, '中华人民共和国', 40, { bold: true, anchor: 'middle', spacing: 6 })}
         ${text(500, 870, '居民身份证', 52, { bold: true, anchor: 'middle', spacing: 10 })}
         ${text(260, 980, '签发机关  衢州市公安局柯城分局', 26)}${text(260, 1030, '有效期限  2016.03.08-2036.03.08', 26)}
         ${text(500, 1250, '本复印件仅供职称申报使用', 30, { anchor: 'middle', fill: '#777' })}`,
      ),
    ),
    links: [{ slot: 'M-4/id-card' }],
  });
  // The ID photo at the upload profile's size (358×441, under 200 KB): judged by its own profile.
  made.push({
    file: await jpeg(
      'photo.jpg',
      `<svg xmlns="http://www.w3.org/2000/svg" width="358" height="441">
        <defs><radialGradient id="bg" cx="0.5" cy="0.35" r="0.8"><stop offset="0" stop-color="#5d9be0"/><stop offset="1" stop-color="#2f6fc0"/></radialGradient></defs>
        <rect width="358" height="441" fill="url(#bg)"/>
        <path d="M40 441 C50 340 110 315 179 312 C248 315 308 340 318 441 Z" fill="#2c3440"/>
        <path d="M150 300 L179 350 L208 300 Z" fill="#f2f2f2"/>
        <rect x="154" y="250" width="50" height="60" fill="#e7c3a3"/>
        <ellipse cx="179" cy="190" rx="78" ry="96" fill="#efcfb1"/>
        <path d="M101 180 C100 100 150 85 182 88 C230 90 262 120 258 182 C248 140 220 128 180 128 C140 128 112 140 101 180 Z" fill="#1f1c1a"/>
        <ellipse cx="150" cy="192" rx="9" ry="5" fill="#2a2522"/><ellipse cx="208" cy="192" rx="9" ry="5" fill="#2a2522"/>
        <path d="M160 248 Q179 258 198 248" stroke="#a5654f" stroke-width="4" fill="none"/>
      </svg>`,
      82,
    ),
    links: [{ slot: 'M-4/photo' }],
  });
  made.push({
    file: await jpeg(
      'diploma-bachelor.jpg',
      certificate(
        '毕 业 证 书',
        [
          '学生 吴𠮷喆 ，性别 男 ，一九七八年五月十六日生，',
          '于一九九六年九月至二〇〇〇年七月在本校热能与动力工程',
          '专业四年制本科学习，修完教学计划规定的全部课程，',
          '成绩合格，准予毕业。',
          '',
          '证书编号：浙工大毕字 2000-0417',
        ],
        '浙江工业大学',
        '二〇〇〇年七月一日',
        { photo: true },
      ),
    ),
    links: [{ recordId: 'edu-1', slot: 'M-4/diploma' }],
  });
  made.push({
    file: await jpeg(
      'degree-bachelor.jpg',
      certificate(
        '学 士 学 位 证 书',
        [
          '吴𠮷喆 ，男，一九七八年五月十六日生。在浙江工业大学',
          '热能与动力工程专业完成了本科学习计划，业已毕业。',
          '经审核符合《中华人民共和国学位条例》的规定，',
          '授予工学学士学位。',
          '',
          '证书编号：1033742000000417',
        ],
        '浙江工业大学',
        '二〇〇〇年七月一日',
        { photo: true },
      ),
    ),
    links: [{ recordId: 'edu-1', slot: 'M-4/degree' }],
  });
  made.push({
    file: await jpeg(
      'graduate-form.jpg',
      page(
        '普通高等学校毕业生登记表',
        [
          '姓名：吴𠮷喆        性别：男        出生年月：1978.05',
          '学校：浙江工业大学      专业：热能与动力工程',
          '学制：四年          入学时间：1996.09      毕业时间：2000.07',
          '',
          '自我鉴定：',
          '  大学四年，本人系统学习了工程热力学、传热学、锅炉原理、',
          '  汽轮机原理等专业课程，完成了 35t/h 链条炉燃烧调整的',
          '  毕业设计。在校期间担任班级学习委员，积极参加社会实践。',
          '',
          '班级鉴定：该生学习认真，成绩优良，团结同学，同意毕业。',
          '',
          '学校意见：同意毕业，派遣至浙江常山瑞丰热能有限公司。',
          '',
          '（本页为档案复印件，与原件核对无误。）',
        ],
        { issuer: '浙江工业大学', date: '2000 年 6 月 20 日' },
      ),
    ),
    links: [{ recordId: 'edu-1', slot: 'M-4/graduate-form' }],
  });
  made.push({
    file: await jpeg(
      'diploma-master.jpg',
      certificate(
        '硕士研究生学历证明',
        [
          '吴𠮷喆 ，男，一九七八年五月十六日生，于二〇〇六年九月',
          '至二〇〇九年六月在我校以在职方式攻读动力工程领域工程',
          '硕士专业学位，完成培养方案规定的全部课程和学位论文。',
          '（在职攻读专业学位不颁发毕业证书，特此证明。）',
        ],
        '浙江大学研究生院',
        '二〇〇九年六月三十日',
      ),
    ),
    links: [{ recordId: 'edu-2', slot: 'M-4/diploma' }],
  });
  made.push({
    file: await jpeg(
      'degree-master.jpg',
      certificate(
        '硕 士 学 位 证 书',
        [
          '吴𠮷喆 ，男，一九七八年五月十六日生。在浙江大学动力',
          '工程领域完成了工程硕士专业学位的课程学习和论文答辩，',
          '经审核符合《中华人民共和国学位条例》的规定，',
          '授予工程硕士专业学位。',
          '',
          '证书编号：1033532009000512',
        ],
        '浙江大学',
        '二〇〇九年六月三十日',
        { photo: true },
      ),
    ),
    links: [{ recordId: 'edu-2', slot: 'M-4/degree' }],
  });
  made.push({
    file: await jpeg(
      'title-engineer.jpg',
      certificate(
        '专业技术职务任职资格证书',
        [
          '姓    名：吴𠮷喆',
          '工作单位：浙江衢江清能热电有限公司',
          '专    业：热能动力工程',
          '资格名称：工程师',
          '评审时间：2009 年 12 月 30 日',
          '证书编号：衢人社职中 2009-1187',
        ],
        '衢州市人力资源和社会保障局',
        '二〇〇九年十二月三十日',
        { photo: true },
      ),
    ),
    links: [{ recordId: 'title-2', slot: 'M-4/title-cert' }],
  });
  made.push({
    file: await jpeg(
      'appointment-engineer.jpg',
      page(
        '聘 任 书',
        [
          '吴𠮷喆 同志：',
          '',
          '  经公司研究决定，聘任您为工程师（中级专业技术职务），',
          '聘期自 2010 年 4 月 1 日起。',
          '',
          '  希望您在聘期内认真履行岗位职责，在锅炉运行优化和',
          '节能技术工作中发挥专业技术骨干作用。',
          '',
          '  衢清能人〔2010〕12 号',
        ],
        { issuer: '浙江衢江清能热电有限公司', date: '2010 年 3 月 26 日' },
      ),
    ),
    links: [{ recordId: 'appt-2', slot: 'M-4/appointment' }],
  });
  made.push({
    file: await jpeg(
      'award-2020.jpg',
      certificate(
        '荣 誉 证 书',
        [
          '为表彰在促进科学技术进步工作中作出重要贡献者，',
          '特颁发此证书。',
          '',
          '项目名称：热电联产锅炉低氮燃烧与SNCR协同脱硝技术研究与应用',
          '奖励等级：衢州市科学技术进步奖三等奖',
          '获 奖 者：吴𠮷喆（第二完成人）',
          '证书编号：2020-KJ3-017',
        ],
        '衢州市人民政府',
        '二〇二〇年六月十八日',
      ),
    ),
    links: [{ recordId: 'work-6', slot: 'M-4/honour' }],
  });
  made.push({
    file: await jpeg(
      'patent.jpg',
      certificate(
        '实用新型专利证书',
        [
          '实用新型名称：一种循环流化床锅炉返料器防堵装置',
          '发  明  人：吴𠮷喆；徐建平；周晓东',
          '专  利  号：ZL 2018 2 0987651.8',
          '专利申请日：2018 年 06 月 25 日',
          '授权公告日：2019 年 03 月 12 日',
          '专利权人：浙江衢江清能热电有限公司',
        ],
        '国家知识产权局',
        '二〇一九年三月十二日',
      ),
    ),
    links: [{ recordId: 'work-3', slot: 'M-10/work' }],
  });
  return made;
}

// ---- PDFs ------------------------------------------------------------------------------------------

const A4 = [595.28, 841.89];

/** A PDF of text pages: each page a title, lines wrapped per character to the width, and a signature. */
async function pdf(name, pages) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(pdfLibFontkit);
  const [regular] = fontChain('regular');
  const font = await doc.embedFont(regular.bytes, { subset: true });
  const boldFont = font; // one face: each embedded CJK subset costs ~60 KB
  doc.setTitle(pages[0].title);
  doc.setCreationDate(new Date('2020-09-01T00:00:00Z'));
  doc.setModificationDate(new Date('2020-09-01T00:00:00Z'));
  for (const p of pages) {
    const pg = doc.addPage(A4);
    const left = 64;
    const width = A4[0] - 2 * left;
    let y = A4[1] - 90;
    if (p.header) {
      pg.drawText(p.header, { x: left, y: A4[1] - 50, size: 9, font, color: rgb(0.4, 0.4, 0.4) });
      pg.drawLine({ start: { x: left, y: A4[1] - 56 }, end: { x: A4[0] - left, y: A4[1] - 56 }, thickness: 0.5 });
    }
    const titleSize = p.titleSize ?? 18;
    const tw = boldFont.widthOfTextAtSize(p.title, titleSize);
    pg.drawText(p.title, { x: (A4[0] - tw) / 2, y, size: titleSize, font: boldFont });
    y -= 40;
    for (const line of p.lines) {
      if (Array.isArray(line)) {
        // A table row: cells at fixed fractions of the width, with a rule under it.
        const cols = line.length;
        line.forEach((cell, i) => pg.drawText(String(cell), { x: left + (width * i) / cols, y, size: 10.5, font }));
        pg.drawLine({ start: { x: left, y: y - 5 }, end: { x: A4[0] - left, y: y - 5 }, thickness: 0.3 });
        y -= 21;
        continue;
      }
      let rest = [...line];
      if (rest.length === 0) y -= 10;
      while (rest.length > 0) {
        let n = rest.length;
        while (n > 1 && font.widthOfTextAtSize(rest.slice(0, n).join(''), 11.5) > width) n--;
        pg.drawText(rest.slice(0, n).join(''), { x: left, y, size: 11.5, font });
        rest = rest.slice(n);
        y -= 20;
      }
    }
    if (p.sign) {
      pg.drawText(p.sign[0], { x: A4[0] - left - font.widthOfTextAtSize(p.sign[0], 12), y: 170, size: 12, font });
      pg.drawText(p.sign[1], { x: A4[0] - left - font.widthOfTextAtSize(p.sign[1], 12), y: 148, size: 12, font });
      pg.drawCircle({
        x: A4[0] - left - 60,
        y: 165,
        size: 42,
        borderColor: rgb(0.78, 0.16, 0.12),
        borderWidth: 2.5,
        opacity: 0,
        borderOpacity: 0.8,
      });
    }
    if (p.footer) pg.drawText(p.footer, { x: left, y: 50, size: 9, font, color: rgb(0.45, 0.45, 0.45) });
  }
  writeFileSync(path.join(outDir, name), await doc.save({ useObjectStreams: true }));
  return name;
}

const NAME = '吴𠮷喆';
const ID = '330802197805160138';
const UNIT = '浙江衢江清能热电有限公司';

async function pdfs() {
  const made = [];
  made.push({
    file: await pdf('chsi-master.pdf', [
      {
        title: '教育部学历证书电子注册备案表',
        header: '学信网 www.chsi.com.cn　　在线验证码：A8K2 7QWM 3RZP 9XTL',
        lines: [
          ['姓名', NAME, '性别', '男'],
          ['出生日期', '1978年05月16日', '证件号码', ID],
          ['学校名称', '浙江大学', '层次', '硕士研究生'],
          ['专业', '动力工程', '学习形式', '非全日制'],
          ['入学日期', '2006年09月01日', '毕（结）业日期', '2009年06月30日'],
          ['学位类型', '工程硕士', '证书编号', '1033532009000512'],
          '',
          '说明：本备案表所列学历信息已在全国高等学校学生信息咨询与就业指导中心电子注册备案。',
          '用人单位可登录学信网输入在线验证码查验本表。报告在线验证有效期至 2021 年 06 月 30 日。',
        ],
        footer: '更新日期：2020年09月01日',
      },
    ]),
    links: [{ recordId: 'edu-2', slot: 'M-4/chsi-record' }],
  });
  made.push({
    file: await pdf('main-contributor-project.pdf', [
      {
        title: '集体项目主要完成人证明',
        lines: [
          `兹证明 ${NAME} 同志（身份证号 ${ID}）在“2×75t/h循环流化床锅炉超低排放改造项目”中`,
          '担任技术负责人，为该项目的主要完成人之一，排名第一。',
          '',
          '本人主要负责改造方案的细化与设备选型，编制调试方案，组织性能试验。项目于 2017 年 12 月',
          '通过衢州市经济和信息化局组织的竣工验收，氮氧化物、二氧化硫和烟尘排放浓度达到超低排放要求。',
          '',
          '特此证明。',
        ],
        sign: [UNIT, '2020 年 8 月 20 日'],
      },
    ]),
    links: [{ recordId: 'work-5', slot: 'M-4/main-contributor' }],
  });
  made.push({
    file: await pdf('main-contributor-award.pdf', [
      {
        title: '获奖项目主要完成人证明',
        lines: [
          `兹证明 ${NAME} 同志为“热电联产锅炉低氮燃烧与SNCR协同脱硝技术研究与应用”项目的第二完成人，`,
          '该项目获 2020 年度衢州市科学技术进步奖三等奖。',
          '',
          '本人负责 SNCR 喷氨优化试验的组织实施和分负荷段控制策略的制定，是项目的主要完成人。',
          '',
          '特此证明。',
        ],
        sign: [UNIT, '2020 年 8 月 20 日'],
      },
    ]),
    links: [{ recordId: 'work-6', slot: 'M-4/main-contributor' }],
  });
  const months = (year) =>
    [...Array(12)].map((_, i) => [
      `${year}-${String(i + 1).padStart(2, '0')}`,
      UNIT,
      year === 2018 ? '6,850' : year === 2019 ? '7,120' : '7,420',
      '已缴',
    ]);
  made.push({
    file: await pdf(
      'pension-2018-2020.pdf',
      [2018, 2019, 2020].map((year) => ({
        title: `浙江省社会保险个人参保证明（${year} 年度）`,
        header: '浙江政务服务网 — 衢州市社会保险事业管理中心　　验证码：QZ20200901-38415',
        lines: [
          `姓名：${NAME}　　社会保障号码：${ID}`,
          `险种：企业职工基本养老保险　　参保单位：${UNIT}`,
          '',
          ['缴费年月', '缴费单位', '缴费基数（元）', '状态'],
          ...months(year),
        ],
        sign: ['衢州市社会保险事业管理中心', '2020 年 9 月 1 日'],
        footer: '本证明可通过浙江政务服务网扫码或输入验证码核验真伪。',
      })),
    ),
    links: [2018, 2019, 2020].map((year, i) => ({
      recordId: `pension-${year}`,
      slot: `M-5/pension/${year}`,
      page: i + 1,
    })),
  });
  const courses = {
    2018: [
      ['循环流化床锅炉运行优化与节能技术', '专业科目', '48'],
      ['燃煤电厂超低排放技术进展', '专业科目', '24'],
      ['工业企业安全生产与职业健康', '行业公需', '12'],
      ['专业技术人员职业道德与诚信建设', '一般公需', '12'],
    ],
    2019: [
      ['热电联产机组灵活性改造技术', '专业科目', '40'],
      ['锅炉压力容器安全技术规范解读', '专业科目', '32'],
      ['工业互联网与智能制造概论', '行业公需', '10'],
      ['知识产权保护与专利实务', '一般公需', '10'],
    ],
    2020: [
      ['热电企业节能降碳与能效提升', '专业科目', '56'],
      ['SNCR/SCR 脱硝系统运行与优化', '专业科目', '16'],
      ['疫情防控常态化下的企业安全生产管理', '行业公需', '12'],
      ['数字经济与数字化转型', '一般公需', '12'],
    ],
  };
  made.push({
    file: await pdf(
      'ce-2018-2020.pdf',
      [2018, 2019, 2020].map((year) => {
        const rows = courses[year];
        const total = rows.reduce((s, r) => s + Number(r[2]), 0);
        return {
          title: `专业技术人员继续教育学时证明（${year} 年度）`,
          header: '浙江省专业技术人员继续教育管理系统',
          lines: [
            `姓名：${NAME}　　身份证号：${ID}`,
            `工作单位：${UNIT}`,
            '',
            ['课程名称', '', '类别', '学时'].map((c, i) => (i === 1 ? '' : c)),
            ...rows.map((r) => [r[0], '', r[1], r[2]]),
            ['合计', '', '', String(total)],
            '',
            `${year} 年度累计完成继续教育 ${total} 学时，其中专业科目 ${rows.filter((r) => r[1] === '专业科目').reduce((s, r) => s + Number(r[2]), 0)} 学时，达到年度学时要求。`,
          ],
          sign: ['衢州市人力资源和社会保障局', `${year + 1} 年 1 月 15 日`],
        };
      }),
    ),
    links: [2018, 2019, 2020].map((year, i) => ({ slot: `M-7/ce/${year}`, page: i + 1 })),
  });
  const grades = { 2017: '合格', 2018: '合格', 2019: '优秀' };
  made.push({
    file: await pdf(
      'assessment-2017-2019.pdf',
      [2017, 2018, 2019].map((year) => ({
        title: `专业技术人员年度考核登记表（${year} 年度）`,
        lines: [
          `姓名：${NAME}　　性别：男　　出生年月：1978.05`,
          `单位：${UNIT}　　岗位：生产技术部主任工程师`,
          '',
          '个人总结：',
          `  ${year} 年，本人负责全厂锅炉、汽轮机和环保设施的技术管理，组织完成年度锅炉性能试验与`,
          '  检修技术验收，保障机组安全稳定运行；按计划完成继续教育学时，带教青年技术人员。',
          '',
          `主管领导评语：该同志业务能力强，工作认真负责，圆满完成年度各项任务。`,
          '',
          `考核等次：${grades[year]}`,
        ],
        sign: [UNIT, `${year + 1} 年 1 月 20 日`],
      })),
    ),
    links: [2017, 2018, 2019].map((year, i) => ({
      recordId: `assess-${year}`,
      slot: `M-9/assessment/${year}`,
      page: i + 1,
    })),
  });
  const paper = async (file, recordId, journal, issn, cn, issue, title, authors, abstract) => ({
    file: await pdf(file, [
      {
        title: journal,
        titleSize: 40,
        lines: ['', '', `${issue}`, '', `ISSN ${issn}`, cn, '', '', '', '中文核心期刊 · 中国科技核心期刊'],
      },
      {
        title: `《${journal}》编辑委员会`,
        lines: [
          `主管单位、主办单位、编辑出版：${journal}杂志社`,
          `国际标准连续出版物号：ISSN ${issn}`,
          `国内统一连续出版物号：${cn}`,
          `出版日期：${issue}`,
          '',
          '版权所有，未经许可不得转载。',
        ],
      },
      {
        title: `目　次（${issue}）`,
        lines: [
          ['电网调度中新能源消纳能力评估方法', '', '', '1'],
          [title.slice(0, 22) + (title.length > 22 ? '…' : ''), '', authors.split('，')[0], '9'],
          ['汽轮机通流部分改造后的性能试验分析', '', '', '16'],
          ['燃煤机组深度调峰运行的安全性评估', '', '', '23'],
        ],
      },
      {
        title,
        header: `${journal}　${issue}`,
        lines: [
          authors,
          `（${UNIT}，浙江 衢州 324000）`,
          '',
          `摘要：${abstract}`,
          '关键词：循环流化床锅炉；节能；运行优化',
          '',
          '0 引言',
          '热电联产机组承担着工业园区集中供热的任务，其运行经济性与环保性能直接影响企业效益和区域环境质量。',
        ],
      },
    ]),
    links: ['cover', 'issn', 'toc', 'article'].map((tag, i) => ({
      recordId,
      slot: `M-10/paper/${tag}`,
      page: i + 1,
    })),
  });
  made.push(
    await paper(
      'paper-zjdl-2019.pdf',
      'work-1',
      '浙江电力',
      '1007-1881',
      'CN 33-1080/TM',
      '2019年第5期',
      '循环流化床锅炉SNCR脱硝系统喷氨优化试验研究',
      `${NAME}，徐建平`,
      '通过喷枪布置与氨氮摩尔比对比试验，建立分负荷段喷氨控制策略，尿素耗量下降约18%，氨逃逸稳定在2.5 mg/m³以内。',
    ),
  );
  made.push(
    await paper(
      'paper-rlfd-2017.pdf',
      'work-2',
      '热力发电',
      '1002-3364',
      'CN 61-1111/TM',
      '2017年第8期',
      '热电联产机组供热负荷预测与抽汽优化调度',
      `周晓东，${NAME}`,
      '基于历史数据建立供热负荷预测模型，并对多台机组的抽汽分配进行优化，全厂供热标准煤耗下降约3%。',
    ),
  );
  made.push({
    file: await pdf('feasibility-report.pdf', [
      {
        title: '2×75t/h循环流化床锅炉超低排放改造工程',
        lines: ['', '', '可 行 性 研 究 报 告', '', '', `编制单位：${UNIT}　生产技术部`, '编制日期：2016 年 4 月'],
      },
      {
        title: '编制人员',
        lines: [
          ['职责', '姓名', '职称', ''],
          ['批准', '陈国庆', '高级工程师', ''],
          ['审核', '徐建平', '高级工程师', ''],
          ['编写', NAME, '工程师', ''],
          ['参加', '周晓东', '工程师', ''],
        ],
      },
      {
        title: '第 5 章　技术路线比选',
        lines: [
          '5.1 脱硝：比较低氮燃烧+SNCR 与 SCR 两种路线。循环流化床锅炉炉膛温度 850～900 ℃，适宜 SNCR 反应，',
          '低氮燃烧配合 SNCR 即可将氮氧化物控制在 50 mg/m³ 以下，投资约为 SCR 方案的三分之一。',
          '5.2 脱硫：推荐炉外石灰石-石膏湿法脱硫，保留炉内喷钙作为辅助手段。',
          '5.3 除尘：在湿法脱硫后增设湿式电除尘器，烟尘排放浓度可低于 5 mg/m³。',
        ],
      },
    ]),
    links: [{ recordId: 'work-4', slot: 'M-10/work' }],
  });
  made.push({
    file: await pdf('authorship-proof.pdf', [
      {
        title: '可行性研究报告执笔证明',
        lines: [
          `兹证明 ${NAME} 同志为《2×75t/h循环流化床锅炉超低排放改造工程可行性研究报告》的主要编写人（执笔人），`,
          '负责报告第 3 章至第 7 章（现状分析、技术路线比选、投资估算与经济评价）的编写。',
          '',
          '特此证明。',
        ],
        sign: [UNIT, '2020 年 8 月 20 日'],
      },
    ]),
    links: [{ recordId: 'work-4', slot: 'M-10/authorship' }],
  });
  made.push({
    file: await pdf('project-acceptance.pdf', [
      {
        title: '技术改造项目竣工验收意见',
        header: '衢州市经济和信息化局',
        lines: [
          `项目名称：2×75t/h循环流化床锅炉超低排放改造项目　　项目单位：${UNIT}`,
          '',
          '2017 年 12 月 28 日，衢州市经济和信息化局组织专家对该项目进行竣工验收。验收组听取了项目建设',
          '情况汇报，查阅了相关资料，经现场检查和质询，形成意见如下：',
          '一、项目按批准的内容建成，改造后烟气中氮氧化物、二氧化硫、烟尘排放浓度分别低于 50、35、',
          '5 mg/m³，达到超低排放要求。',
          '二、项目资料齐全，同意通过竣工验收。',
          '',
          `项目技术负责人：${NAME}`,
        ],
        sign: ['衢州市经济和信息化局', '2017 年 12 月 28 日'],
      },
    ]),
    links: [{ recordId: 'work-5', slot: 'M-10/work' }],
  });
  return made;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
try {
  // The names a user would have given the files (shown in the app); the files themselves keep ASCII names.
  const names = {
    'idcard.jpg': '身份证复印件.jpg',
    'photo.jpg': '证件照.jpg',
    'diploma-bachelor.jpg': '本科毕业证书.jpg',
    'degree-bachelor.jpg': '学士学位证书.jpg',
    'graduate-form.jpg': '高校毕业生登记表.jpg',
    'diploma-master.jpg': '硕士研究生学历证明.jpg',
    'degree-master.jpg': '硕士学位证书.jpg',
    'title-engineer.jpg': '工程师资格证书.jpg',
    'appointment-engineer.jpg': '工程师聘任书.jpg',
    'award-2020.jpg': '科技进步奖证书.jpg',
    'patent.jpg': '实用新型专利证书.jpg',
    'chsi-master.pdf': '学历证书电子注册备案表.pdf',
    'main-contributor-project.pdf': '超低排放改造项目主要完成人证明.pdf',
    'main-contributor-award.pdf': '科技进步奖主要完成人证明.pdf',
    'pension-2018-2020.pdf': '养老保险参保证明2018-2020.pdf',
    'ce-2018-2020.pdf': '继续教育学时证明2018-2020.pdf',
    'assessment-2017-2019.pdf': '年度考核登记表2017-2019.pdf',
    'paper-zjdl-2019.pdf': '论文-浙江电力2019第5期.pdf',
    'paper-rlfd-2017.pdf': '论文-热力发电2017第8期.pdf',
    'feasibility-report.pdf': '超低排放改造可行性研究报告.pdf',
    'authorship-proof.pdf': '可研报告执笔证明.pdf',
    'project-acceptance.pdf': '超低排放改造项目验收意见.pdf',
  };
  const scans = [...(await images()), ...(await pdfs())].map(({ file, links }) => ({
    file,
    name: names[file],
    links,
  }));
  writeFileSync(
    path.join(root, 'resources', 'sample', 'scans.json'),
    `${JSON.stringify({ format: 'dossier.sample-scans', version: 1, scans }, null, 2)}\n`,
  );
  let total = 0;
  for (const name of readdirSync(outDir)) {
    const size = statSync(path.join(outDir, name)).size;
    total += size;
    console.log(`${name.padEnd(32)} ${(size / 1024).toFixed(0).padStart(5)} KB`);
  }
  console.log(`${'total'.padEnd(32)} ${(total / 1024).toFixed(0).padStart(5)} KB`);
} finally {
  rmSync(fcDir, { recursive: true, force: true });
}
