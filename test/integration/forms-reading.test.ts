// Forms that read right (issue 15, item 4): a diploma number and σ₀.₂ come back from pdftotext on one line
// in a narrow cell, a combining mark sits on its base; the pledge (F-1's 承诺, M-2's signatures and the
// unit's box) never stands alone on a page; an education under way prints the same on F-1 and F-3; the
// material index names each document, not its file; a form is out of date only when its bytes would
// change, with the reason (creating the signing key touches F-1 and the pledge only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importArchiveJson, readArchive, saveSection } from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { buildF1 } from '../../electron/core/forms/f1.js';
import { buildF3 } from '../../electron/core/forms/f3.js';
import { generateOne, listForms } from '../../electron/core/forms/formsService.js';
import { buildPledge } from '../../electron/core/forms/pledge.js';
import { FormDoc } from '../../electron/core/forms/pdf/formDoc.js';
import { createWorkspaceKey } from '../../electron/core/package/keyService.js';
import { packageRoot } from '../../electron/core/paths.js';
import { readSampleJson } from '../../electron/core/workspace.js';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { makeJpeg } from '../helpers/files.js';
import { plainContext, sampleArchive } from '../helpers/forms.js';
import { pdfText, squash, writePagePngs } from '../helpers/pdf.js';
import { tempWorkspace } from '../helpers/workspace.js';

const ROOT = packageRoot();
const SLOW = { timeout: 120_000 };
const PNGS = path.join(ROOT, 'test-results/forms');
const DIPLOMA = '130263200400011870';

const sample = sampleArchive;
const ctx = plainContext;

/** The text of each page in drawing order, one drawn line per line. */
const pages = async (bytes: Uint8Array) => (await pdfText(bytes, { mode: 'raw' })).split('\f');

/** A page's text without its running title and footer. */
const body = (page: string) =>
  page
    .split('\n')
    .filter((l) => !/第 \d+ 页 共 \d+ 页|档案指纹|（续）$/.test(l))
    .join('\n');

describe('line breaking on the page', () => {
  it(
    'a diploma number in F-1’s 证书编号 column, σ₀.₂ and a formula in a narrow cell come back on one line each',
    SLOW,
    async () => {
      const a = sample();
      a.educations[0]!.diplomaNumber = DIPLOMA;
      const f1 = await buildF1(ctx(a));
      const f1Lines = (await pdfText(f1.bytes, { mode: 'raw' })).split('\n');
      expect(f1Lines.some((l) => l.includes(DIPLOMA))).toBe(true);

      const doc = await FormDoc.create({
        title: '换行',
        fingerprint: 'ab'.repeat(32),
        fingerprintLabel: '档案指纹',
        pageLabel: (p, n) => `第 ${p} 页 共 ${n} 页`,
      });
      const narrow = [
        '屈服强度σ₀.₂为235MPa，抗拉强度σb为375MPa',
        '制备TiO₂/g-C₃N₄复合光催化剂并测试其性能',
        `毕业证书编号${DIPLOMA}`,
        '应变速率ε̇为10⁻³ s⁻¹时的流变应力',
      ];
      for (const text of narrow)
        await doc.row([
          { text, span: 1 },
          { text: '', span: 3 },
        ]);
      const bytes = await doc.finish();
      await writePagePngs(bytes, PNGS, 'linebreak-narrow', { dpi: 80 });
      const lines = (await pdfText(bytes, { mode: 'raw' })).split('\n');
      // The combining mark is drawn at its own place over ε (the extraction puts it after a line break of
      // its own, in order): ε̇ is read from the text joined; the PNG shows the dot on the ε.
      expect(lines.join('').replace(/\s/g, '')).toContain('ε̇为10⁻³');
      for (const token of ['σ₀.₂', 'TiO₂/g-C₃N₄', DIPLOMA, '10⁻³']) {
        expect(
          lines.some((l) => l.includes(token)),
          `${token} in ${JSON.stringify(lines)}`,
        ).toBe(true);
      }
    },
  );
});

