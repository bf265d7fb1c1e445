// Resumable uploads in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core), against a
// server whose chunks are small (buildtrace.uploads.chunk-size=64KB): an upload of two files interrupted half-way
// by a reload, its per-file progress shown again from the server, the files chosen again (a wrong one refused with
// a clear message), finished and seen as a revision; an upload over a slow link paused and resumed from the
// keyboard, a failed chunk retried after a wait, its completion lost and done after a reload without choosing the
// files again; files already uploaded refused at once; an upload cancelled. Screenshots go to BT_ARTIFACTS.
//   BT_BASE_URL   the running application (http://localhost:PORT)
//   BT_FILES      six files separated by the path separator: two for each of three revisions (each above 64 KB)
//   BT_ARTIFACTS  folder for screenshots (default target/e2e)
//   BT_CHROMIUM   the browser (default /usr/bin/chromium)
import { mkdirSync, statSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { check, launch, steps } from './harness.mjs';

const base = process.env.BT_BASE_URL ?? 'http://localhost:8080';
const artifacts = process.env.BT_ARTIFACTS ?? 'target/e2e';
const files = (process.env.BT_FILES ?? '').split(delimiter).filter(Boolean);
if (files.length !== 6) throw new Error('set BT_FILES to six files');
const [r1, r2, s1, s2, t1, t2] = files;
mkdirSync(artifacts, { recursive: true });

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 } })).newPage();
page.setDefaultTimeout(20_000);
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('dialog', (d) => d.accept());
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
const { step, counts } = steps(artifacts, () => page, 'failed-uploads-');
/** A GET of the API with the page's sign-in. */
const api = (path) => page.evaluate(async (p) => {
  const r = await fetch(`/api/v1/${p}`, { credentials: 'same-origin' });
  return { status: r.status, body: r.headers.get('Content-Type')?.includes('json') ? await r.json() : null };
}, path);
const panel = (label) => page.locator('section.upload', { has: page.locator('.upload-head strong', { hasText: label }) });
const row = (label, file) => panel(label).locator('.upload-files li', { hasText: basename(file) });
const sizeOf = (file) => statSync(file).size;

