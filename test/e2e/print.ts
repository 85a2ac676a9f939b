// Printing in the e2e tests: headless Chromium's PDF viewer can crash the page on print() (seen once in
// CI), so what the hidden print frame loads from /files/ is answered with a blank page, and the test checks
// which stored file the frame asked for.
import type { Page } from '@playwright/test';

/** Starts catching the print frame's requests; `printed` fills with their URLs until `stop`. */
export async function catchPrints(page: Page): Promise<{ printed: string[]; stop: () => Promise<void> }> {
  const printed: string[] = [];
  await page.route('**/files/**', async (route) => {
    if (route.request().frame() !== page.mainFrame()) {
      printed.push(route.request().url());
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>print</title>' });
    }
    return route.continue();
  });
  return { printed, stop: () => page.unroute('**/files/**') };
}
