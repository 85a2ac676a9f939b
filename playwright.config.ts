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
      // Legible Chinese in screenshots: the machine has no CJK system font; test/e2e/fonts.conf adds the
      // project's own (resources/fonts, node-source-han-sans-sc) to the system configuration.
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
