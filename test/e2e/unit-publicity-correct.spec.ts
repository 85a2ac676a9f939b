// Issue 19, item 6 end to end in Debian Chromium against the browser mode: a publicity that can be corrected.
// The unit's workspace holds one applicant (a package written here in the export's format, so the tests stay
// quick). First test: on 公示 a planned publicity of theirs is edited (a later start, re-planned on the
// calendar) and deleted. Second test: a publicity runs today; the officer cancels it with the keyboard — the
// reason dialog opens with the focus in the reason, refuses an empty and a short reason at the field, passes
// axe — and the card stays listed, greyed, 已取消 with the date and the reason; the applicant is free again
// (the planner and 申报人一览 say so) and a new publicity is planned for them over the same days.
// "Today" is the real day (the server's and the browser's): the periods are chosen around it on the state
// calendar, and a test is skipped, saying why, when the calendar does not cover the days it needs.
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import { addDays, dayKind } from '../../shared/calendar/workingDays.js';
import { idCheckCharacter } from '../../shared/checks/idNumber.js';
import { expectAxeClean } from './axe.js';
import { callApi, expect, test } from './fixtures.js';
import { scanlessPackage, unitImport } from './packageSteps.js';

test.use({ viewport: { width: 1366, height: 768 } });

const REASON = '公示开始日期填错，应与通知一致，现取消后重新公示。';

/** The local day, as the server's localToday and the browser's dayjs() read it. */
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last working day up to `day`: a publicity starting then runs today. Null beyond the calendar. */
function lastWorkingDay(day: string): string | null {
  for (let d = day, i = 0; i < 20; d = addDays(d, -1), i++) {
    const kind = dayKind(d);
    if (kind === 'unknown') return null;
    if (kind === 'work') return d;
  }
  return null;
}

/** The first working day after `day`, or null beyond the calendar. */
function nextWorkingDay(day: string): string | null {
  for (let d = addDays(day, 1), i = 0; i < 20; d = addDays(d, 1), i++) {
    const kind = dayKind(d);
    if (kind === 'unknown') return null;
    if (kind === 'work') return d;
  }
  return null;
}

function person(name: string, serial: number): ArchiveDocument {
  const a = JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')) as ArchiveDocument;
  a.profile.name = name;
  const first17 = `33080219780516${String(serial).padStart(3, '0')}`;
  a.profile.idNumber = first17 + idCheckCharacter(first17);
  return a;
}

/** The applicant's line in the new-publicity form. */
const choice = (page: Page, name: string) => page.getByTestId('uw-pub-choice').filter({ hasText: name });

/**
 * The unit's workspace with its data and one applicant (imported through the API, as the other unit specs
 * do), on 公示 after `before` has run; the applicant's id. `dir` holds the package file.
 */
async function unitWithApplicant(
  page: Page,
  url: string,
  dir: string,
  before: (applicantId: string) => Promise<void>,
): Promise<string> {
  const archive = person('公示更正人', 301);
  const pkg = await scanlessPackage(dir, archive, 'pkg-pub-correct');
  await page.goto(url);
  // The app has read its token from the address (callApi sends it as the page does).
  await expect(page.getByTestId('welcome-unit')).toBeVisible();
  await callApi(page, 'workspace:setMode', { mode: 'unit' });
  await callApi(page, 'unit:set', { profile: archive.unit });
  const applicantId = (await unitImport(page, pkg.name, pkg.bytes)).applicantId!;
  await before(applicantId);
  await page.reload();
  await page.getByTestId('nav-unitPublicity').click();
  await expect(page.getByRole('heading', { name: '公示', level: 1 })).toBeVisible();
  return applicantId;
}

