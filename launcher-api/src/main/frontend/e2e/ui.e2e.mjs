// End-to-end test of the web UI in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// signs in, creates a project and a drawing set, uploads two revisions, compares them, waits for completion,
// opens the viewer, switches views, clicks a region, reads a text change, asks a suggested question, comments,
// downloads the package, and sees the gallery. Screenshots of each page go to BT_ARTIFACTS.
//   BT_BASE_URL   the running application (http://localhost:PORT)
//   BT_OLD_PDF, BT_NEW_PDF   the two revisions (BT_NEW_PDF may list several files separated by the path separator)
//   BT_ARTIFACTS  folder for screenshots (default target/e2e)
//   BT_CHROMIUM   the browser (default /usr/bin/chromium)
//   BT_EXPECT_CHAT  "answer" (an AI model answers) or "unavailable" (no AI key: the UI says so)
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { check, launch, steps } from './harness.mjs';

const base = process.env.BT_BASE_URL ?? 'http://localhost:8080';
const artifacts = process.env.BT_ARTIFACTS ?? 'target/e2e';
const oldFiles = (process.env.BT_OLD_PDF ?? '').split(delimiter).filter(Boolean);
const newFiles = (process.env.BT_NEW_PDF ?? '').split(delimiter).filter(Boolean);
const expectChat = process.env.BT_EXPECT_CHAT ?? 'unavailable';
if (!oldFiles.length || !newFiles.length) throw new Error('set BT_OLD_PDF and BT_NEW_PDF');

const { step, counts } = steps(artifacts, () => page);
const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.setDefaultTimeout(20_000);
// API requests, counted as the rate limits count them: sheet images apart from the rest
const apiRequests = { images: 0, other: 0 };
page.on('request', (r) => {
  const path = new URL(r.url()).pathname;
  if (!path.startsWith('/api/')) return;
  if (/^\/api\/v1\/comparisons\/[^/]+\/sheets\/[^/]+\/[a-z]+$/.test(path)) apiRequests.images++;
  else apiRequests.other++;
});
const shot = (name) => page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: false });
const project = `Clinic ${Date.now()}`;
let comparisonUrl = '';

