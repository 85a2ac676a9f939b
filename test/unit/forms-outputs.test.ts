// What 打印表格 and the material index say about a form or material (renderer/src/forms/outputs.ts and
// electron/core/forms/indexNote.ts): a warning that does not stop a form (M-3's short publicity), what
// blocks one (M-8 without its text), the characters printed as 〓 named by code point, and the remark of
// the material index on a material that is incomplete although files are listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormEntry } from '../../shared/api/contract.js';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { FORMS, FORM_IDS, formFileName, whyBlocks } from '../../shared/forms/catalog.js';
import { computeMaterials, type MaterialId } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import { indexNote } from '../../electron/core/forms/indexNote.js';
import {
  canGenerate,
  characterCode,
  fixOf,
  formRow,
  generateAllKeys,
  isMaterialListed,
  materialRow,
  rowView,
  warningOf,
} from '../../renderer/src/forms/outputs.js';

const sample = (): ArchiveDocument =>
  ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));

const entry = (id: FormEntry['id'], why: FormEntry['why'] = null, applies = true): FormEntry => ({
  id,
  title: FORMS[id].title,
  copies: FORMS[id].copies,
  applies,
  why,
  file: null,
  stale: false,
  staleWhy: null,
});

describe('forms list rows', () => {
  it('M-8, the work summary, is a form of its own, for material M-8', () => {
    expect(FORM_IDS).toContain('M-8');
    expect(FORMS['M-8']).toMatchObject({ material: 'M-8', title: { zh: '专业技术工作总结' } });
    expect(formFileName('M-8')).toBe('M-8 专业技术工作总结.pdf');
  });

  it('a warning beside M-3 does not stop it; what M-8 and F-4 wait for does', () => {
    const short = { zh: '公示期仅 4 个工作日，少于 5 个工作日（N-8）', en: 'Only 4 working days' };
    const m3 = formRow(entry('M-3', short));
    expect(whyBlocks('M-3')).toBe(false);
    expect(warningOf(m3)).toEqual(short);
    expect(canGenerate(m3)).toBe(true);
    expect(rowView(m3, null, []).state).toBe('missing');
    const m8 = formRow(entry('M-8', { zh: '请先在“工作总结”中填写专业技术工作总结', en: '' }));
    expect(warningOf(m8)).toBe(null);
    expect(canGenerate(m8)).toBe(false);
    expect(rowView(m8, null, []).state).toBe('blocked');
    expect(fixOf(m8, null)).toEqual({ kind: 'field', target: 'summary.text' });
    expect(generateAllKeys([m3, m8, formRow(entry('F-1'))])).toEqual(['M-3', 'F-1']);
    // A form that does not apply says why, and is no warning.
    expect(warningOf(formRow(entry('M-3', short, false)))).toBe(null);
  });

  it('names a character printed as 〓 by its code point', () => {
    expect(characterCode('𪚥')).toBe('U+2A6A5');
    expect(characterCode('\u00ad')).toBe('U+00AD');
    expect(characterCode('喆')).toBe('U+5586');
  });

  it('does not list M-8 among the materials to merge unless a scan is linked to it', () => {
    const material = (m: string, attachments: number) =>
      materialRow({
        key: `material:${m}`,
        material: m,
        title: { zh: m, en: m },
        attachments,
        file: null,
        stale: false,
        staleWhy: null,
      });
    expect(isMaterialListed(material('M-8', 0))).toBe(false);
    expect(isMaterialListed(material('M-8', 1))).toBe(true);
    expect(isMaterialListed(material('M-9', 0))).toBe(true);
  });
});

describe('the material index’s remarks', () => {
  const notes = (archive: ArchiveDocument, made: readonly MaterialId[]) =>
    Object.fromEntries(
      computeMaterials(archive, [], DEFAULT_PARAMS_2020).map((m) => {
        const form = FORM_IDS.find((id) => FORMS[id].material === m.id);
        return [m.id, indexNote(m, form !== undefined, made.includes(m.id))?.zh ?? null];
      }),
    );

  it('says what is still missing beside a printed form: the stamped scan', () => {
    const a = sample();
    a.application.exceptional = true;
    a.unit.type = 'public_institution';
    const made = notes(a, ['M-1', 'M-2', 'M-3', 'M-8', 'M-11', 'M-12']);
    expect(made['M-1']).toBe(null);
    expect(made['M-2']).toBe(null);
    expect(made['M-8']).toBe(null);
    expect(made['M-3']).toBe('由单位提供（公示期满后出具并盖章，加签时加入申报包）');
    expect(made['M-11']).toBe('尚缺：F-3 盖章扫描件、破格条件证明材料');
    expect(made['M-12']).toBe('尚缺：盖章扫描件');
    // Not printed yet: that first.
    const none = notes(a, []);
    expect(none['M-1']).toBe('由本应用生成（尚未生成）');
    expect(none['M-3']).toBe('由单位提供（公示期满后出具并盖章，加签时加入申报包）');
  });

  it('an extracted material comes from the archive; one that does not apply says so', () => {
    const made = notes(sample(), ['M-1', 'M-2', 'M-3', 'M-8']);
    expect(made['M-6']).toBe('取自档案（系统自动提取）');
    expect(made['M-11']).toBe('不适用');
    expect(made['M-12']).toBe('不适用');
  });

  it('lists a few missing scans by name and counts the rest', () => {
    const made = notes(sample(), []);
    // The sample has no scans: M-4 misses its ID card, photo, diplomas and more.
    expect(made['M-4']).toMatch(/^尚缺：身份证、证件照、毕业证书等 \d+ 项$/);
    // Yearly proofs by their years: the material's title says what they are.
    expect(made['M-5']).toBe('尚缺：2018、2019、2020 年');
  });

  it('an empty summary is missing text, not a form to print', () => {
    const a = sample();
    a.summary.text = '  \n ';
    expect(notes(a, [])['M-8']).toBe('尚缺：专业技术工作总结');
  });
});