test('a planned publicity is edited (re-planned on the calendar) and deleted', async ({ app, page }) => {
  test.setTimeout(60_000);
  const day = today();
  // A start after today, and a later one whose period the calendar still covers (not in its last days).
  const plannedStart = nextWorkingDay(day);
  const laterStart = plannedStart && nextWorkingDay(plannedStart);
  const fits = laterStart !== null && dayKind(addDays(laterStart, 14)) !== 'unknown';
  test.skip(!fits, `the state calendar has no room for a publicity after ${day}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-pub-edit-'));
  try {
    await unitWithApplicant(page, app.url, dir, (a) =>
      callApi(page, 'unit:publicize', { applicantIds: [a], startDate: plannedStart }),
    );
    const planned = page.locator('[data-testid="uw-pub-card"][data-phase="planned"]');
    await expect(planned).toContainText(plannedStart!);
    await planned.getByTestId('uw-pub-edit-open').click();
    const edit = page.getByTestId('uw-pub-edit');
    await expect(edit.getByTestId('uw-pub-edit-plan')).toHaveAttribute('data-state', 'ok');
    // Its own member is ticked and may stay (not "busy" with the publicity being edited).
    await expect(edit.getByTestId('uw-pub-edit-choice').getByRole('checkbox', { name: '公示更正人' })).toBeChecked();
    await page.locator('#uw-pub-edit-start').click();
    await page.locator('#uw-pub-edit-start').fill(laterStart!);
    await page.keyboard.press('Enter');
    await expect(edit.getByTestId('uw-pub-edit-plan')).toContainText(`公示期 ${laterStart} 至`);
    await expectAxeClean(page, '.uw-pub-edit-dialog');
    await edit.getByTestId('uw-pub-edit-create').click();
    await expect(edit).toHaveCount(0);
    await expect(planned).toContainText(laterStart!);

    await planned.getByTestId('uw-pub-delete').click();
    const confirm = page.getByRole('dialog');
    await expect(confirm).toContainText(`删除 ${laterStart} 至`);
    await confirm.getByRole('button', { name: '删除' }).click();
    await expect(page.getByTestId('uw-pub-card')).toHaveCount(0);
    await expect(choice(page, '公示更正人')).not.toContainText('待公示');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a running publicity is cancelled with a reason, and a new one planned for the same applicant', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  const day = today();
  const runningStart = lastWorkingDay(day);
  test.skip(runningStart === null, `the state calendar does not cover ${day}: no publicity can run today`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-pub-cancel-'));
  try {
    // A publicity that runs today.
    const a = await unitWithApplicant(page, app.url, dir, (id) =>
      callApi(page, 'unit:publicize', { applicantIds: [id], startDate: runningStart }),
    );
    const running = page.locator('[data-testid="uw-pub-card"][data-phase="running"]');
    await expect(running).toHaveCount(1);
    await expect(running).toContainText(runningStart!);
    // In a running publicity: not offered for a new one.
    await expect(choice(page, '公示更正人').getByRole('checkbox')).toBeDisabled();
    await expect(choice(page, '公示更正人')).toContainText('公示中');

    // ---- 取消公示 with the keyboard: Enter opens the dialog with the focus in the reason ----
    await running.getByTestId('uw-pub-cancel').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(`取消 ${runningStart} 至`);
    await expect(dialog).toContainText('不出现在公示通知、确认表（M-3）和报送材料中');
    const reason = page.locator('#uw-pub-cancel-reason');
    await expect(reason).toBeFocused();
    // Esc goes back, nothing done; the dialog opens again.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await running.getByTestId('uw-pub-cancel').focus();
    await page.keyboard.press('Enter');
    await expect(reason).toBeFocused();
    // Empty (only spaces), then short: refused at the field, named, nothing sent.
    await page.keyboard.type('   ');
    await page.keyboard.press('Control+Enter');
    const help = page.getByTestId('uw-pub-cancel-reason-help');
    await expect(help).toContainText('请写明取消理由（至少 10 个字），不能为空或只有空格');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await reason.fill('日期错了');
    await page.keyboard.press('Control+Enter');
    await expect(help).toContainText('取消理由太短（4 个字），请至少写 10 个字');
    await expectAxeClean(page, '.uw-pub-cancel-dialog');
    // Tab reaches 返回 and then the confirmation; Enter there cancels the publicity.
    await reason.fill(REASON);
    await expect(help).toHaveCount(0);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('uw-pub-cancel-back')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('uw-pub-cancel-confirm')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);

    // Listed still, greyed, 已取消 with when and why; nothing in it can be recorded or printed any more.
    const cancelled = page.locator('[data-testid="uw-pub-card"][data-phase="cancelled"]');
    await expect(cancelled).toHaveCount(1);
    await expect(cancelled).toHaveClass(/uw-pub-card-cancelled/);
    await expect(cancelled).toContainText('已取消');
    await expect(cancelled.getByTestId('uw-pub-cancelled')).toContainText(`已于 ${day}`);
    await expect(cancelled.getByTestId('uw-pub-cancel-reason-shown')).toContainText(REASON);
    await expect(cancelled.getByTestId('uw-pub-cancel')).toHaveCount(0);
    await expect(cancelled.getByTestId('uw-member-record')).toHaveCount(0);
    await expect(cancelled.getByTestId('uw-pub-forms')).toHaveCount(0);
    // The applicant is free again.
    await expect(choice(page, '公示更正人').getByRole('checkbox')).toBeEnabled();
    await expect(choice(page, '公示更正人')).not.toContainText('公示中');
    // Not resting on a button: its hover colour is not what the page shows.
    await page.mouse.move(0, 0);
    await expectAxeClean(page);

    // ---- 申报人一览 follows: 未公示 ----
    await page.getByTestId('nav-unitApplicants').click();
    await expect(page.getByTestId(`unit-row-${a}`)).toContainText('未公示');

    // ---- A new publicity for the same applicant, over the same days: the cancelled one counts no more ----
    await page.getByTestId('nav-unitPublicity').click();
    await choice(page, '公示更正人').getByRole('checkbox').check();
    await page.locator('#uw-pub-start').click();
    await page.locator('#uw-pub-start').fill(runningStart!);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('uw-pub-plan')).toHaveAttribute('data-state', 'ok');
    await page.getByTestId('uw-pub-create').click();
    await expect(page.locator('[data-testid="uw-pub-card"][data-phase="running"]')).toHaveCount(1);
    await expect(page.locator('[data-testid="uw-pub-card"][data-phase="cancelled"]')).toHaveCount(1);
    await expect(choice(page, '公示更正人')).toContainText('公示中');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
