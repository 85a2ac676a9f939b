// Issue 12 end to end, in Debian Chromium against the browser mode: one verdict in plain words at the top of
// 资格检查, the closed round said once beside it, and one source for the assessment years — a 2017
// assessment scan added from 材料清单 is filed as 2017 (its record's year) in the materials view, the
// attachments' links and the verdict, which turns from 暂不符合 to 需人工确认 once the 2017 record exists.
import type { Page } from '@playwright/test';
import { callApi, expect, test } from './fixtures.js';
import { attachMissingScans } from './packageSteps.js';
import { openSampleArchive } from './sample.js';

const field = (page: Page, path: string) => page.locator(`#f-${path.replaceAll('.', '-')}`);

async function choose(page: Page, path: string, label: string): Promise<void> {
  await field(page, path).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first().click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('the 2017 assessment: a failure named in the verdict, then filed as 2017 everywhere', async ({ app, page }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await openSampleArchive(page);
  await expect(page.getByTestId('nav-eligibility')).toBeVisible();
  const { applicantId } = await callApi<{ applicantId: string }>(page, 'workspace:status', {});
  // The 2017 assessment's scan is this spec's to add, with the record it is for.
  await attachMissingScans(page, { publicity: false, except: ['M-9/assessment/2017'] });
  // Without its 2017 assessment (the last three completed years are 2017–2019, R-8) the applicant fails M-9.
  await callApi(page, 'records:delete', { applicantId, kind: 'assessments', id: 'assess-2017' });
  await page.reload();

  await page.getByTestId('nav-eligibility').click();
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'fail');
  await expect(verdict).toContainText('暂不符合 1 项');
  await expect(verdict).toContainText('2017');
  // The round closed years ago: said once, beside the verdict, never as a failure.
  await expect(verdict).toContainText('本轮申报已于 2020-10-10 截止');
  await expect(page.getByTestId('finding-N-2.deadline')).toHaveAttribute('data-status', 'pass');
  await app.screenshot(page, 'verdict-01-fail');

  // The applicant adds the 2017 record …
  await page.getByTestId('nav-assessments').click();
  const cards = page.getByTestId('record-assessments');
  const before = await cards.count();
  await page.getByTestId('add-assessments').first().click();
  await expect(cards).toHaveCount(before + 1);
  const id = await cards.nth(before).getAttribute('data-record-id');
  await field(page, `assessments.${id}.year`).fill('2017');
  await choose(page, `assessments.${id}.result`, '合格');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');

  // … and its scan from 材料清单: the 2017 item, between nothing and 2018 — never "2020".
  await page.getByTestId('nav-materials').click();
  const m9 = page.getByTestId('material-M-9');
  const items = m9.getByTestId('material-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toHaveAttribute('data-key', `M-9/assessment/2017#${id}`);
  await expect(items.nth(0)).toContainText('2017');
  const chooser = page.waitForEvent('filechooser');
  await items.nth(0).getByTestId('material-add').click();
  await (
    await chooser
  ).setFiles({ name: '2017年度考核.pdf', mimeType: 'application/pdf', buffer: await onePage('2017') });
  await expect(items.nth(0)).toHaveAttribute('data-status', 'attached');
  await expect(items.nth(0)).toContainText('2017年度考核.pdf');
  await expect(m9.getByTestId('material-attention')).toHaveCount(0);

  // The link says 2017 in the core too (what the package, the index and the bookmarks read).
  const { attachments } = await callApi<{
    attachments: { fileName: string; links: { slot: string | null; recordId: string | null }[] }[];
  }>(page, 'attachments:list', { applicantId });
  const scan = attachments.find((a) => a.fileName === '2017年度考核.pdf')!;
  expect(scan.links.map((l) => [l.slot, l.recordId])).toEqual([['M-9/assessment/2017', id]]);

  // Nothing fails now; what is left is for a person to judge (the name's rare characters, 2020's CE proof).
  await page.getByTestId('nav-eligibility').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'review');
  await expect(verdict).toContainText('需人工确认');
  await expect(page.getByTestId('finding-M-9.assessments#2017')).toHaveAttribute('data-status', 'pass');
  await app.screenshot(page, 'verdict-02-review');
});

async function onePage(text: string): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const p = doc.addPage([595, 842]);
  p.drawText(`assessment ${text}`, { x: 72, y: 760, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
