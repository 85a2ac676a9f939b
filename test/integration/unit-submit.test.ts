// The unit's publicity (N-8, M-3, R-5), F-4's recommended people (N-14), the countersignature (level 2)
// and the batch for the city (N-9), on real workspaces, real package files and real tools: a start on a
// holiday or a weekend is refused naming the next working day; the end date crosses National Day as the
// state calendar says; overlaps, an objection without a note, an objection, a public institution without
// F-4 or with figures that do not add up are refused before anything is written; the batch holds level-2
// packages that verify (our verifier and stock OpenSSL, both levels), a spreadsheet with one row per
// applicant and a summary sheet; a cancel or a failure leaves no batch file.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { getDayDetail } from 'chinese-days';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/api/contract.js';
import { CN_CALENDAR } from '../../shared/calendar/cn-holidays.js';
import { PostInfo } from '../../shared/forms/postInfo.js';
import { PublicityDoc, type Publicity } from '../../shared/unit/schema.js';
import { storedPath } from '../../electron/core/attachments/store.js';
import { waitForJob, type JobContext } from '../../electron/core/jobs.js';
import { ADDITION_EXTENSION } from '../../electron/core/package/levelAddition.js';
import { verifyPackage } from '../../electron/core/package/verify.js';
import { batchesDir, BatchDoc, writeBatch, type BatchContent } from '../../electron/core/unit/batch.js';
import { holidayOf, namedRanges } from '../../electron/core/unit/holidayNames.js';
import { publicize, recordObjection } from '../../electron/core/unit/publicity.js';
import { startSubmit, UNIT_PATHS } from '../../electron/core/unit/submit.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { startServer } from '../../electron/serve.js';
import { PASSPHRASE, readyWorkspace } from '../helpers/exportFixtures.js';
import { rawRequest } from '../helpers/http.js';
import { readEntries, type RawEntry } from '../helpers/packageFixtures.js';
import { pdfText, renderCheck, squash, writePagePngs } from '../helpers/pdf.js';
import { UNIT } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';
import {
  accept,
  call,
  publicisedWithoutObjection,
  refusal,
  refusalOf,
  refused,
  saveGoodPostInfo,
  statusOf,
  unitWith,
} from '../helpers/unitFlow.js';

const PNG_DIR = path.join(import.meta.dirname, '../../test-results/unit');

const entryOf = (entries: RawEntry[], p: string) => {
  const e = entries.find((x) => x.path === p);
  if (!e) throw new Error(`no entry ${p} in ${entries.map((x) => x.path).join(', ')}`);
  return e.bytes;
};

/** Nothing of a submission left: no level-2 package, no batch (nor its staging or temp files). */
function expectNothingWritten(u: Workspace): void {
  expect(readdirSync(path.join(u.dataDir, 'packages')).filter((f) => /-L2|partial|tmp/.test(f))).toEqual([]);
  expect(existsSync(batchesDir(u.dataDir)) ? readdirSync(batchesDir(u.dataDir)) : []).toEqual([]);
  expect(u.db.prepare('SELECT count(*) AS n FROM unit_batch').get()).toEqual({ n: 0 });
}

// ------------------------------------------------------------------------------------------------

