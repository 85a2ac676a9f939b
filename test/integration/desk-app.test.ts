// The desk's data and receiving as the app calls them (issue 17, phase 2), over HTTP to the browser-mode
// server, on real workspaces and real batch files: desk:set refuses a bad profile naming the field (nothing
// saved) and names what is missing; desk:import takes uploaded batch files in one job — a good package in,
// a tampered one refused beside it — and lists the batch; a batch whose unit key changed is refused with
// both fingerprints, its file held, and received again with the new key once confirmed (the key as read off
// the unit's paper, spaces and all); desk:importFolder is the desktop's only.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, Method, OutputOf } from '../../shared/api/contract.js';
import type { DeskImportResult } from '../../shared/desk/schema.js';
import type { SigningKey } from '../../electron/core/package/keyStore.js';
import { formatFingerprint } from '../../electron/core/package/sm2.js';
import { startServer, type Server } from '../../electron/serve.js';
import { CITY_DESK, tamperPackage, unitLevelTwo, writeBatchFile, type UnitPackage } from '../helpers/deskFixtures.js';
import { workspaceIn } from '../helpers/exportFixtures.js';
import { rawRequest } from '../helpers/http.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { personArchive, UNIT, writePerson, type PersonPackage } from '../helpers/unitFixtures.js';
import { tempDir } from '../helpers/workspace.js';

let people: PersonPackage[];
let unitKey: SigningKey;
let otherKey: SigningKey;
let peopleDir: string;

beforeAll(async () => {
  const dir = (peopleDir = mkdtempSync(path.join(os.tmpdir(), 'dossier-desk-app-')));
  unitKey = makeKey();
  otherKey = makeKey();
  people = [];
  for (let i = 1; i <= 3; i++) people.push(await writePerson(dir, i, { archive: personArchive(i) }));
}, 120_000);
afterAll(() => rmSync(peopleDir, { recursive: true, force: true }));

