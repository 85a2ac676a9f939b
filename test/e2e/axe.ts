// Accessibility checks in the e2e tests: axe-core's WCAG 2.0/2.1 A and AA rules run inside the page (the
// bar is WCAG 2.1 AA). The library is evaluated through the browser's devtools channel, as a test harness
// does, not added as a <script>: the app's strict CSP allows no script it does not ship.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from './fixtures.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The bar of the screen-by-screen check (a11y-screens.spec.ts): WCAG 2.1 A and AA, and axe's best practices. */
export const WCAG_21_AA_BEST = [...WCAG_21_AA, 'best-practice'];

/** What fails a screen: a moderate or minor finding is listed in the output, not failed on. */
export const isBlocking = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** The first few elements concerned, as CSS selectors with what axe found wrong there. */
  nodes: string[];
  /** How many elements in all. */
  count: number;
}

/** The WCAG 2.1 AA violations (or those of the `tags` given) in the page, or in the element `include` selects. */
export async function axeViolations(page: Page, include?: string, tags = WCAG_21_AA): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
        count: v.nodes.length,
      }));
    },
    { include, tags },
  );
}

/** Fails naming each rule and element when the page (or the part `include` selects) breaks WCAG 2.1 AA. */
export async function expectAxeClean(page: Page, include?: string): Promise<void> {
  expect(await axeViolations(page, include)).toEqual([]);
}