let projectId = '';
try {
  await step('sign in (a user of its own: its rate limits are its own) and make a project with a drawing set', async () => {
    await page.goto(base + '/#/sign-in');
    const signedIn = await page.evaluate(() => fetch('/api/v1/auth/dev/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'uploads@example.test' }),
    }).then((r) => r.status));
    check(signedIn === 200, `signed in (${signedIn})`);
    await page.goto(base + '/#/');
    await page.getByLabel('New project name').fill(`Resumable ${Date.now()}`);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/#\/projects\/[0-9a-f-]+$/);
    projectId = page.url().split('/').pop();
    await page.getByLabel('New drawing set name').fill('Architectural');
    await page.getByRole('button', { name: 'Add drawing set' }).click();
    await page.getByRole('heading', { name: /Architectural/ }).waitFor();
  });

  await step('an upload of two files interrupted by a reload half-way shows each file\'s progress from the server', async () => {
    // the second chunk of the second file never gets through: the connection hangs
    let secondFileChunks = 0;
    let hang;
    const hanging = new Promise((resolve) => (hang = resolve));
    await page.route(/\/api\/v1\/uploads\/[^/]+\/files\/1$/, (route) => {
      if (secondFileChunks++ === 0) return route.continue();
      hang(route);
    });
    await page.getByLabel(/Files of a new revision/).setInputFiles([r1, r2]);
    await page.getByLabel('Revision label').fill('Rev R');
    await page.getByRole('button', { name: 'Upload revision' }).click();
    await hanging;
    check(await panel('Rev R').getByRole('progressbar', { name: `Upload of ${basename(r1)}` }).count() === 1,
      'each file has a progress bar named after it');
    await shot('u1-uploading');

    // the reload drops the hanging chunk (given up while it is still held, it would get through)
    await page.reload();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await panel('Rev R').waitFor();
    const open = await api(`projects/${projectId}/uploads`);
    check(open.body.length === 1, `the server has one unfinished upload: ${JSON.stringify(open.body)}`);
    const [first, second] = open.body[0].files;
    check(first.received === sizeOf(r1) && second.received === 65536, `the server has all of ${basename(r1)} and 64 KB `
      + `of ${basename(r2)}: ${JSON.stringify(open.body[0].files)}`);
    for (const [file, f] of [[r1, first], [r2, second]]) {
      const bar = row('Rev R', file).getByRole('progressbar');
      check(Number(await bar.getAttribute('max')) === f.bytes && await bar.evaluate((b) => b.value) === f.received,
        `the bar of ${basename(file)} shows ${f.received} of ${f.bytes} bytes`);
    }
    check((await row('Rev R', r1).innerText()).includes('(100 %)'), 'the first file is shown whole');
    check(/64\.0 KB of .* \(\d+ %\)[\s\S]*needs the file again/.test(await row('Rev R', r2).innerText()),
      `the second file is shown part-way and asks for its file: ${await row('Rev R', r2).innerText()}`);
    const buttons = await panel('Rev R').locator('div.inline button:visible').allInnerTexts();
    check(buttons.join() === 'Cancel upload', `only cancelling is offered until the files are there: ${buttons}`);
    await shot('u2-after-reload');
  });

  await step('choosing other files says what does not match; the same files finish the upload as a revision', async () => {
    const input = page.getByLabel('Files of the upload of Rev R');
    await input.setInputFiles([{ name: 'site-photo.png', mimeType: 'image/png', buffer: Buffer.alloc(2000, 1) }]);
    await panel('Rev R').locator('.error', { hasText: "'site-photo.png' is not one of this upload's files" }).waitFor();
    await input.setInputFiles([{ name: basename(r2), mimeType: 'image/png', buffer: Buffer.alloc(2000, 1) }]);
    await panel('Rev R').locator('.error', { hasText: 'choose the same file' }).waitFor();
    await shot('u3-mismatch');

    await input.setInputFiles([r1, r2]);
    await page.locator('table.revisions td', { hasText: 'Rev R' }).first().waitFor();
    check(await panel('Rev R').count() === 0, 'the finished upload is no longer listed');
    const revisions = await api(`projects/${projectId}/revisions`);
    const files = revisions.body.items[0].files;
    check(files.length === 2 && files[1].bytes === sizeOf(r2), `the revision has both files: ${JSON.stringify(files)}`);
    check((await api(`projects/${projectId}/uploads`)).body.length === 0, 'no upload is left on the server');
    await shot('u4-revision');
  });

  await step('over a slow link: a failed chunk is retried after a wait, pause and resume from the keyboard', async () => {
    let chunks = 0;
    await page.route(/\/api\/v1\/uploads\/[^/]+\/files\/\d+$/, async (route) => {
      if (++chunks === 3) return route.abort('connectionreset');
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue().catch(() => {});
    });
    // the answer to the completion is lost: the upload is finished after a reload
    await page.route(/\/api\/v1\/uploads\/[^/]+\/complete$/, (route) => route.abort('connectionreset'));
    await page.getByLabel(/Files of a new revision/).setInputFiles([s1, s2]);
    await page.getByLabel('Revision label').fill('Rev S');
    await page.getByRole('button', { name: 'Upload revision' }).click();
    await panel('Rev S').locator('.upload-status', { hasText: /Trying again in 1 s \(attempt 2 of 7\)/ }).waitFor();
    await shot('u5-retrying');
    await panel('Rev S').locator('.upload-status', { hasText: 'Uploading' }).waitFor();

    await panel('Rev S').getByRole('button', { name: 'Pause' }).focus();
    await page.keyboard.press('Enter');
    await panel('Rev S').locator('.upload-status', { hasText: 'Paused' }).waitFor();
    await page.waitForTimeout(500); // a chunk the server was already taking may still land
    const paused = (await api(`projects/${projectId}/uploads`)).body[0].received;
    await page.waitForTimeout(1500);
    check((await api(`projects/${projectId}/uploads`)).body[0].received === paused, 'nothing is sent while paused');
    check(await panel('Rev S').getByRole('button', { name: 'Resume' }).evaluate((b) => b === document.activeElement),
      'the focus stays on the button, now Resume');
    await shot('u6-paused');
    await page.keyboard.press('Enter');
    await panel('Rev S').locator('.error', { hasText: /./ }).waitFor();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  await step('after a reload, an upload whose files have all arrived is completed without choosing them again', async () => {
    await page.reload();
    await panel('Rev S').locator('.upload-status', { hasText: 'Every file has arrived' }).waitFor();
    check(await panel('Rev S').getByLabel('Files of the upload of Rev S').isHidden(), 'no file is asked for');
    const buttons = await panel('Rev S').locator('div.inline button:visible').allInnerTexts();
    check(buttons.join() === 'Complete upload,Cancel upload', `complete or cancel: ${buttons}`);
    await shot('u7-all-received');
    await panel('Rev S').getByRole('button', { name: 'Complete upload' }).click();
    await page.locator('table.revisions td', { hasText: 'Rev S' }).first().waitFor();
  });

  await step('files already uploaded are refused before any byte is sent; an upload can be cancelled', async () => {
    await page.getByLabel(/Files of a new revision/).setInputFiles([r1, r2]);
    await page.getByLabel('Revision label').fill('Rev R again');
    await page.getByRole('button', { name: 'Upload revision' }).click();
    await page.locator('.dropzone .error', { hasText: "already uploaded as revision 'Rev R'" }).waitFor();
    await page.reload();

    await page.route(/\/api\/v1\/uploads\/[^/]+\/files\/\d+$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue().catch(() => {});
    });
    await page.getByLabel(/Files of a new revision/).setInputFiles([t1, t2]);
    await page.getByLabel('Revision label').fill('Rev T');
    await page.getByRole('button', { name: 'Upload revision' }).click();
    await panel('Rev T').locator('.upload-status', { hasText: 'Uploading' }).waitFor();
    const id = await panel('Rev T').getAttribute('data-session');
    await panel('Rev T').getByRole('button', { name: 'Cancel upload' }).click();
    await panel('Rev T').waitFor({ state: 'detached' });
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    check((await api(`uploads/${id}`)).status === 404, 'the cancelled upload is gone from the server');
    check(await page.locator('table.revisions td', { hasText: 'Rev T' }).count() === 0, 'and made no revision');
    check(await page.evaluate(() => localStorage.getItem('buildtrace.uploads')) === '[]', 'this browser forgot it');
  });

  await step('no script error on any page', async () => {
    check(pageErrors.length === 0, pageErrors.join('; '));
  });
} finally {
  await browser.close();
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
}
process.exit(counts.failed ? 1 : 0);
