// The steps the package specs (package, review-received, unit-review, unit-chain) share to get the sample
// applicant's signed package made and handed between workspaces through the API. They were written four
// times over and had begun to drift; here once, so that every spec builds the same package the same way.
// What a spec is about stays in the spec: these are only its preliminaries (the screens that do the same
// have their own tests).
import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { writeSyntheticPackage } from '../../electron/core/unit/syntheticPackage.js';
import { makeKey } from '../helpers/packageFixtures.js';
import { callApi, expect } from './fixtures.js';
import { openSampleArchive } from './sample.js';

/** The applicant's signing-key passphrase. */
export const PASSPHRASE = '正确的马 电池 订书钉';
/** The unit officer's signing-key passphrase (a different key from the applicant's). */
export const UNIT_PASSPHRASE = '单位人事专员的密码 2021';
/** The written reason each precheck warning needs before an export (ten characters or more). */
export const REASON = '单位已核实此项情况，原件随纸质材料一并报送。';
/** Where the unit-side specs put their screenshots. */
export const UNIT_SHOTS = path.join('test-results', 'unit');

/**
 * The screens scroll inside their content pane: let it out to full height while `take` makes a whole-screen
 * picture, then put it back.
 */
export async function withFullHeight(page: Page, take: () => Promise<unknown>): Promise<void> {
  const style = await page.addStyleTag({
    content: '.app-layout{height:auto!important;min-height:100vh}.app-content{overflow:visible!important}',
  });
  await take();
  await style.evaluate((el) => el.parentNode?.removeChild(el));
}

/** A whole-screen picture, full height, as test-results/unit/<name>.png. */
export async function unitShot(page: Page, name: string): Promise<void> {
  mkdirSync(UNIT_SHOTS, { recursive: true });
  await withFullHeight(page, () => page.screenshot({ path: path.join(UNIT_SHOTS, `${name}.png`), fullPage: true }));
}

/** The page's session token, as the app keeps it. */
export const tokenOf = (page: Page) => page.evaluate(() => sessionStorage.getItem('dossier.token') ?? '');

async function onePagePdf(label: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(label, { x: 60, y: 770, size: 18, font });
  return Buffer.from(await doc.save());
}

/**
 * Adds a scan (a one-page PDF named after its slot) as the attachments screen does (POST /api/upload with
 * the token) and links it to a material slot: the scans are not these specs' subject (attachments.spec.ts
 * drives that screen).
 */
export async function attach(page: Page, slot: string, recordId: string | null): Promise<void> {
  const name = `${slot.replaceAll('/', '-')}${recordId ? `-${recordId}` : ''}.pdf`;
  const response = await page.request.post(new URL(`/api/upload?name=${encodeURIComponent(name)}`, page.url()).href, {
    headers: { 'x-dossier-token': await tokenOf(page), 'content-type': 'application/octet-stream' },
    data: await onePagePdf(name),
  });
  const result = (await response.json()) as { ok: boolean; value: { attachment: { id: string } } };
  expect(result.ok).toBe(true);
  await callApi(page, 'attachments:link', { attachmentId: result.value.attachment.id, slot, recordId });
}

/**
 * The scans the sample lacks (its export blockers — issue 19: every scan the materials view asks for): the ID
 * card, photo, diplomas, degree certificates, CHSI record or graduate form, title certificate, appointment,
 * award and main-contributor proofs (M-4), the pension proofs 2018–2019 (M-5), CE 2018–2019 (M-7), the
 * assessments 2017–2019 (M-9), two papers' pages, authorship and a proof of each other work (M-10). The
 * assumed year's proofs (2020) are points to judge, not blockers, and are left out. The publicity
 * confirmation (M-3) is no blocker (the unit issues it after the hand-in, N-8): package.spec.ts leaves it out
 * to show just that (`publicity: false`); the unit-side specs have always added it first (`publicity: true`).
 * `except`: slots a spec attaches itself (the scan of a record it adds).
 */
export async function attachMissingScans(
  page: Page,
  { publicity, except = [] }: { publicity: boolean; except?: readonly string[] },
): Promise<void> {
  if (publicity) await attach(page, 'M-3/publicity', null);
  for (const [slot, recordId] of SAMPLE_SCANS) if (!except.includes(slot)) await attach(page, slot, recordId);
}

/** The sample's required scans (M-4 … M-10) but the assumed year's: [slot, record]. */
export const SAMPLE_SCANS: readonly (readonly [string, string | null])[] = [
  ['M-4/id-card', null],
  ['M-4/photo', null],
  ['M-4/diploma', 'edu-1'],
  ['M-4/degree', 'edu-1'],
  ['M-4/graduate-form', 'edu-1'],
  ['M-4/diploma', 'edu-2'],
  ['M-4/degree', 'edu-2'],
  ['M-4/chsi-record', 'edu-2'],
  ['M-4/title-cert', 'title-2'],
  ['M-4/appointment', 'appt-2'],
  ['M-4/main-contributor', 'work-5'],
  ['M-4/honour', 'work-6'],
  ['M-4/main-contributor', 'work-6'],
  ['M-5/pension/2018', 'pension-2018'],
  ['M-5/pension/2019', 'pension-2019'],
  // The continuing-education hours proofs of the confirmed years (M-7, R-4).
  ['M-7/ce/2018', null],
  ['M-7/ce/2019', null],
  ['M-9/assessment/2017', 'assess-2017'],
  ['M-9/assessment/2018', 'assess-2018'],
  ['M-9/assessment/2019', 'assess-2019'],
  ...['work-1', 'work-2'].flatMap((work) =>
    ['cover', 'issn', 'toc', 'article'].map((tag) => [`M-10/paper/${tag}`, work] as const),
  ),
  ['M-10/work', 'work-3'],
  ['M-10/work', 'work-4'],
  ['M-10/authorship', 'work-4'],
  ['M-10/work', 'work-5'],
];

