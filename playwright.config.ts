import { defineConfig } from '@playwright/test';
import path from 'node:path';

// Debian's Chromium (apt), never a downloaded browser; the flags keep it from reaching for the network.
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  use: {
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // No CJK font but the app's own: test/e2e/fonts.conf is the system configuration alone, and the machine
      // has no CJK system font — the UI must draw Chinese with the fonts it ships (issue 15).
      env: { ...process.env, FONTCONFIG_FILE: path.resolve('test/e2e/fonts.conf') },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
});