describe('publicity period on the state calendar (N-8, R-5)', () => {
  it('refuses a start on National Day naming the holiday and the next working day (10-09)', async () => {
    const { u } = await unitWith(0);
    const e = await refused(u, 'unit:publicityPlan', { startDate: '2020-10-01' });
    expect(e.code).toBe('publicity_start_not_working_day');
    expect(e.message.zh).toContain('2020-10-01');
    expect(e.message.zh).toContain('国庆节');
    expect(e.message.zh).toContain('下一个工作日是 2020-10-09');
    expect(e.message.en).toContain('National Day');
    expect(e.message.en).toContain('2020-10-09');
    expect(e.issues?.[0]?.path).toBe('startDate');
  });

  it('refuses a weekend start; the next working day may be an adjusted working Sunday (2020-09-27)', async () => {
    const { u } = await unitWith(0);
    const saturday = await refused(u, 'unit:publicityPlan', { startDate: '2020-09-26' });
    expect(saturday.message.zh).toContain('星期六');
    expect(saturday.message.zh).toContain('2020-09-27');
    const sunday = await refused(u, 'unit:publicityPlan', { startDate: '2020-10-11' });
    expect(sunday.message.zh).toContain('星期日');
    expect(sunday.message.en).toContain('The next working day is 2020-10-12');
  });

  it('counts the end date across the National Day holiday and the working Saturday 10-10', async () => {
    const { u } = await unitWith(0);
    // 09-28, 09-29, 09-30, (10-01 … 10-08 rest), 10-09, 10-10 (a working Saturday): R-5's own example.
    expect(await call(u, 'unit:publicityPlan', { startDate: '2020-09-28' })).toEqual({
      endDate: '2020-10-10',
      workingDays: 5,
    });
    expect(await call(u, 'unit:publicityPlan', { startDate: '2020-09-29' })).toEqual({
      endDate: '2020-10-12',
      workingDays: 5,
    });
    // The unit's parameters decide: 7 days, the start day not counted (R-5's other convention).
    await call(u, 'rules:setParams', { params: { publicityDays: 7, publicityStartCounts: false } });
    expect(await call(u, 'unit:publicityPlan', { startDate: '2020-09-28' })).toEqual({
      endDate: '2020-10-14',
      workingDays: 7,
    });
  });

  it('refuses dates the calendar does not cover, and a period that would run past it, never guessing', async () => {
    const { u } = await unitWith(0);
    const outside = await refused(u, 'unit:publicityPlan', { startDate: '2027-03-01' });
    expect(outside.code).toBe('calendar_unknown');
    expect(outside.message.zh).toContain('2020–2026');
    expect(outside.message.zh).toContain('2027-03-01');
    const runsPast = await refused(u, 'unit:publicityPlan', { startDate: '2026-12-29' });
    expect(runsPast.code).toBe('calendar_unknown');
    expect(runsPast.message.en).toContain('2027-01-01');
    // Today's publicity (the calendar covers 2026): the National Day week and Mid-Autumn are skipped.
    expect(await call(u, 'unit:publicityPlan', { startDate: '2026-09-28' })).toEqual({
      endDate: '2026-10-09',
      workingDays: 5,
    });
    expect((await refused(u, 'unit:publicityPlan', { startDate: '2020-02-30' })).code).toBe('wrong_date');
  });

  it("refuses in an applicant's workspace", async () => {
    const { w } = await readyWorkspace({ withKey: false });
    expect((await refused(w, 'unit:publicityPlan', { startDate: '2020-09-28' })).code).toBe('not_unit_workspace');
    expect((await refused(w, 'unit:batches', {})).code).toBe('not_unit_workspace');
  });

  it('names every holiday range of the calendar as the npm package chinese-days does', () => {
    const ranges = CN_CALENDAR.flatMap((y) => y.rest.map(([from]) => from));
    expect(namedRanges().sort()).toEqual([...ranges].sort());
    for (const from of ranges) {
      const theirs = getDayDetail(from).name.split(',')[1]!; // e.g. "国庆节", "清明", "端午"
      expect(holidayOf(from)!.zh, from).toContain(theirs);
    }
    expect(holidayOf('2020-09-26')).toBeNull(); // an ordinary Saturday
  });
});

