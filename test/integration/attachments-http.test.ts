// Browser mode's byte routes (issue 3): POST /api/upload streams a file into the store through the same
// core as the desktop; GET /files/<sha256> reads it back for previews. Both check the token; neither
// serves or writes anything outside the store.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as archive from '../../electron/core/archiveService.js';
import { setUploadProfile } from '../../electron/core/attachments/profile.js';
import { listStored } from '../../electron/core/attachments/store.js';
import type { Workspace } from '../../electron/core/workspace.js';
import { startServer, type Server } from '../../electron/serve.js';
import type { ApiError } from '../../shared/api/contract.js';
import { DEFAULT_UPLOAD_PROFILE, type AddResult } from '../../shared/attachments/schema.js';
import { makeExe, makeJpeg, makePdf } from '../helpers/files.js';
import { rawRequest, type Reply } from '../helpers/http.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';

let server: Server;
let w: Workspace;
beforeEach(async () => {
  w = tempWorkspace();
  archive.createApplicant(w.db);
  server = await startServer({ workspace: w, staticDir: path.join(tempDir(), 'renderer') });
});
afterEach(() => server.close());

const request = (method: string, urlPath: string, options?: Parameters<typeof rawRequest>[3]) =>
  rawRequest(server.port, method, urlPath, options);

const upload = (name: string, body: Buffer, headers: Record<string, string> = {}) =>
  request('POST', `/api/upload?name=${encodeURIComponent(name)}`, {
    headers: { 'x-dossier-token': server.token, 'content-type': 'application/octet-stream', ...headers },
    body,
  });
const json = (reply: Reply) => JSON.parse(reply.body.toString()) as { ok: boolean; value: AddResult; error: ApiError };
const nothingStored = () => {
  expect(listStored(w.store).hashes).toEqual([]);
  expect(readdirSync(path.join(w.store.dir, 'tmp'))).toEqual([]);
};

describe('POST /api/upload', () => {
  it('streams a file into the store and answers like a method', async () => {
    const jpeg = await makeJpeg(800, 600, { noise: true });
    const reply = await upload('毕业证 扫描.jpg', jpeg);
    expect(reply.status).toBe(200);
    const result = json(reply);
    expect(result).toMatchObject({
      ok: true,
      value: {
        isDuplicate: false,
        attachment: { fileName: '毕业证 扫描.jpg', mediaType: 'image/jpeg', bytes: jpeg.length },
      },
    });
    expect(listStored(w.store).hashes).toEqual([result.value.attachment.sha256]);
  });

  it('refuses bad content with the same error value as the dispatcher, storing nothing', async () => {
    const result = json(await upload('photo.jpg', makeExe()));
    expect(result).toMatchObject({ ok: false, error: { code: 'executable' } });
    expect(result.error.message.zh).toContain('photo.jpg');
    nothingStored();
  });

  it.each([
    ['no token', { 'x-dossier-token': '' }, 401],
    ['a wrong token', { 'x-dossier-token': 'x'.repeat(32) }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
  ])('refuses %s, storing nothing', async (_what, headers, status) => {
    expect((await upload('a.jpg', await makeJpeg(), headers)).status).toBe(status);
    nothingStored();
  });

  it('refuses a missing name, GET, and an over-size body declared or streamed', async () => {
    const noName = await request('POST', '/api/upload', {
      headers: { 'x-dossier-token': server.token },
      body: Buffer.from('x'),
    });
    expect(noName.status).toBe(400);
    expect(
      (await request('GET', '/api/upload?name=a.jpg', { headers: { 'x-dossier-token': server.token } })).status,
    ).toBe(405);
    setUploadProfile(w.db, {
      ...DEFAULT_UPLOAD_PROFILE,
      intake: { ...DEFAULT_UPLOAD_PROFILE.intake, maxBytes: 1_000_000 },
    });
    const big = await makeJpeg(1500, 1500, { noise: true });
    const declared = await upload('big.jpg', big, { 'content-length': String(big.length) });
    expect(declared.status).toBe(413);
    const streamed = await upload('big.jpg', big);
    expect(json(streamed)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    nothingStored();
  });

  it('leaves nothing behind when the browser aborts mid-upload', async () => {
    await new Promise<void>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: '/api/upload?name=a.jpg',
        headers: { host: `127.0.0.1:${server.port}`, 'x-dossier-token': server.token },
      });
      req.on('error', () => resolve());
      req.write(Buffer.alloc(3 << 20, 7), () => {
        req.destroy();
        resolve();
      });
    });
    // Wait on the state itself: the server notices the reset, then removes its temp file.
    for (let i = 0; i < 200 && readdirSync(path.join(w.store.dir, 'tmp')).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    nothingStored();
  });

  it('refuses attachments:addPaths over HTTP: the browser sends bytes, never paths', async () => {
    const reply = await request('POST', '/api/attachments:addPaths', {
      headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
      body: Buffer.from(JSON.stringify({ paths: ['/etc/passwd'] })),
    });
    expect(reply.status).toBe(403);
    expect(json(reply).error.code).toBe('desktop_only');
  });
});

describe('GET /files/<sha256>', () => {
  async function stored(bytes: Buffer, name: string) {
    return json(await upload(name, bytes)).value.attachment;
  }

  it('serves a stored file with its sniffed type, for the token in the query', async () => {
    const pdf = await makePdf(2);
    const { sha256 } = await stored(pdf, 'paper.jpg');
    const reply = await request('GET', `/files/${sha256}?token=${server.token}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/pdf');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.body.equals(pdf)).toBe(true);
    const head = await request('HEAD', `/files/${sha256}?token=${server.token}`);
    expect([head.status, head.headers['content-length'], head.body.length]).toEqual([200, String(pdf.length), 0]);
  });

  it('makes a thumbnail of an image, not of a PDF', async () => {
    const { sha256 } = await stored(await makeJpeg(1200, 900), 'a.jpg');
    const thumb = await request('GET', `/files/${sha256}?thumb=1&token=${server.token}`);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(thumb.body).metadata()).toMatchObject({ width: 320, height: 240 });
    const pdf = await stored(await makePdf(1), 'b.pdf');
    expect((await request('GET', `/files/${pdf.sha256}?thumb=1&token=${server.token}`)).status).toBe(404);
  });

  it('refuses a missing or wrong token, and anything but a stored hash an attachment names', async () => {
    const { sha256 } = await stored(await makeJpeg(), 'a.jpg');
    expect((await request('GET', `/files/${sha256}`)).status).toBe(401);
    expect((await request('GET', `/files/${sha256}?token=${'x'.repeat(32)}`)).status).toBe(401);
    const t = `?token=${server.token}`;
    for (const p of [
      `/files/${'0'.repeat(64)}${t}`,
      `/files/${sha256.toUpperCase()}${t}`,
      `/files/${sha256.slice(0, 2)}/${sha256}${t}`,
      `/files/..%2fdossier.sqlite${t}`,
      `/files/%2e%2e%2f%2e%2e%2fdossier.sqlite${t}`,
      `/files/../dossier.sqlite${t}`,
      `/files/tmp${t}`,
    ]) {
      const reply = await request('GET', p);
      expect(reply.status, p).toBe(404);
      expect(reply.body.toString()).not.toContain('SQLite');
    }
  });
});
