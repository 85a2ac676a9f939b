// 已过期 (issue 15): an exported package is compared with the archive and scans as they are now; an edit, a
// record added or deleted, a scan deleted each mark it stale, counted per part; undoing the edit makes it
// current again; a package file changed behind the app's back is named as not comparable, not guessed.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { listAttachments, setAttachmentDeleted } from '../../electron/core/attachments/attachmentService.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { countChanges } from '../../electron/core/package/staleness.js';
import type { OutputOf } from '../../shared/api/contract.js';
import { emptyRecord } from '../../shared/archive/empty.js';
import { exportOk, readyWorkspace } from '../helpers/exportFixtures.js';

async function staleness(w: Awaited<ReturnType<typeof readyWorkspace>>['w'], applicantId: string) {
  const result = await dispatch(w, 'package:staleness', { applicantId });
  if (!result.ok) throw new Error(result.error.message.en);
  return (result.value as OutputOf<'package:staleness'>).packages;
}

describe('package:staleness', () => {
  it('is empty right after an export, names what changed after edits, and is empty again once undone', async () => {
    const { w, applicantId } = await readyWorkspace();
    const pkg = await exportOk(w, applicantId);
    expect(await staleness(w, applicantId)).toEqual([]);

    const before = archive.readArchive(w.db, applicantId);
    archive.saveSection(w.db, { applicantId, section: 'profile', data: { ...before.profile, phone: '13900009999' } });
    archive.putRecord(w.db, {
      applicantId,
      kind: 'works',
      record: { ...emptyRecord('works', 'work-new'), title: '新成果' },
    });
    const firstWork = before.works[0]!;
    archive.putRecord(w.db, {
      applicantId,
      kind: 'works',
      record: { ...firstWork, title: '改名', issue: '2018年第1期' },
    });
    archive.setRecordDeleted(w.db, { applicantId, kind: 'workPeriods', id: before.workPeriods[0]!.id }, true);
    const scan = listAttachments(w, { applicantId }).attachments[0]!;
    setAttachmentDeleted(w, { attachmentId: scan.id }, true);

    const [stale] = await staleness(w, applicantId);
    expect(stale?.fileName).toBe(pkg.fileName);
    expect(stale?.unreadable).toBeNull();
    const parts = Object.fromEntries((stale?.parts ?? []).map((p) => [p.part, p]));
    expect(parts.profile).toEqual({ part: 'profile', added: 0, removed: 0, changed: 1 });
    // Two fields of one work are one work changed; the new one is added.
    expect(parts.works).toEqual({ part: 'works', added: 1, removed: 0, changed: 1 });
    expect(parts.workPeriods).toEqual({ part: 'workPeriods', added: 0, removed: 1, changed: 0 });
    expect(stale?.scans.removed).toBeGreaterThanOrEqual(1);

    // Everything put back: the package shows the archive as it is again.
    archive.saveSection(w.db, { applicantId, section: 'profile', data: before.profile });
    archive.setRecordDeleted(w.db, { applicantId, kind: 'works', id: 'work-new' }, true);
    archive.putRecord(w.db, { applicantId, kind: 'works', record: firstWork });
    archive.setRecordDeleted(w.db, { applicantId, kind: 'workPeriods', id: before.workPeriods[0]!.id }, false);
    setAttachmentDeleted(w, { attachmentId: scan.id }, false);
    expect(await staleness(w, applicantId)).toEqual([]);
  });

  it('says a package file that changed on disk cannot be compared', async () => {
    const { w, applicantId } = await readyWorkspace();
    const pkg = await exportOk(w, applicantId);
    writeFileSync(pkg.path, 'not a zip any more');
    const [stale] = await staleness(w, applicantId);
    expect(stale?.fileName).toBe(pkg.fileName);
    expect(stale?.unreadable?.zh).toContain(pkg.fileName);
  });

  it('refuses an unknown applicant', async () => {
    const { w } = await readyWorkspace({ withKey: false });
    const result = await dispatch(w, 'package:staleness', { applicantId: 'nobody' });
    expect(result.ok ? null : result.error.code).toBe('not_found');
  });
});

describe('countChanges', () => {
  it('counts a section per field and a list per record', () => {
    expect(
      countChanges([
        { path: 'profile.name', kind: 'changed', before: 'a', after: 'b' },
        { path: 'profile.phone', kind: 'changed', before: 'a', after: 'b' },
        { path: 'works.w1.title', kind: 'changed', before: 'a', after: 'b' },
        { path: 'works.w1.issue', kind: 'changed', before: 'a', after: 'b' },
        { path: 'works.w2', kind: 'added', before: null, after: 'x' },
        { path: 'works.w3', kind: 'removed', before: 'y', after: null },
      ]),
    ).toEqual([
      { part: 'profile', added: 0, removed: 0, changed: 2 },
      { part: 'works', added: 1, removed: 1, changed: 1 },
    ]);
  });
});