describe('publicity: members, overlaps, outcomes (N-8)', () => {
  it('publicises applicants and lists publicities newest first, members by name', async () => {
    const { u, ids } = await unitWith(2);
    const first = publicize(u, { applicantIds: [ids[0]!], startDate: '2020-09-28' }, '2020-09-20').publicity;
    expect(first).toMatchObject({ startDate: '2020-09-28', endDate: '2020-10-10', workingDays: 5 });
    expect(first.members).toEqual([
      { applicantId: ids[0], name: '申报人1', outcome: 'pending', note: '', recordedAt: null },
    ]);
    const second = publicize(u, { applicantIds: [ids[1]!], startDate: '2020-10-12' }, '2020-09-20').publicity;
    const { publicities } = await call<{ publicities: Publicity[] }>(u, 'unit:publicities', {});
    expect(publicities.map((p) => p.id)).toEqual([second.id, first.id]);
    expect(publicities[0]!.members.map((m) => m.name)).toEqual(['申报人2']);
  });

  it('refuses an applicant already in a planned or running publicity, or in an overlapping period', async () => {
    const { u, ids } = await unitWith(2);
    publicize(u, { applicantIds: [ids[0]!], startDate: '2020-09-28' }, '2020-09-20');
    // Planned (before the start) and running (during it): refused, naming who and since when.
    for (const today of ['2020-09-20', '2020-10-09']) {
      const e = refusal(() => publicize(u, { applicantIds: [ids[1]!, ids[0]!], startDate: '2020-10-19' }, today));
      expect(e.code).toBe('publicity_overlap');
      expect(e.message.zh).toContain('申报人1');
      expect(e.message.zh).toContain('2020-09-28 至 2020-10-10');
      expect(e.message.zh).not.toContain('申报人2');
    }
    // Ended, but the new period would overlap the old one.
    const overlapping = refusal(() => publicize(u, { applicantIds: [ids[0]!], startDate: '2020-10-09' }, '2020-11-01'));
    expect(overlapping.code).toBe('publicity_overlap');
    // Nothing was made by the refusals; an unknown applicant is refused too.
    expect(u.db.prepare('SELECT count(*) AS n FROM publicity').get()).toEqual({ n: 1 });
    expect(refusal(() => publicize(u, { applicantIds: ['nobody'], startDate: '2020-10-19' }, '2020-11-01')).code).toBe(
      'applicant_unknown',
    );
    // After it ended, a new period that does not overlap is fine.
    const again = publicize(u, { applicantIds: [ids[0]!], startDate: '2020-10-19' }, '2020-11-01').publicity;
    expect(again.endDate).toBe('2020-10-23');
  });

  it('an objection needs a note; "no objection" only after the end; an objection blocks the submission', async () => {
    const { u, ids } = await unitWith(2);
    for (const id of ids) accept(u, id);
    const { publicity } = publicize(u, { applicantIds: ids, startDate: '2020-09-28' }, '2020-09-25');
    const input = { publicityId: publicity.id, applicantId: ids[0]!, outcome: 'objection' as const, note: '   ' };
    const noNote = refusal(() => recordObjection(u, input, '2020-10-05'));
    expect(noNote.code).toBe('objection_note_needed');
    expect(noNote.issues?.[0]?.path).toBe('note');
    const early = refusal(() =>
      recordObjection(u, { ...input, applicantId: ids[1]!, outcome: 'no_objection', note: '' }, '2020-10-10'),
    );
    expect(early.code).toBe('publicity_not_ended');
    expect(early.message.zh).toContain('2020-10-10');
    const members = (await call<{ publicities: Publicity[] }>(u, 'unit:publicities', {})).publicities[0]!.members;
    expect(members.map((m) => m.outcome)).toEqual(['pending', 'pending']);

    const note = '有职工反映其代表作署名顺序有误，经核实属实。';
    const after = recordObjection(u, { ...input, note }, '2020-10-05').publicity;
    expect(after.members[0]).toMatchObject({ outcome: 'objection', note });
    recordObjection(u, { ...input, applicantId: ids[1]!, outcome: 'no_objection', note: '' }, '2020-10-12');
    expect(
      (await call<{ rows: { applicantId: string; publicity: string }[] }>(u, 'unit:applicants', {})).rows.map(
        (r) => r.publicity,
      ),
    ).toEqual(['objection', 'no_objection']);

    const e = await refusalOf(() => startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }));
    expect(e.code).toBe('submit_refused');
    expect(e.message.zh).toContain('申报人1');
    expect(e.message.zh).toContain('有异议');
    expect(e.message.zh).toContain(note);
    expect(e.message.zh).not.toContain('申报人2：');
    expect(e.issues?.map((i) => i.path)).toEqual([`applicants.${ids[0]}`]);
    expectNothingWritten(u);

    // The M-3 made now ticks each outcome and carries the objection's note.
    const forms = await waitForJob(
      (await call<{ jobId: string }>(u, 'unit:publicityForms', { publicityId: publicity.id })).jobId,
    );
    const m3 = readFileSync(storedPath(u.store, forms.files[1]!.sha256));
    expect(squash(await pdfText(m3, { mode: 'raw' }))).toContain(squash(`异议及处理情况：${note}`));
    await writePagePngs(m3, PNG_DIR, 'publicity-M-3-objection');
  }, 90_000);

  it('makes the notice and each member’s M-3 with the dates, stored and served like generated forms', async () => {
    const { u, ids } = await unitWith(2);
    const { publicity } = publicize(u, { applicantIds: ids, startDate: '2020-09-28' }, '2020-09-25');
    const status = await waitForJob(
      (await call<{ jobId: string }>(u, 'unit:publicityForms', { publicityId: publicity.id })).jobId,
    );
    expect(status.state).toBe('done');
    expect(status.files.map((f) => f.key)).toEqual(['unit:publicity-notice', 'unit:M-3', 'unit:M-3']);
    const server = await startServer({ workspace: u, staticDir: tempDir() });
    try {
      const bytes: Buffer[] = [];
      for (const f of status.files) {
        const reply = await rawRequest(server.port, 'GET', `/files/${f.sha256}?token=${server.token}`);
        expect(reply.status).toBe(200);
        expect(reply.headers['content-type']).toBe('application/pdf');
        expect(createHash('sha256').update(reply.body).digest('hex')).toBe(f.sha256);
        bytes.push(reply.body);
      }
      const notice = squash(await pdfText(bytes[0]!, { mode: 'raw' }));
      for (const text of [
        '申报人1',
        '申报人2',
        '2020年9月28日至2020年10月10日',
        '5个工作日',
        UNIT.name,
        '省能源工程技术人员',
      ]) {
        expect(notice).toContain(squash(text));
      }
      expect(notice).toContain('浙经信人事〔2020〕84号');
      expect(notice).toContain('有异议的');
      const m3 = squash(await pdfText(bytes[1]!, { mode: 'raw' }));
      expect(m3).toContain('2020.09.28至2020.10.10');
      expect(m3).toContain('5个工作日');
      expect(m3).not.toContain('（少于');
      const check = await renderCheck(bytes[0]!);
      expect(check.problems).toEqual([]);
      await writePagePngs(bytes[0]!, PNG_DIR, 'publicity-notice');
      await writePagePngs(bytes[1]!, PNG_DIR, 'publicity-M-3');
    } finally {
      await server.close();
    }
    // Every member's generated rows name the notice: previews resolve, the integrity check counts them.
    const rows = u.db
      .prepare("SELECT applicant_id, key FROM generated_file WHERE key LIKE 'unit:%' ORDER BY key")
      .all();
    expect(rows).toHaveLength(4);
  }, 90_000);
});

