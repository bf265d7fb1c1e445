// What the browser tests share: Debian's Chromium started headless (BT_CHROMIUM for another one), steps that are
// logged with their time and, when one fails, logged, photographed and stop the test, and checks.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function launch() {
  return chromium.launch({
    executablePath: process.env.BT_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Steps writing their failure screenshots (named failedPrefix + step) to artifacts, of the page page() returns;
 * counts.passed and .failed.
 */
export function steps(artifacts, page, failedPrefix = 'failed-') {
  mkdirSync(artifacts, { recursive: true });
  const counts = { passed: 0, failed: 0 };
  async function step(name, fn) {
    const started = Date.now();
    try {
      await fn();
      counts.passed++;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      counts.failed++;
      console.log(`FAIL ${name}: ${e.message}`);
      await page().screenshot({ path: join(artifacts, `${failedPrefix}${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      throw e;
    }
  }
  return { step, counts };
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}