/** A desk's workspace behind the browser-mode server (the mode set as the welcome screen sets it). */
async function deskServer(): Promise<{ server: Server; dataDir: string }> {
  const w = workspaceIn();
  const staticDir = path.join(tempDir(), 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  return { server: await startServer({ workspace: w, staticDir }), dataDir: w.dataDir };
}

type Reply<M extends Method> = { ok: true; value: OutputOf<M> } | { ok: false; error: ApiError };
async function api<M extends Method>(server: Server, method: M, input: unknown): Promise<Reply<M>> {
  const reply = await rawRequest(server.port, 'POST', `/api/${method}`, {
    headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
    body: JSON.stringify(input),
  });
  return JSON.parse(reply.body.toString('utf8')) as Reply<M>;
}
async function ok<M extends Method>(server: Server, method: M, input: unknown): Promise<OutputOf<M>> {
  const reply = await api(server, method, input);
  if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
  return reply.value;
}

/** POST /api/package as the receive screen does in the browser: the file's bytes under its own name. */
async function upload(server: Server, file: string): Promise<string> {
  const reply = await rawRequest(server.port, 'POST', `/api/package?name=${encodeURIComponent(path.basename(file))}`, {
    headers: { 'x-dossier-token': server.token },
    body: readFileSync(file),
  });
  return JSON.parse(reply.body.toString('utf8')).value.uploadId;
}

async function receiveOver(server: Server, input: unknown): Promise<DeskImportResult[]> {
  const { jobId } = await ok(server, 'desk:import', input);
  for (;;) {
    const status = await ok(server, 'jobs:status', { jobId });
    if (status.state !== 'running') {
      expect(status.state).toBe('done');
      return status.deskImport ?? [];
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function startedDesk(): Promise<{ server: Server; dataDir: string }> {
  const desk = await deskServer();
  await ok(desk.server, 'workspace:setMode', { mode: 'desk' });
  await ok(desk.server, 'desk:set', { profile: CITY_DESK });
  return desk;
}

async function batchOf(name: string, key: SigningKey, packages: UnitPackage[]): Promise<string> {
  return writeBatchFile(path.join(tempDir(), name), UNIT, key.fingerprint, packages);
}

describe('the desk in the app (desk:get, desk:set, desk:import, desk:batches)', () => {
  it('refuses a bad profile naming the field and saving nothing; names what is missing', async () => {
    const { server } = await deskServer();
    try {
      await ok(server, 'workspace:setMode', { mode: 'desk' });
      expect(await ok(server, 'desk:get', {})).toEqual({ profile: null, problems: [], fingerprint: null });
      const bad = await api(server, 'desk:set', { profile: { ...CITY_DESK, kind: 'town_office' } });
      expect(bad.ok).toBe(false);
      if (bad.ok) return;
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.issues?.[0]?.path).toBe('profile.kind');
      const long = await api(server, 'desk:set', { profile: { ...CITY_DESK, name: '局'.repeat(101) } });
      expect(!long.ok && long.error.issues?.[0]?.path).toBe('profile.name');
      expect((await ok(server, 'desk:get', {})).profile).toBeNull();
      // Saved without the person responsible: kept, and the field named in both languages.
      const { problems } = await ok(server, 'desk:set', { profile: { ...CITY_DESK, responsible: ' ' } });
      expect(problems).toEqual([
        { path: 'desk.responsible', message: { zh: '负责人未填写', en: 'Person responsible: missing' } },
      ]);
      const got = await ok(server, 'desk:get', {});
      expect(got.profile?.name).toBe(CITY_DESK.name);
      expect(got.problems).toHaveLength(1);
      // Receiving needs the data complete (the remit is read from it): refused before any job.
      const id = await upload(server, await batchOf('b.zip', unitKey, []));
      const refused = await api(server, 'desk:import', { uploadIds: [id] });
      expect(!refused.ok && refused.error.code).toBe('desk_profile_missing');
    } finally {
      await server.close();
    }
  }, 60_000);

  it('receives uploaded batches in one job: a tampered package refused beside a good one; lists the batch', async () => {
    const { server, dataDir } = await startedDesk();
    try {
      const dir = tempDir();
      const good = await unitLevelTwo(people[0]!, unitKey, UNIT, dir);
      const tampered = await unitLevelTwo(people[1]!, unitKey, UNIT, dir);
      await tamperPackage(tampered);
      const batch = await batchOf('报送批次-清能热电.zip', unitKey, [good, tampered]);
      const results = await receiveOver(server, { uploadIds: [await upload(server, batch)] });
      expect(results.map((r) => [r.entry, r.status])).toEqual([
        [`packages/${good.fileName}`, 'imported'],
        [`packages/${tampered.fileName}`, 'refused'],
      ]);
      expect(results[0]!.file).toBe('报送批次-清能热电.zip');
      expect(results[1]!.reason!.zh).toBeTruthy();
      expect(results[1]!.keyChange).toBeNull();
      const { batches } = await ok(server, 'desk:batches', {});
      expect(batches).toHaveLength(1);
      expect(batches[0]).toMatchObject({ fileName: '报送批次-清能热电.zip', unit: UNIT.name, packages: 2 });
      // Nothing of the upload is left once the job is done (no key change to confirm).
      expect(readdirSync(dataDir)).not.toContain('incoming');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('holds a batch refused for a changed unit key and receives it with the new key once confirmed', async () => {
    const { server, dataDir } = await startedDesk();
    try {
      const dir = tempDir();
      const first = await batchOf('b1.zip', unitKey, [await unitLevelTwo(people[0]!, unitKey, UNIT, dir)]);
      expect((await receiveOver(server, { uploadIds: [await upload(server, first)] }))[0]!.status).toBe('imported');
      const second = await batchOf('b2.zip', otherKey, [await unitLevelTwo(people[2]!, otherKey, UNIT, dir)]);
      const [r] = await receiveOver(server, { uploadIds: [await upload(server, second)] });
      expect(r!.status).toBe('refused');
      expect(r!.keyChange).toEqual({ pinnedFingerprint: unitKey.fingerprint, newFingerprint: otherKey.fingerprint });
      expect(r!.uploadId).toBeTruthy();
      expect(readdirSync(path.join(dataDir, 'incoming'))).toEqual([r!.uploadId]);
      // A fingerprint that is not one is refused naming the field, before any job (the file still held).
      const junk = await api(server, 'desk:import', { uploadIds: [r!.uploadId], expectFingerprint: 'abc' });
      expect(!junk.ok && junk.error.issues?.[0]?.path).toBe('expectFingerprint');
      // Confirmed as printed on the unit's paper (groups of four, upper case).
      const [taken] = await receiveOver(server, {
        uploadIds: [r!.uploadId],
        expectFingerprint: formatFingerprint(otherKey.fingerprint),
      });
      expect(taken!.status).toBe('imported');
      expect(readdirSync(dataDir)).not.toContain('incoming');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('refuses desk:importFolder over HTTP (a path: the desktop only)', async () => {
    const { server } = await startedDesk();
    try {
      const reply = await api(server, 'desk:importFolder', { path: os.tmpdir() });
      expect(reply.ok).toBe(false);
    } finally {
      await server.close();
    }
  }, 60_000);
});