/**
 * A fresh workspace at `url` takes the sample applicant (吴𠮷喆) from its welcome screen; its missing scans are
 * added and its key created (PASSPHRASE) through the API, so that it can be exported. Its applicant id.
 */
export async function sampleReadyToExport(page: Page, url: string, scans: { publicity: boolean }): Promise<string> {
  await page.goto(url);
  await openSampleArchive(page);
  await expect(page.getByTestId('nav-package')).toBeVisible();
  const { applicantId } = await callApi<{ applicantId: string }>(page, 'workspace:status', {});
  await attachMissingScans(page, scans);
  await callApi(page, 'keys:create', { passphrase: PASSPHRASE });
  return applicantId;
}

/** Polls a job every 100 ms while it runs, for `timeoutMs` at the most: its last status. */
export async function waitJob<T extends { state: string }>(page: Page, jobId: string, timeoutMs = 60_000): Promise<T> {
  let status = { state: 'running' } as T;
  for (let i = 0; i < timeoutMs / 100 && status.state === 'running'; i++) {
    await page.waitForTimeout(100);
    status = await callApi<T>(page, 'jobs:status', { jobId });
  }
  // A job still running here is a failure, not a status to go on with.
  expect(status.state, `job ${jobId} still running after ${timeoutMs} ms`).not.toBe('running');
  return status;
}

/** Where a workspace serves a package file of its own (with the page's token). */
export async function packageHref(page: Page, fileName: string): Promise<string> {
  return `/packages/${encodeURIComponent(fileName)}?token=${await tokenOf(page)}`;
}

/** Fetches a download link of the page (a package or a batch): a ZIP, its bytes. */
export async function download(page: Page, href: string): Promise<Buffer> {
  const response = await page.request.get(new URL(href, page.url()).href);
  expect(response.ok(), href).toBe(true);
  const bytes = await response.body();
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  return bytes;
}

/**
 * The applicant's export through the API (package.spec.ts drives the screen): each precheck warning given
 * REASON, signed with PASSPHRASE, the job waited for; its file's name and bytes.
 */
export async function exportPackage(
  page: Page,
  applicantId: string,
  jobTimeoutMs?: number,
): Promise<{ fileName: string; bytes: Buffer }> {
  const { warnings } = await callApi<{ warnings: { id: string }[] }>(page, 'package:precheck', { applicantId });
  const { jobId } = await callApi<{ jobId: string }>(page, 'package:export', {
    applicantId,
    passphrase: PASSPHRASE,
    justifications: warnings.map((w) => ({ findingId: w.id, text: REASON })),
  });
  const status = await waitJob<{ state: string; package?: { fileName: string } | null; error?: unknown }>(
    page,
    jobId,
    jobTimeoutMs,
  );
  expect(status.state, JSON.stringify(status.error)).toBe('done');
  const fileName = status.package?.fileName ?? '';
  return { fileName, bytes: await download(page, await packageHref(page, fileName)) };
}

/** Hands a package file to a workspace as the page does (POST /api/package): its upload id. */
export async function uploadPackage(page: Page, name: string, bytes: Buffer): Promise<string> {
  const response = await page.request.post(new URL(`/api/package?name=${encodeURIComponent(name)}`, page.url()).href, {
    headers: { 'x-dossier-token': await tokenOf(page), 'content-type': 'application/octet-stream' },
    data: bytes,
  });
  const result = (await response.json()) as { ok: boolean; value: { uploadId: string } };
  expect(result.ok).toBe(true);
  return result.value.uploadId;
}

/**
 * A unit workspace imports one package through the API (unit-chain.spec.ts drives the import screen): the
 * job done, the package not refused; what became of it and the unit's id for its applicant.
 */
export async function unitImport(
  page: Page,
  name: string,
  bytes: Buffer,
  jobTimeoutMs?: number,
): Promise<{ status: string; applicantId: string | null }> {
  const uploadId = await uploadPackage(page, name, bytes);
  const { jobId } = await callApi<{ jobId: string }>(page, 'unit:import', { uploadIds: [uploadId] });
  const status = await waitJob<{
    state: string;
    unitImport?: { status: string; applicantId: string | null; reason: unknown }[] | null;
  }>(page, jobId, jobTimeoutMs);
  expect(status.state).toBe('done');
  const result = status.unitImport?.[0];
  expect(result?.status, JSON.stringify(result?.reason)).not.toBe('refused');
  return { status: result?.status ?? '', applicantId: result?.applicantId ?? null };
}

/**
 * A level-1 package of `archive` written in the export's format (syntheticPackage.ts) without scans, for the
 * unit-side specs whose subject is not the proofs: it takes milliseconds. Its file name and bytes.
 */
export async function scanlessPackage(
  dir: string,
  archive: ArchiveDocument,
  packageId: string,
): Promise<{ name: string; bytes: Buffer }> {
  const name = `申报包-${archive.profile.name}-r1.zcpkg`;
  const out = path.join(dir, name);
  await writeSyntheticPackage({ out, archive, scans: [], key: makeKey(), packageId, revision: 1 });
  return { name, bytes: readFileSync(out) };
}