describe('nothing stands alone on a page', () => {
  it(
    'F-1’s pledge always shares its page with the section before it, whatever the length of the summary',
    SLOW,
    async () => {
      let checked = 0;
      for (let step = 0; step < 16; step++) {
        const a = sample();
        // About three lines more each time: the pledge's place sweeps over a whole page.
        a.summary.text = `${a.summary.text}${'补充说明锅炉燃烧调整试验的过程与结论，'.repeat(6 * step)}`;
        const built = await buildF1(ctx(ArchiveDocument.parse(a)));
        const all = await pages(built.bytes);
        const at = all.findIndex((p) => p.includes('申报人承诺'));
        expect(at).toBeGreaterThan(0);
        const before = body(all[at]!).split('申报人承诺')[0]!;
        // The heading 「十一、申报人承诺」 is not all: the record section before it stands on the page too.
        expect(squash(before).replace(/^[一二三四五六七八九十]+、$/, ''), `step ${step}`).not.toBe('');
        if (step === 15) await writePagePngs(built.bytes, PNGS, 'F-1-pledge', { dpi: 60 });
        checked++;
      }
      expect(checked).toBe(16);
    },
  );

  it('a paragraph kept with what follows takes its last lines to the next page rather than leave it alone', async () => {
    const doc = await FormDoc.create({
      title: '保持',
      fingerprint: 'ab'.repeat(32),
      fingerprintLabel: '档案指纹',
      pageLabel: (p, n) => `第 ${p} 页 共 ${n} 页`,
    });
    // Room for the paragraph's lines, not for the 120 points that must follow it.
    doc.y = doc.bottom - 5 * doc.lineHeight();
    await doc.paragraph('末段文字'.repeat(60), { keepWith: 120 });
    const lastPage = doc.pdf.getPageCount();
    expect(lastPage).toBe(2);
    expect(doc.y).toBeLessThan(doc.bottom - 120);
    await doc.paragraph('申报人（签名）');
    const all = (await pages(await doc.finish())).map(body);
    expect(all[1]).toContain('末段文字');
    expect(all[1]).toContain('申报人（签名）');
  });

  it('M-2: the signature and the unit’s box come with the pledge’s last lines, never alone', SLOW, async () => {
    for (let step = 0; step < 14; step++) {
      const a = sample();
      // A longer specialty (up to its 200 characters) and unit name push the pledge down a line at a time.
      a.application.specialty = `热能动力工程${'及循环流化床锅炉燃烧技术'.repeat(step)}`.slice(0, 200);
      a.unit.name = `浙江衢江清能热电有限公司${'热能动力分公司'.repeat(step)}`.slice(0, 200);
      const built = await buildPledge(ctx(ArchiveDocument.parse(a), 'ab12'.repeat(16)));
      const all = (await pages(built.bytes)).map(body);
      const signed = all.find((p) => p.includes('申报人（签名）'))!;
      expect(squash(signed), `step ${step}`).toContain('核查。');
      const unitBox = all.find((p) => p.includes('单位审核意见'))!;
      expect(unitBox, `step ${step}`).toContain('申报人（签名）');
      if (built.pages > 1 && step === 13) await writePagePngs(built.bytes, PNGS, 'M-2-long', { dpi: 60 });
    }
  });
});

describe('an education under way', () => {
  it('prints 「2019.09.01—在读」 on F-1 and on F-3 alike', SLOW, async () => {
    const a = sample();
    a.application.exceptional = true;
    a.application.exceptionalReason = '破格推荐理由。';
    a.educations.push({ ...a.educations[0]!, id: 'edu-phd', startDate: '2019-09-01', graduationDate: '' });
    const c = ctx(ArchiveDocument.parse(a));
    for (const built of [await buildF1(c), await buildF3(c)]) {
      expect(squash(await pdfText(built.bytes, { mode: 'raw' }))).toContain('2019.09.01—在读');
    }
  });
});

describe('the material index and out-of-date forms in a workspace', () => {
  it(
    'names each document as its merged PDF does; the key marks F-1 and the pledge only, with the reason',
    SLOW,
    async () => {
      const w = tempWorkspace();
      const applicantId = importArchiveJson(w.db, readSampleJson());
      const archive = readArchive(w.db, applicantId);
      const add = async (fileName: string, slot: string, recordId: string | null, seed: number) => {
        const { attachment } = await service.addAttachmentFromStream(w, [await makeJpeg(300, 400, { seed })], {
          fileName,
        });
        service.linkAttachment(w, { attachmentId: attachment.id, slot, recordId });
      };
      const education = archive.educations[0]!;
      await add('idcard.jpg', 'M-4/id-card', null, 1);
      await add('xuexin.jpg', 'M-4/diploma', education.id, 2);
      const assessment = archive.assessments[0]!;
      await add('kaohe.jpg', `M-9/assessment/${assessment.year}`, assessment.id, 3);

      for (const key of ['F-1', 'M-2', 'M-3', 'M-8'] as const) await generateOne(w, applicantId, key);
      const index = await generateOne(w, applicantId, 'index');
      const bytes = readFileSync(storedPath(w.store, index.sha256));
      await writePagePngs(bytes, PNGS, 'index-names', { dpi: 80 });
      const text = squash(await pdfText(bytes, { mode: 'raw' }));
      expect(text).not.toMatch(/idcard|xuexin|kaohe|\.jpg|\.pdf/);
      expect(text).toContain('身份证');
      expect(text).toContain(squash(`毕业证书 — ${education.school}`));
      expect(text).toContain(`${assessment.year}`);
      expect(text).toContain('《专业技术资格评审表》');

      const stale = () =>
        Object.fromEntries(listForms(w, applicantId).forms.map((f) => [f.id, f.stale ? f.staleWhy!.zh : null]));
      expect(stale()).toMatchObject({ 'F-1': null, 'M-2': null, 'M-3': null, 'M-8': null, index: null });
      await createWorkspaceKey(w, 'correct horse battery staple');
      // Only the forms that print the key's fingerprint would change.
      const afterKey = stale();
      expect(afterKey['F-1']).toMatch(/签名密钥/);
      expect(afterKey['M-2']).toMatch(/签名密钥/);
      expect(afterKey).toMatchObject({ 'M-3': null, 'M-8': null, index: null });

      saveSection(w.db, { applicantId, section: 'profile', data: { ...archive.profile, phone: '13900000000' } });
      const afterEdit = stale();
      for (const id of ['F-1', 'M-2', 'M-3', 'M-8', 'index']) expect(afterEdit[id]).toBe('生成后档案已修改');
    },
  );
});
