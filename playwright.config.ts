import { defineConfig, devices } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.PASSAGE_E2E_PORT ?? 3107);
// Set once in the main process; workers inherit it, so they all name the same fresh database.
process.env.PASSAGE_E2E_DB_DIR ??= path.join(os.tmpdir(), `passage-e2e-${process.pid}`);

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.PASSAGE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'chromium', testIgnore: '*.phone.spec.ts', use: { ...devices['Desktop Chrome'], channel: undefined } },
    // A phone: touch, mobile viewport and user agent, for the learner and student journeys.
    {
      name: 'phone',
      testMatch: '*.phone.spec.ts',
      use: {
        ...devices['Pixel 7'],
        viewport: { width: 375, height: 812 },
        screen: { width: 375, height: 812 },
        hasTouch: true,
        isMobile: true,
        channel: undefined,
      },
    },
  ],
  webServer: {
    command: `node scripts/e2e-server.mjs ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
