// Named steps of a browser test: each is logged "ok" or "FAIL" with its time, a failing one leaves a screenshot of
// the page in the artifacts folder and ends the run; counts says how many passed and failed.
import { join } from 'node:path';

export function steps(page, artifacts, failedPrefix = 'failed-') {
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
      await page.screenshot({ path: join(artifacts, `${failedPrefix}${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      throw e;
    }
  }
  function check(condition, message) {
    if (!condition) throw new Error(message);
  }
  return { step, check, counts };
}
