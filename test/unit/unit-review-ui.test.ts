// The pure parts of the unit's review, publicity and submission screens (renderer/src/unit/review/): the
// archive grouped by material as the officer reads it (every field path one the core accepts for a
// comment), the comment targets and how a comment names its target, who is ready to pass upwards and why
// not, and the working day a refused publicity start can move to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { AttachmentView } from '../../shared/attachments/schema.js';
import { computeMaterials, type MaterialId } from '../../shared/materials/requirements.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import type { UnitApplicantRow } from '../../shared/unit/schema.js';
import { isFieldPath } from '../../electron/core/unit/fieldPaths.js';
import { fieldIndex, isEmptyValue, materialGroups } from '../../renderer/src/unit/review/archiveFields.js';
import {
  MATERIAL_TARGET,
  materialFiles,
  targetGroups,
  targetKey,
  targetText,
} from '../../renderer/src/unit/review/commentTargets.js';
import { nextWorkingDayAfterRest } from '../../shared/calendar/workingDays.js';
import { isPassedOn, isReady, notReadyReason } from '../../renderer/src/unit/review/readiness.js';
import { stageOf, type StageFacts } from '../../shared/unit/pipeline.js';
import { translate, type TextKey } from '../../renderer/src/i18n.js';

const sample = (): ArchiveDocument =>
  ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));

const t = (key: TextKey, vars?: Record<string, string | number>) => translate('zh', key, vars);

/** One live attachment linked to a slot (and record), as attachments:list gives it. */
function attachment(id: string, slot: string, recordId: string | null): AttachmentView {
  return AttachmentView.parse({
    id,
    applicantId: 'a',
    sha256: id.padEnd(64, '0'),
    fileName: `${id}.pdf`,
    mediaType: 'application/pdf',
    bytes: 100,
    pages: 1,
    width: null,
    height: null,
    createdAt: '2021-01-01T00:00:00Z',
    deletedAt: null,
    derivedFrom: null,
    operation: null,
    hasNewerVersion: false,
    links: [{ id: `l-${id}`, attachmentId: id, recordId, slot, page: null, createdAt: '2021-01-01T00:00:00Z' }],
    profileIssues: [],
  });
}

