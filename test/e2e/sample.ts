// The sample applicant's archive alone, without its scans — what 载入示例申报人 loaded before issue 15 made the
// sample a finished example. For the specs that show what is missing, or add scans themselves.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { callApi, expect } from './fixtures.js';

const SAMPLE_JSON = fileURLToPath(new URL('../../resources/sample/applicant.json', import.meta.url));

/** From the welcome screen (page at the app's url): the sample's archive imported, the editor open. */
export async function openSampleArchive(page: Page): Promise<void> {
  // The welcome screen is up: the page holds its token.
  await expect(page.getByTestId('welcome-sample')).toBeVisible();
  await callApi(page, 'archive:importJson', { json: readFileSync(SAMPLE_JSON, 'utf8') });
  await page.reload();
  await expect(page.getByTestId('welcome-sample')).toHaveCount(0);
  await expect(page.getByRole('navigation').first()).toBeVisible();
}
