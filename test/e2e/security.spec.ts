// The browser mode's page and API seen from a browser: token required, foreign origins refused,
// nothing remote loaded, links never navigate the app away.
import { expect, test } from './fixtures.js';

test('the page loads under a strict CSP and loads nothing remote', async ({ app, page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const response = await page.goto(app.url);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.locator('#root')).not.toBeEmpty();
  const origin = new URL(app.url).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
});

test('the API refuses a call without the token, and a call from a foreign page', async ({ app, page, request }) => {
  const origin = new URL(app.url).origin;
  const missing = await request.post(`${origin}/api/workspace:status`, { data: {} });
  expect(missing.status()).toBe(401);
  const foreign = await request.post(`${origin}/api/workspace:status`, {
    data: {},
    headers: { origin: 'http://evil.example', 'x-dossier-token': new URL(app.url).hash.slice('#token='.length) },
  });
  expect(foreign.status()).toBe(403);
  await page.goto(app.url);
  // The token leaves the address bar once read, so it is not kept in history or shared by copy-paste.
  await expect.poll(() => page.url()).not.toContain('token=');
});
