// The browser mode's HTTP boundary: loopback only, token, Host and Origin checks, contract validation,
// static files contained — the security test the style guide asks to keep.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type Server } from '../../electron/serve.js';
import { rawRequest } from '../helpers/http.js';
import { tempDir, tempWorkspace } from '../helpers/workspace.js';

let server: Server;
beforeEach(async () => {
  const staticDir = path.join(tempDir(), 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(staticDir, 'assets', 'a.js'), 'export {}');
  writeFileSync(path.join(path.dirname(staticDir), 'secret.txt'), 'secret');
  server = await startServer({ workspace: tempWorkspace(), staticDir });
});
afterEach(() => server.close());

const request = async (method: string, urlPath: string, options?: Parameters<typeof rawRequest>[3]) => {
  const reply = await rawRequest(server.port, method, urlPath, options);
  return { ...reply, body: reply.body.toString() };
};

const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  request('POST', `/api/${method}`, {
    headers: { 'content-type': 'application/json', 'x-dossier-token': server.token, ...headers },
    body: JSON.stringify(input),
  });

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints an address with the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{32}$/);
  });

  it('answers a valid call', async () => {
    const res = await api('workspace:status', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { applicantId: null, locale: 'zh-CN' } });
  });

  it.each([
    ['no token', { 'x-dossier-token': '' }, 401],
    ['a wrong token', { 'x-dossier-token': 'x'.repeat(32) }, 401],
    ['a foreign Origin', { origin: 'http://evil.example' }, 403],
    ['a foreign Host (DNS rebinding)', { host: 'evil.example' }, 403],
  ])('refuses %s', async (_name, headers, status) => {
    const res = await api('workspace:status', {}, headers);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).ok).toBe(false);
  });

  it('refuses an unknown method and malformed input with messages in both languages', async () => {
    const unknown = JSON.parse((await api('archive:dropTables', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const malformed = JSON.parse((await api('workspace:setLocale', { locale: 'fr' })).body);
    expect(malformed.error.code).toBe('invalid_input');
    expect(malformed.error.issues[0].path).toBe('locale');
    expect(malformed.error.message.zh).toContain('locale');
    const notJson = await request('POST', '/api/workspace:status', {
      headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses GET on the API and non-JSON bodies', async () => {
    expect((await request('GET', '/api/workspace:status')).status).toBe(405);
    const text = await request('POST', '/api/workspace:status', {
      headers: { 'content-type': 'text/plain', 'x-dossier-token': server.token },
      body: '{}',
    });
    expect(text.status).toBe(415);
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const index = await request('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).toContain("object-src 'none'");
    expect((await request('GET', '/assets/a.js')).status).toBe(200);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await request('GET', p);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('secret');
    }
  });
});