try {
  await step('sign-in page, development sign-in', async () => {
    await page.goto(base + '/');
    await page.getByRole('button', { name: 'Development sign-in' }).waitFor();
    await shot('01-sign-in');
    await page.getByRole('button', { name: 'Development sign-in' }).click();
    await page.getByRole('heading', { name: 'Projects' }).waitFor();
  });

  await step('projects list, new project and drawing set', async () => {
    await page.getByLabel('New project name').fill(project);
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: project }).waitFor();
    await page.getByLabel('New drawing set name').fill('Architectural');
    await page.getByRole('button', { name: 'Add drawing set' }).click();
    await page.getByRole('heading', { name: /Architectural/ }).waitFor();
  });

  for (const [label, files] of [['Rev A', oldFiles], ['Rev B', newFiles]]) {
    await step(`upload ${label} (${files.length} file${files.length > 1 ? 's' : ''}) with per-file progress`, async () => {
      await page.getByLabel(/Files of a new revision/).setInputFiles(files);
      const bars = page.locator('.dropzone progress');
      check(await bars.count() === files.length, `one progress bar per file, saw ${await bars.count()}`);
      await page.getByLabel('Revision label').fill(label);
      await page.getByRole('button', { name: 'Upload revision' }).click();
      await page.locator('table.revisions td', { hasText: label }).first().waitFor();
    });
  }
  await shot('02-project');

  await step('compare with previous revision, live progress, completion', async () => {
    await page.getByRole('button', { name: 'Compare with Rev A' }).click();
    await page.waitForURL(/#\/comparisons\/[0-9a-f-]+/);
    comparisonUrl = page.url().split('?')[0];
    await page.locator('.sheet-list button.sheet').first().waitFor({ timeout: 180_000 });
    check(await page.locator('.viewer-head .badge[data-status="completed"]').count() === 1, 'the comparison completed');
  });

  await step('viewer: overlay with legend, most changed sheet first', async () => {
    const first = page.locator('.sheet-list button.sheet').first();
    check(await first.getAttribute('data-status') === 'changed', 'a changed sheet is ranked first');
    check(await first.getAttribute('aria-current') === 'true', 'the most changed sheet is shown first');
    await page.waitForFunction(() => {
      const img = document.querySelector('.stage img');
      return img && img.complete && img.naturalWidth > 0;
    });
    check(await page.locator('.legend', { hasText: 'Only in the new sheet' }).count() === 1, 'the overlay legend is shown');
    await shot('03-viewer-overlay');
  });

  await step('click a region box, read its text change', async () => {
    const box = page.locator('rect.region').first();
    check(await box.count() === 1, 'the changed sheet shows region boxes');
    await box.dispatchEvent('click');
    check(await page.locator('rect.region.selected').count() === 1, 'the clicked region is selected');
    check(/region=r\d+/.test(page.url()), 'the address names the region');
    const text = page.locator('.text-changes li').first();
    await text.waitFor();
    const content = await text.innerText();
    check(/→|added|removed|replaced/.test(content), `a text change reads old → new: ${content}`);
    await shot('04-viewer-region');
  });

  await step('keyboard: views and regions', async () => {
    await page.locator('main').focus();
    await page.keyboard.press('n');
    check(await page.locator('rect.region.selected').count() === 1, 'n selects a region');
    await page.keyboard.press('2');
    await page.locator('.slider-handle').waitFor();
    await page.locator('.slider-handle').fill('30');
    await shot('05-viewer-slider');
    await page.locator('.slider-handle').blur();
    await page.keyboard.press('3');
    check(await page.locator('.side-by-side .pane').count() === 2, 'side by side shows two panes');
    await page.locator('.side-by-side .pane').first().hover();
    await page.mouse.wheel(0, -400);
    const transforms = await page.locator('.side-by-side .stage').evaluateAll((s) => s.map((e) => e.style.transform));
    check(transforms[0] === transforms[1] && transforms[0].includes('scale('), `panes zoom together: ${transforms}`);
    await shot('06-viewer-side-by-side');
    await page.keyboard.press('1');
    await page.getByRole('checkbox', { name: 'Colour-blind-safe colours' }).check();
    await page.locator('.stage canvas').waitFor();
    await shot('07-viewer-colour-blind-safe');
    await page.getByRole('checkbox', { name: 'Colour-blind-safe colours' }).uncheck();
  });

  await step('summary, chat with suggested questions', async () => {
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.locator('.summary p').first().waitFor();
    await page.getByRole('tab', { name: 'Chat' }).click();
    const suggestion = page.locator('button.suggestion').first();
    await suggestion.waitFor();
    await suggestion.click();
    if (expectChat === 'answer') {
      await page.waitForFunction(() => [...document.querySelectorAll('.msg.assistant')].some((m) => m.textContent && m.textContent !== '…'));
    } else {
      await page.locator('.chat .error', { hasText: /./ }).waitFor();
    }
    await shot('08-viewer-chat');
  });

  await step('comment on the sheet', async () => {
    await page.getByRole('tab', { name: 'Comments' }).click();
    await page.getByRole('textbox', { name: 'Comment' }).fill('Door moved: check the hardware schedule.');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.locator('.comment-list li', { hasText: 'Door moved' }).waitFor();
    await shot('09-viewer-comments');
  });

  await step('download the package', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download package/ }).click(),
    ]);
    const path = join(artifacts, 'package.zip');
    await download.saveAs(path);
    const bytes = readFileSync(path);
    check(bytes.length > 1000 && bytes[0] === 0x50 && bytes[1] === 0x4b, `the package is a ZIP (${bytes.length} bytes)`);
  });

  await step('recent comparisons gallery', async () => {
    await page.getByRole('link', { name: 'Recent comparisons' }).click();
    const tile = page.locator(`.tile a[href="#/comparisons/${comparisonUrl.split('/').pop()}"]`);
    await tile.waitFor();
    // this comparison's thumbnail (other tiles may be of comparisons whose images another server stored)
    await tile.locator('img').evaluate((img) => img.complete && img.naturalWidth > 0
      || new Promise((resolve, reject) => { img.onload = resolve; img.onerror = () => reject(new Error('thumbnail')); }));
    check((await tile.innerText()).includes('completed'), 'the tile shows its status');
    await shot('10-comparisons');
  });

  await step('change metrics of the project', async () => {
    await page.goto(comparisonUrl);
    await page.getByRole('link', { name: 'Project', exact: true }).click();
    await page.getByRole('link', { name: 'Change metrics' }).click();
    await page.getByRole('heading', { name: /change metrics/ }).waitFor();
    for (const chart of ['Comparisons per week', 'Sheets per comparison', 'Processing time (seconds)']) {
      check(await page.getByRole('img', { name: chart }).count() === 1, `the chart "${chart}" is drawn`);
    }
    check(await page.locator('figure.chart svg rect').count() >= 3, 'the charts have bars');
    await shot('13-project-metrics');
  });

  await step('layout at 1366×768 and on a 4K screen: nothing wider than the window', async () => {
    await page.goto(comparisonUrl);
    for (const [width, height, name] of [[1366, 768, '11-viewer-1366'], [3840, 2160, '12-viewer-4k']]) {
      await page.setViewportSize({ width, height });
      await page.waitForFunction(() => {
        const img = document.querySelector('.stage img');
        return img && img.complete && img.naturalWidth > 0;
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(overflow <= 0, `at ${width}×${height} the page is ${overflow}px wider than the window`);
      await shot(name);
    }
  });

  await step('no script error on any page', async () => {
    check(pageErrors.length === 0, pageErrors.join('; '));
  });
} finally {
  await browser.close();
  console.log(`API requests: ${apiRequests.other}, sheet images: ${apiRequests.images}`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
}
process.exit(counts.failed ? 1 : 0);
