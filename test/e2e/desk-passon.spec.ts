// The desk's pass-on screen and the recommendation form (issue 17 items 5–6) in the app. The desk's shell
// (DeskWorkspace, its navigation `nav-deskSubmit`) is helper A's and lands at the merge; until then the
// screens are exercised through their methods in test/integration/desk-passon.test.ts, and were checked by
// hand with axe (WCAG 2.1 AA: clean) at 1366×768 and at 150 % zoom.
import { test } from './fixtures.js';

test.fixme('passes a committee on from the screen: committee, start day, who is held back, job, download', async () => {
  // Reach it with page.getByTestId('nav-deskSubmit') once the desk's shell is merged; then: choose
  // desk-committee-energy, fill #desk-submit-start, expect desk-held-row with the reason, enter the
  // passphrase, desk-submit, wait for desk-batch-result, expectAxeClean(page).
});

test.fixme('records the recommendation from the review screen, errors at the field', async () => {
  // In DeskReviewScreen: #desk-rec-membersPresent above members due shows its error at the field
  // (#desk-rec-membersPresent-help); a whole record saves (desk-rec-state 已保存).
});
