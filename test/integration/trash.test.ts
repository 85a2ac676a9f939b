// 回收站 and the question before a delete (issue 15) on a real SQLite file, through the dispatcher (so the
// contract's output schemas are checked too): a deleted record or scan is listed with what puts it back, a
// restore returns it to its place with its links, and a record's dependents are named.
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import * as service from '../../electron/core/attachments/attachmentService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import type { Workspace } from '../../electron/core/workspace.js';
import type { OutputOf } from '../../shared/api/contract.js';
import { emptyRecord } from '../../shared/archive/empty.js';
import { makePdf } from '../helpers/files.js';
import { tempWorkspace } from '../helpers/workspace.js';

async function call<T>(w: Workspace, method: string, input: unknown): Promise<T> {
  const result = await dispatch(w, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message.en}`);
  return result.value as T;
}

async function setup() {
  const w = tempWorkspace();
  const applicantId = archive.createApplicant(w.db);
  for (const [id, unit] of [
    ['wp1', '甲公司'],
    ['wp2', '乙公司'],
    ['wp3', '丙公司'],
  ] as const) {
    archive.putRecord(w.db, { applicantId, kind: 'workPeriods', record: { ...emptyRecord('workPeriods', id), unit } });
  }
  archive.putRecord(w.db, {
    applicantId,
    kind: 'works',
    record: { ...emptyRecord('works', 'paper1'), title: '高熵合金的疲劳' },
  });
  const pdf = (await service.addAttachmentFromStream(w, [await makePdf(2)], { fileName: '论文.pdf' })).attachment;
  service.linkAttachment(w, { attachmentId: pdf.id, recordId: 'paper1', slot: 'M-10/paper/toc', page: 2 });
  return { w, applicantId, pdf };
}

type Trash = OutputOf<'trash:list'>;

describe('trash:list', () => {
  it('is empty before anything is deleted', async () => {
    const { w, applicantId } = await setup();
    expect(await call<Trash>(w, 'trash:list', { applicantId })).toEqual({ records: [], attachments: [] });
  });

  it('lists a deleted record with its name and place; restore puts it back there with its latest text', async () => {
    const { w, applicantId } = await setup();
    await call(w, 'records:delete', { applicantId, kind: 'workPeriods', id: 'wp2' });
    // An edit that arrives after the delete (the save queue's last put) is what the trash shows and restores.
    archive.putRecord(w.db, {
      applicantId,
      kind: 'workPeriods',
      record: { ...emptyRecord('workPeriods', 'wp2'), unit: '乙公司（改）' },
    });
    const trash = await call<Trash>(w, 'trash:list', { applicantId });
    expect(trash.records).toHaveLength(1);
    expect(trash.records[0]).toMatchObject({ kind: 'workPeriods', index: 1, name: { zh: '乙公司（改）' } });
    expect(trash.records[0]?.record.id).toBe('wp2');
    expect(archive.readArchive(w.db, applicantId).workPeriods.map((r) => r.id)).toEqual(['wp1', 'wp3']);

    await call(w, 'records:restore', { applicantId, kind: 'workPeriods', id: 'wp2' });
    expect(archive.readArchive(w.db, applicantId).workPeriods.map((r) => r.unit)).toEqual([
      '甲公司',
      '乙公司（改）',
      '丙公司',
    ]);
    expect((await call<Trash>(w, 'trash:list', { applicantId })).records).toEqual([]);
  });

  it('says where a record goes back when its neighbours were deleted too, newest delete first', async () => {
    const { w, applicantId } = await setup();
    await call(w, 'records:delete', { applicantId, kind: 'workPeriods', id: 'wp3' });
    await new Promise((r) => setTimeout(r, 5));
    await call(w, 'records:delete', { applicantId, kind: 'workPeriods', id: 'wp1' });
    const trash = await call<Trash>(w, 'trash:list', { applicantId });
    expect(trash.records.map((r) => [r.record.id, r.index])).toEqual([
      ['wp1', 0],
      ['wp3', 1],
    ]);
  });

  it('lists a deleted scan with its kept links; restoring it brings the links back', async () => {
    const { w, applicantId, pdf } = await setup();
    await call(w, 'attachments:delete', { attachmentId: pdf.id });
    const trash = await call<Trash>(w, 'trash:list', { applicantId });
    expect(trash.attachments).toEqual([
      expect.objectContaining({ id: pdf.id, fileName: '论文.pdf', pages: 2, links: 1 }),
    ]);
    expect(service.listAttachments(w, { applicantId }).attachments).toEqual([]);
    await call(w, 'attachments:restore', { attachmentId: pdf.id });
    const [back] = service.listAttachments(w, { applicantId }).attachments;
    expect(back?.links.map((l) => [l.recordId, l.slot, l.page])).toEqual([['paper1', 'M-10/paper/toc', 2]]);
    expect((await call<Trash>(w, 'trash:list', { applicantId })).attachments).toEqual([]);
  });

  it('keeps a deleted record whose row no longer reads out of the list instead of failing it', async () => {
    const { w, applicantId } = await setup();
    await call(w, 'records:delete', { applicantId, kind: 'workPeriods', id: 'wp1' });
    await call(w, 'records:delete', { applicantId, kind: 'workPeriods', id: 'wp2' });
    w.db.prepare('UPDATE record SET data = \'{"id":"wp1","unit":7}\' WHERE id = \'wp1\'').run();
    const trash = await call<Trash>(w, 'trash:list', { applicantId });
    expect(trash.records.map((r) => r.record.id)).toEqual(['wp2']);
  });

  it('refuses an unknown applicant and malformed input', async () => {
    const { w } = await setup();
    const unknown = await dispatch(w, 'trash:list', { applicantId: 'nobody' });
    expect(unknown.ok ? null : unknown.error.code).toBe('not_found');
    const bad = await dispatch(w, 'trash:list', { applicantId: '../x' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });
});

describe('records:dependents', () => {
  it('names the live scans linked to a record and the paper copies declared for it', async () => {
    const { w, applicantId, pdf } = await setup();
    archive.saveSection(w.db, {
      applicantId,
      section: 'materials',
      data: { paperCopies: [{ slot: 'M-10/paper/cover', recordId: 'paper1', reason: '原件在档案馆，只能提交复印件' }] },
    });
    const deps = await call<OutputOf<'records:dependents'>>(w, 'records:dependents', {
      applicantId,
      kind: 'works',
      id: 'paper1',
    });
    expect(deps).toEqual({
      attachments: [{ id: pdf.id, fileName: '论文.pdf' }],
      paperCopies: [{ slot: 'M-10/paper/cover' }],
    });
    // A deleted scan no longer depends on anything: deleting the record asks nothing about it.
    await call(w, 'attachments:delete', { attachmentId: pdf.id });
    const after = await call<OutputOf<'records:dependents'>>(w, 'records:dependents', {
      applicantId,
      kind: 'works',
      id: 'paper1',
    });
    expect(after.attachments).toEqual([]);
  });

  it('is empty for a record nothing depends on, and refuses a record of another kind or none', async () => {
    const { w, applicantId } = await setup();
    expect(await call(w, 'records:dependents', { applicantId, kind: 'workPeriods', id: 'wp1' })).toEqual({
      attachments: [],
      paperCopies: [],
    });
    const wrongKind = await dispatch(w, 'records:dependents', { applicantId, kind: 'educations', id: 'wp1' });
    expect(wrongKind.ok ? null : wrongKind.error.code).toBe('not_found');
    await call(w, 'records:delete', { applicantId, kind: 'workPeriods', id: 'wp1' });
    const deleted = await dispatch(w, 'records:dependents', { applicantId, kind: 'workPeriods', id: 'wp1' });
    expect(deleted.ok ? null : deleted.error.code).toBe('not_found');
  });
});
