// The UI carries its own fonts (issue 15). This suite's Chromium sees no CJK font but the app's (fonts.conf is
// the system configuration alone, and the machine has none): what is drawn here is what a user without any
// Chinese font sees. A missing glyph is the font's .notdef box, the same for every character — so characters
// drawn alike are boxes, and characters drawn each differently are real glyphs.
import { expect, test } from './fixtures.js';

/** Characters the forms can print (issue 15): common ones, and Extension B ones only the HanaMin faces hold. */
const SAMPLES = ['职', '称', '犇', '堃', '喆', '珺', '燊', '𠮷', '𡒄', '𪚥'];

/** Each sample drawn on a canvas in the UI's font stack, as pixels: equal strings mean the same picture. */
function drawEach(samples: string[]): Promise<{ pictures: string[]; blank: number }> {
  return Promise.resolve().then(async () => {
    const family = getComputedStyle(document.body).fontFamily;
    await Promise.all(samples.map((s) => document.fonts.load(`32px ${family}`, s)));
    const pictures = samples.map((text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 48;
      canvas.height = 48;
      const context = canvas.getContext('2d')!;
      context.font = `32px ${family}`;
      context.fillText(text, 4, 38);
      return Array.from(context.getImageData(0, 0, 48, 48).data).join(',');
    });
    return { pictures, blank: pictures.filter((p) => !/[1-9]/.test(p)).length };
  });
}

test('with no CJK system font, the first screen draws Chinese from the subset alone; rare characters load the full faces', async ({
  app,
  page,
}) => {
  const fonts: string[] = [];
  page.on('request', (r) => {
    if (/\/fonts\//.test(r.url())) fonts.push(new URL(r.url()).pathname);
  });
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  // First paint: the subset (and its stylesheet), never a 17 MB face.
  expect(fonts).toContain('/fonts/ui-regular.woff2');
  expect(fonts.filter((f) => f.startsWith('/fonts/full/'))).toEqual([]);
  await app.screenshot(page, 'fonts-welcome');

  const { pictures, blank } = await page.evaluate(drawEach, SAMPLES);
  expect(blank).toBe(0);
  // Ten characters, ten different pictures: none of them is the .notdef box.
  expect(new Set(pictures).size).toBe(SAMPLES.length);
  // The characters outside the subset came from the full faces, fetched on demand.
  expect(fonts.some((f) => f.startsWith('/fonts/full/'))).toBe(true);
});

test('the fonts route serves the forms’ own faces by name, and nothing else', async ({ app, request }) => {
  const origin = new URL(app.url).origin;
  const face = await request.get(`${origin}/fonts/full/HanaMinA-subset.ttf`);
  expect(face.status()).toBe(200);
  expect(face.headers()['content-type']).toBe('font/ttf');
  for (const name of ['..%2Fpackage.json', 'dossier.sqlite', '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', 'NotAFont.otf']) {
    expect((await request.get(`${origin}/fonts/full/${name}`)).status(), name).toBe(404);
  }
});