describe('submission: countersignature and the batch for the city (N-9, N-14)', () => {
  it('refuses, before writing anything, who is not accepted, not publicised, or lacks F-4 (public institution)', async () => {
    const { u, ids } = await unitWith(3, { publicInstitution: true });
    accept(u, ids[0]!);
    accept(u, ids[1]!);
    publicisedWithoutObjection(u, [ids[0]!]);
    const e = await refusalOf(() => startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }));
    expect(e.code).toBe('submit_refused');
    const byPerson = (id: string) => e.issues!.filter((i) => i.path === `applicants.${id}`).map((i) => i.message.zh);
    expect(byPerson(ids[0]!).join()).toContain('岗位信息表（F-4');
    expect(byPerson(ids[1]!).join()).toContain('尚未公示');
    expect(byPerson(ids[2]!).join()).toContain('待审核');
    expect(e.message.zh).toContain('以下 3 名申报人还不能报送，未写出任何文件');
    expectNothingWritten(u);
  });

  it('refuses an F-4 whose counts do not add up, naming the figure', async () => {
    const { u, ids } = await unitWith(1, { publicInstitution: true });
    accept(u, ids[0]!);
    publicisedWithoutObjection(u, ids);
    const good = await saveGoodPostInfo(u);
    // The approved counts of the grades add up to more than the posts there are.
    await call(u, 'postInfo:set', { postInfo: { ...good, totalPosts: 60 } });
    const e = await refusalOf(() => startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }));
    expect(e.code).toBe('submit_refused');
    expect(e.message.zh).toContain('各级核准人数之和（80）超过专业技术岗位总数（60）');
    // The list not matching the number said to be recommended.
    await call(u, 'postInfo:set', { postInfo: { ...good, recommendedCount: 3 } });
    const e2 = await refusalOf(() => startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE }));
    expect(e2.message.zh).toContain('推荐人数写为 3 人，名单中有 1 人');
    // No key passphrase: refused too, before the job.
    await call(u, 'postInfo:set', { postInfo: good });
    expect((await refusalOf(() => startSubmit(u, { applicantIds: ids }))).code).toBe('passphrase_needed');
    expectNothingWritten(u);
  });

  it('draws F-4’s recommended people from the accepted applicants only', async () => {
    const { u, ids, people } = await unitWith(2, { publicInstitution: true });
    accept(u, ids[1]!);
    const { postInfo } = await call<{ postInfo: PostInfo }>(u, 'unit:recommendedPeople', {});
    expect(postInfo.recommended).toEqual([
      expect.objectContaining({
        name: '申报人2',
        idNumber: people[1]!.archive.profile.idNumber,
        titleApplied: '高级工程师',
      }),
    ]);
    expect(postInfo.establishment).toBeNull(); // nothing saved yet: the empty figures
  });

  it('countersigns and writes the batch: packages that verify (ours and stock OpenSSL), the xlsx, the summary', async () => {
    const { u, ids, people, unitFingerprint } = await unitWith(2, { publicInstitution: true });
    for (const id of ids) accept(u, id);
    publicisedWithoutObjection(u, ids);
    const postInfo = await saveGoodPostInfo(u);

    const status: JobStatus = await statusOf(u, { applicantIds: ids });
    expect(status.error).toBeNull();
    expect(status.state).toBe('done');
    const batch = status.batch!;
    expect(batch.applicants).toBe(2);
    expect(batch.fileName).toMatch(/^报送批次-.+-\d{8}\.zip$/);
    const file = path.join(batchesDir(u.dataDir), batch.fileName);
    expect(readdirSync(batchesDir(u.dataDir))).toEqual([batch.fileName]);
    const bytes = readFileSync(file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(batch.sha256);
    expect(batch.size).toBe(bytes.length);
    expect((await call<{ batches: unknown[] }>(u, 'unit:batches', {})).batches).toEqual([batch]);

    const entries = await readEntries(file);
    const doc = BatchDoc.parse(JSON.parse(entryOf(entries, 'batch.json').toString('utf8')));
    expect(entries.map((e) => e.path)).toEqual([
      'batch.json',
      '汇总表.pdf',
      '汇总表.xlsx',
      ...doc.packages.map((p) => p.path),
    ]);
    expect(doc).toMatchObject({ format: 'dossier.batch', version: 1, unitFingerprint, unit: { name: UNIT.name } });
    expect(doc.packages.map((p) => p.name)).toEqual(['申报人1', '申报人2']);

    const scratch = tempDir();
    for (const [i, p] of doc.packages.entries()) {
      const pkgBytes = entryOf(entries, p.path);
      expect(createHash('sha256').update(pkgBytes).digest('hex')).toBe(p.sha256);
      const pkgFile = path.join(scratch, p.fileName);
      writeFileSync(pkgFile, pkgBytes);
      const report = await verifyPackage(pkgFile, {
        expectFingerprints: { 1: people[i]!.key.fingerprint, 2: unitFingerprint },
      });
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.levels.map((l) => l.signerFingerprint)).toEqual([people[i]!.key.fingerprint, unitFingerprint]);

      const inner = await readEntries(pkgFile);
      const paths = inner.map((e) => e.path);
      for (const unitPath of [...Object.values(UNIT_PATHS), 'content/unit/review.json']) {
        expect(paths).toContain(unitPath);
      }
      const manifest2 = JSON.parse(entryOf(inner, 'META-INF/manifest-L2.json').toString('utf8'));
      expect(manifest2.files.map((f: { path: string }) => f.path).sort()).toEqual(
        [...Object.values(UNIT_PATHS), 'content/unit/review.json'].sort(),
      );
      const publicityDoc = PublicityDoc.parse(JSON.parse(entryOf(inner, UNIT_PATHS.publicity).toString('utf8')));
      expect(publicityDoc).toEqual({
        format: 'dossier.publicity',
        version: 1,
        startDate: '2020-09-28',
        endDate: '2020-10-10',
        workingDays: 5,
        outcome: 'no_objection',
        note: '',
      });
      expect(PostInfo.parse(JSON.parse(entryOf(inner, UNIT_PATHS.postInfo).toString('utf8')))).toEqual(postInfo);
      expect(JSON.parse(entryOf(inner, 'content/unit/review.json').toString('utf8'))).toMatchObject({
        decision: 'accepted',
        unitFingerprint,
      });

      {
        // Stock OpenSSL (npm test needs it, README) verifies BOTH signatures over the exact manifest bytes, and the keys' fingerprints.
        const dir = path.join(scratch, `meta-${i}`);
        mkdirSync(dir);
        for (const e of inner.filter((x) => x.path.startsWith('META-INF/'))) {
          writeFileSync(path.join(dir, path.basename(e.path)), e.bytes);
        }
        for (const [level, fp] of [
          [1, people[i]!.key.fingerprint],
          [2, unitFingerprint],
        ] as const) {
          const r = spawnSync(
            'openssl',
            [
              'dgst',
              '-sm3',
              '-verify',
              `signer-L${level}.pem`,
              '-sigopt',
              'distid:1234567812345678',
              '-signature',
              `manifest-L${level}.sig`,
              `manifest-L${level}.json`,
            ],
            { cwd: dir },
          );
          expect(r.stdout.toString() + r.stderr.toString()).toContain('Verified OK');
          expect(r.status).toBe(0);
          const der = spawnSync('openssl', ['pkey', '-pubin', '-in', `signer-L${level}.pem`, '-outform', 'DER'], {
            cwd: dir,
          }).stdout;
          expect(createHash('sha256').update(der).digest('hex')).toBe(fp);
        }
      }

      // The papers of level 2: names, dates, the unit's fingerprint grouped as on F-1.
      const grouped = unitFingerprint.toUpperCase().match(/.{4}/g)!.join(' ');
      const opinion = await pdfText(entryOf(inner, UNIT_PATHS.opinion), { mode: 'raw' });
      expect(squash(opinion)).toContain(squash(`申报人${i + 1}`));
      expect(squash(opinion)).toContain(squash(UNIT.name));
      expect(squash(opinion)).toContain(squash(people[i]!.archive.profile.idNumber));
      expect(squash(opinion)).toContain('同意推荐');
      expect(squash(opinion)).toContain('2020.09.28—2020.10.10');
      // Two lines of eight groups, as F-1 and the pledge print the applicant's.
      expect(opinion).toContain(grouped.slice(0, 39));
      expect(opinion).toContain(grouped.slice(40));
      expect(squash(opinion)).toContain(squash('该同志申报材料真实完整，业绩突出，同意推荐。'));
      const m3 = squash(await pdfText(entryOf(inner, UNIT_PATHS.confirmation), { mode: 'raw' }));
      expect(m3).toContain('2020.09.28至2020.10.10');
      expect(m3).toContain(squash(`申报人${i + 1}`));
      const notice = squash(await pdfText(entryOf(inner, UNIT_PATHS.notice), { mode: 'raw' }));
      expect(notice).toContain('关于申报人1等2名同志申报2020年度高级工程师职务任职资格的公示');
      const f4 = squash(await pdfText(entryOf(inner, UNIT_PATHS.f4), { mode: 'raw' }));
      expect(f4).toContain(squash(people[i]!.archive.profile.idNumber));
      if (i === 0) {
        expect((await renderCheck(entryOf(inner, UNIT_PATHS.opinion))).problems).toEqual([]);
        await writePagePngs(entryOf(inner, UNIT_PATHS.opinion), PNG_DIR, 'unit-opinion');
        await writePagePngs(entryOf(inner, UNIT_PATHS.confirmation), PNG_DIR, 'unit-M-3-no-objection');
        await writePagePngs(entryOf(inner, UNIT_PATHS.f4), PNG_DIR, 'unit-F-4');
      }
    }

    // The spreadsheet: one row per applicant under Chinese headers; the unit's data on a second sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entryOf(entries, '汇总表.xlsx') as unknown as ArrayBuffer);
    const [sheet, unitSheet] = wb.worksheets;
    expect(sheet!.rowCount).toBe(1 + ids.length);
    const header = (sheet!.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('身份证号码');
    expect(header).toContain('公示结果');
    const idColumn = header.indexOf('身份证号码') + 1;
    const nameColumn = header.indexOf('姓名') + 1;
    for (const [i, p] of people.entries()) {
      expect(sheet!.getRow(i + 2).getCell(nameColumn).value).toBe(p.archive.profile.name);
      expect(sheet!.getRow(i + 2).getCell(idColumn).value).toBe(p.archive.profile.idNumber);
      expect(sheet!.getRow(i + 2).getCell(header.indexOf('SHA-256') + 1).value).toBe(doc.packages[i]!.sha256);
    }
    expect(unitSheet!.getRow(2).values).toEqual([undefined, '单位名称', UNIT.name]);

    // The summary sheet: every person, the period, each package's hash prefix, batch.json's hash in the footer.
    const summaryBytes = entryOf(entries, '汇总表.pdf');
    const summary = squash(await pdfText(summaryBytes, { mode: 'raw' }));
    for (const p of people) {
      expect(summary).toContain(squash(p.archive.profile.name));
      expect(summary).toContain(p.archive.profile.idNumber);
    }
    expect(summary).toContain('2020.09.28—2020.10.10无异议');
    expect(summary).toContain(doc.packages[0]!.sha256.slice(0, 16).toUpperCase());
    const jsonHash = createHash('sha256').update(entryOf(entries, 'batch.json')).digest('hex');
    expect(summary).toContain(jsonHash.slice(0, 16).toUpperCase().match(/.{4}/g)!.join('-'));
    expect((await renderCheck(summaryBytes)).problems).toEqual([]);
    await writePagePngs(summaryBytes, PNG_DIR, 'batch-summary');

    // The download route serves the recorded batch, with the token only, and nothing else by that route.
    const server = await startServer({ workspace: u, staticDir: tempDir() });
    try {
      const url = `/batches/${encodeURIComponent(batch.fileName)}`;
      const reply = await rawRequest(server.port, 'GET', `${url}?token=${server.token}`);
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toBe('application/zip');
      expect(createHash('sha256').update(reply.body).digest('hex')).toBe(batch.sha256);
      expect((await rawRequest(server.port, 'GET', url)).status).toBe(401);
      expect((await rawRequest(server.port, 'GET', `/batches/..%2Fdossier.sqlite?token=${server.token}`)).status).toBe(
        404,
      );
      expect((await rawRequest(server.port, 'GET', `/batches/other.zip?token=${server.token}`)).status).toBe(404);
    } finally {
      await server.close();
    }
  }, 90_000);

  it('a cancel leaves no batch file; a package changed on disk fails the batch and leaves nothing', async () => {
    const { u, ids } = await unitWith(1);
    accept(u, ids[0]!);
    publicisedWithoutObjection(u, ids);
    // Cancelled at once: nothing at all.
    const started = await startSubmit(u, { applicantIds: ids, passphrase: PASSPHRASE });
    await call(u, 'jobs:cancel', { jobId: started.jobId });
    expect((await waitForJob(started.jobId)).state).toBe('cancelled');
    expectNothingWritten(u);

    // The batch writer itself, cancelled in the middle of copying the package, then fed a damaged one.
    const done = await statusOf(u, { applicantIds: ids });
    expect(done.state).toBe('done');
    const entries = await readEntries(path.join(batchesDir(u.dataDir), done.batch!.fileName));
    const doc = BatchDoc.parse(JSON.parse(entryOf(entries, 'batch.json').toString('utf8')));
    const packageFile = path.join(u.dataDir, 'packages', doc.packages[0]!.fileName);
    const content: BatchContent = {
      doc,
      sheets: [
        { path: '汇总表.pdf', bytes: entryOf(entries, '汇总表.pdf') },
        { path: '汇总表.xlsx', bytes: entryOf(entries, '汇总表.xlsx') },
      ],
      packageFiles: [packageFile],
    };
    const before = readdirSync(batchesDir(u.dataDir));
    const controller = new AbortController();
    // Past batch.json and the two summaries: the cancel lands inside the package being copied.
    const summaries = entries.slice(0, 3).reduce((n, e) => n + e.bytes.length, 0);
    let seenInPackage = false;
    const job: JobContext = {
      signal: controller.signal,
      progress: (bytes) => {
        if (bytes > summaries) {
          seenInPackage = true;
          controller.abort();
        }
      },
      produced: () => {},
      setResult: () => {},
    };
    const cancelled = await refusalOf(() => writeBatch(u, content, 'cancelled.zip', job));
    expect(cancelled.code).toBe('cancelled');
    expect(seenInPackage).toBe(true);
    expect(readdirSync(batchesDir(u.dataDir))).toEqual(before);

    // The countersigned package is kept as level 1 plus the unit's addition (levelAddition.ts): damage that.
    const added = `${packageFile}${ADDITION_EXTENSION}`;
    const original = readFileSync(added);
    const damaged = Buffer.from(original);
    const middle = damaged.length >> 1;
    damaged[middle] = damaged[middle]! ^ 0xff;
    writeFileSync(added, damaged);
    const quiet: JobContext = { ...job, signal: new AbortController().signal, progress: () => {} };
    const failed = await refusalOf(() => writeBatch(u, content, 'damaged.zip', quiet));
    expect(failed.code).toBe('source_changed');
    expect(failed.message.zh).toContain(doc.packages[0]!.fileName);
    expect(readdirSync(batchesDir(u.dataDir))).toEqual(before);
    expect(
      (await call<{ batches: { fileName: string }[] }>(u, 'unit:batches', {})).batches.map((b) => b.fileName),
    ).toEqual(before);
  }, 90_000);
});