const statusOf = (archive: ArchiveDocument, id: MaterialId, attachments: AttachmentView[] = []) => {
  const found = computeMaterials(archive, attachments, DEFAULT_PARAMS_2020).find((m) => m.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('the archive grouped by material', () => {
  it('puts each record under the material it proves, with its fields as the editor names them', () => {
    const archive = sample();
    const m10 = materialGroups(archive, statusOf(archive, 'M-10'));
    // Every work but the award (its certificate is M-4's).
    expect(m10.map((g) => g.key)).toEqual(archive.works.filter((w) => w.type !== 'award').map((w) => `works.${w.id}`));
    const paper = m10.find((g) => g.recordId === 'work-1');
    expect(paper?.fields.map((f) => f.path)).toContain('works.work-1.title');
    expect(paper?.fields.map((f) => f.path)).toContain('works.work-1.issn');
    // A paper shows a paper's fields, not a patent's.
    expect(paper?.fields.map((f) => f.path)).not.toContain('works.work-1.patentNumber');

    const m4 = materialGroups(archive, statusOf(archive, 'M-4'));
    expect(m4[0]?.key).toBe('profile');
    expect(m4.some((g) => g.key === 'educations.edu-1')).toBe(true);
    expect(m4.some((g) => g.key === 'works.work-6')).toBe(true); // the award
    // The collective project's main-contributor proof is M-4's: its record is shown there too.
    expect(m4.some((g) => g.key === 'works.work-5')).toBe(true);
  });

  it('shows values as text: enum labels, yes/no, the committee, empty as empty', () => {
    const archive = sample();
    archive.profile.phone = '';
    const m4 = materialGroups(archive, statusOf(archive, 'M-4'));
    const field = (path: string) => m4.flatMap((g) => g.fields).find((f) => f.path === path);
    expect(field('profile.sex')?.value).toEqual({ zh: '男', en: 'Male' });
    expect(field('educations.edu-1.fullTime')?.value).toEqual({ zh: '是', en: 'Yes' });
    expect(isEmptyValue(field('profile.phone')?.value ?? 'x')).toBe(true);
    expect(isEmptyValue(field('profile.name')?.value ?? '')).toBe(false);
    const m1 = materialGroups(archive, statusOf(archive, 'M-1'));
    expect(m1.flatMap((g) => g.fields).find((f) => f.path === 'application.committee')?.value).toEqual({
      zh: '能源',
      en: 'Energy',
    });
  });

  it('has no archive data for the forms (M-2, M-3) and M-11 only for an exceptional application', () => {
    const archive = sample();
    expect(materialGroups(archive, statusOf(archive, 'M-2'))).toEqual([]);
    expect(materialGroups(archive, statusOf(archive, 'M-3'))).toEqual([]);
    archive.application.exceptional = false;
    expect(materialGroups(archive, statusOf(archive, 'M-11'))).toEqual([]);
    archive.application.exceptional = true;
    const m11 = materialGroups(archive, statusOf(archive, 'M-11'));
    expect(m11.flatMap((g) => g.fields).map((f) => f.path)).toEqual([
      'application.exceptional',
      'application.exceptionalReason',
    ]);
  });

  it('offers only paths the core accepts for a comment, for every material', () => {
    const archive = sample();
    const index = fieldIndex(archive);
    for (const status of computeMaterials(archive, [], DEFAULT_PARAMS_2020)) {
      for (const group of materialGroups(archive, status)) {
        for (const f of group.fields) {
          expect(isFieldPath(archive, f.path), f.path).toBe(true);
          expect(index.has(f.path), f.path).toBe(true);
        }
      }
    }
    // The record's own id is not a field, and a removed record's path is not one any more.
    expect([...index.keys()].some((p) => p.endsWith('.id'))).toBe(false);
    expect(index.has('works.no-such-record.title')).toBe(false);
  });
});

describe('comment targets', () => {
  it('lists the material, the fields by record and the files once each', () => {
    const archive = sample();
    const files = [
      attachment('a1', 'M-10/paper/cover', 'work-1'),
      attachment('a2', 'M-10/paper/toc', 'work-1'),
      attachment('a3', 'M-4/id-card', null),
    ];
    const status = statusOf(archive, 'M-10', files);
    const linked = materialFiles(status.items, files);
    // The ID card is M-4's, not M-10's.
    expect(linked.map((f) => f.id)).toEqual(['a1', 'a2']);
    const groups = targetGroups(materialGroups(archive, status), linked, t, 'zh');
    expect(groups[0]?.options).toEqual([{ value: MATERIAL_TARGET, target: { kind: 'material' }, label: '整个材料' }]);
    const all = groups.flatMap((g) => g.options);
    const title = all.find((o) => o.value === 'field:works.work-1.title');
    expect(title?.label).toBe(`论文《${archive.works[0]?.title}》 · 题目 / 名称`);
    const cover = all.find((o) => o.value === `attachment:${'a1'.padEnd(64, '0')}`);
    expect(cover?.target).toEqual({ kind: 'attachment', sha256: 'a1'.padEnd(64, '0'), fileName: 'a1.pdf' });
    expect(new Set(all.map((o) => o.value)).size).toBe(all.length);
  });

  it('names a target in words, and a path no longer in the archive as it is', () => {
    const archive = sample();
    const fields = fieldIndex(archive);
    expect(targetText({ kind: 'field', path: 'profile.idNumber' }, fields, t, 'zh')).toBe('基本信息 · 身份证号码');
    expect(targetText({ kind: 'field', path: 'works.gone.title' }, fields, t, 'zh')).toBe('works.gone.title');
    expect(targetText({ kind: 'material' }, fields, t, 'zh')).toBe('整个材料');
    expect(targetText({ kind: 'attachment', sha256: 'f'.repeat(64), fileName: '扫描.pdf' }, fields, t, 'zh')).toBe(
      '附件：扫描.pdf',
    );
    expect(targetKey({ kind: 'field', path: 'profile.name' })).toBe('field:profile.name');
  });
});

describe('who can be passed upwards (the line of steps, shared/unit/pipeline.ts)', () => {
  const facts = {
    status: 'accepted',
    touched: true,
    corrected: false,
    publicity: 'none',
    countersigned: false,
    submitted: false,
  } satisfies StageFacts;
  const row = (change: Partial<StageFacts>) => ({ stage: stageOf({ ...facts, ...change }) }) as UnitApplicantRow;

  it('is accepted and publicised without objection; everyone else is told the next step', () => {
    expect(isReady(row({ publicity: 'no_objection' }))).toBe(true);
    expect(row({ status: 'pending', touched: false }).stage).toBe('pending');
    expect(row({ status: 'pending' }).stage).toBe('in_review');
    expect(row({ status: 'pending', corrected: true }).stage).toBe('corrected');
    expect(row({ status: 'returned' }).stage).toBe('returned');
    expect(row({ publicity: 'planned' }).stage).toBe('accepted');
    expect(row({ publicity: 'running' }).stage).toBe('publicity');
    expect(row({ publicity: 'ended' }).stage).toBe('publicity');
    expect(row({ publicity: 'objection' }).stage).toBe('objection');
    expect(notReadyReason(row({ publicity: 'none' })).zh).toContain('安排公示');
    expect(notReadyReason(row({ publicity: 'ended' })).zh).toContain('记录公示结果');
    expect(notReadyReason(row({ status: 'returned' })).zh).toContain('更正');
    // An acceptance on an older revision does not count: a pending status is never ready, whatever the publicity.
    expect(isReady(row({ status: 'pending', publicity: 'no_objection' }))).toBe(false);
  });

  it('a countersigned applicant leaves 可报送: a new batch would be a replacement', () => {
    const signed = row({ publicity: 'no_objection', countersigned: true });
    expect(signed.stage).toBe('countersigned');
    expect(isReady(signed)).toBe(false);
    expect(isPassedOn(signed)).toBe(true);
    expect(row({ publicity: 'no_objection', countersigned: true, submitted: true }).stage).toBe('submitted');
  });
});

describe('the next working day after a refused publicity start', () => {
  it('skips the National Day holiday and weekends, not a working weekend day', () => {
    expect(nextWorkingDayAfterRest('2021-10-01')).toBe('2021-10-08');
    expect(nextWorkingDayAfterRest('2021-10-10')).toBe('2021-10-11');
    // 2021-10-09 was a working Saturday (调休): nothing to move.
    expect(nextWorkingDayAfterRest('2021-10-09')).toBeNull();
    expect(nextWorkingDayAfterRest('2021-09-30')).toBeNull();
  });

  it('does not guess outside the calendar or for a date that is not one', () => {
    expect(nextWorkingDayAfterRest('2030-10-01')).toBeNull();
    expect(nextWorkingDayAfterRest('2021-02-30')).toBeNull();
  });
});
