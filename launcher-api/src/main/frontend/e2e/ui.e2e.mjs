// End-to-end test of the web UI in real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// signs in, creates a project and a drawing set, uploads two revisions, compares them, waits for completion,
// opens the viewer, switches views, clicks a region (which zooms to it), zooms deep into the sheet's tiles, reads
// a text change, asks a suggested question, comments, downloads the package, sees the gallery and the change
// metrics, and saves the member's notifications (e-mail unavailable without an SMTP server). Screenshots of each
// page go to BT_ARTIFACTS.
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
// API requests, counted as the rate limits count them: sheet images and tiles apart from the rest; tiles by level
const apiRequests = { images: 0, tiles: 0, other: 0 };
const tileLevels = new Map();
page.on('request', (r) => {
  const path = new URL(r.url()).pathname;
  if (!path.startsWith('/api/')) return;
  const tile = path.match(/^\/api\/v1\/comparisons\/[^/]+\/sheets\/[^/]+\/[a-z]+\/tiles(?:\/(\d+)\/\d+\/\d+)?$/);
  if (/^\/api\/v1\/comparisons\/[^/]+\/sheets\/[^/]+\/[a-z]+$/.test(path)) apiRequests.images++;
  else if (tile) {
    apiRequests.tiles++;
    if (tile[1] !== undefined) tileLevels.set(Number(tile[1]), (tileLevels.get(Number(tile[1])) ?? 0) + 1);
  } else apiRequests.other++;
});
// every tile layer on screen has drawn all its tiles of the level the zoom needs
const tilesDrawn = () => page.waitForFunction(() => {
  const layers = [...document.querySelectorAll('canvas.tiles')];
  return layers.length > 0 && layers.every((c) => c.dataset.complete === 'true' && Number(c.dataset.loaded) > 0);
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
      const rows = page.locator('.dropzone ul.files li');
      check(await rows.count() === files.length, `one row per file, saw ${await rows.count()}`);
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
    await tilesDrawn();
    check(await page.locator('.legend', { hasText: 'Only in the new sheet' }).count() === 1, 'the overlay legend is shown');
    await shot('03-viewer-overlay');
  });

  await step('click a region box: it is selected and framed, read its text change', async () => {
    const boxes = page.locator('rect.region');
    check(await boxes.count() >= 1, 'the changed sheet shows region boxes');
    // the largest region (a speck of a change is framed as closely as the largest zoom allows)
    const areas = await boxes.evaluateAll((rs) => rs.map((r) => r.width.baseVal.value * r.height.baseVal.value));
    await boxes.nth(areas.indexOf(Math.max(...areas))).dispatchEvent('click');
    check(await page.locator('rect.region.selected').count() === 1, 'the clicked region is selected');
    check(/region=r\d+/.test(page.url()), 'the address names the region');
    // the view flies to the region: its box ends up filling a good part of the pane, wholly inside it
    await page.waitForFunction(() => {
      const r = document.querySelector('rect.region.selected').getBoundingClientRect();
      const p = document.querySelector('.pane').getBoundingClientRect();
      return (r.width >= 0.4 * p.width || r.height >= 0.4 * p.height)
        && r.left >= p.left && r.right <= p.right && r.top >= p.top && r.bottom <= p.bottom;
    });
    await tilesDrawn();
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
    await tilesDrawn();
    await shot('05-viewer-slider');
    await page.locator('.slider-handle').blur();
    await page.keyboard.press('3');
    check(await page.locator('.side-by-side .pane').count() === 2, 'side by side shows two panes');
    await page.locator('.side-by-side .pane').first().hover();
    await page.mouse.wheel(0, -400);
    const transforms = await page.locator('.side-by-side .stage').evaluateAll((s) => s.map((e) => e.style.transform));
    check(transforms[0] === transforms[1] && transforms[0].includes('scale('), `panes zoom together: ${transforms}`);
    await tilesDrawn();
    await shot('06-viewer-side-by-side');
    await page.keyboard.press('1');
    await page.getByRole('checkbox', { name: 'Colour-blind-safe colours' }).check();
    await page.locator('canvas.tiles[aria-label*="colour-blind-safe"]').waitFor();
    await tilesDrawn();
    await shot('07-viewer-colour-blind-safe');
    await page.getByRole('checkbox', { name: 'Colour-blind-safe colours' }).uncheck();
  });

  await step('deep zoom to 1:1: the tiles of the full-size level on screen are asked for and drawn', async () => {
    await page.keyboard.press('0');
    const layer = page.locator('canvas.tiles').first();
    const levels = Number(await layer.getAttribute('data-levels'));
    check(levels >= 2, `the overlay has a tile pyramid (${levels} levels)`);
    // zoomed in until a pixel of the full-size image is at least a screen pixel (1:1 or closer)
    const pixelsPerImagePixel = () => page.evaluate(() => {
      const stage = document.querySelector('.stage');
      const scale = Number(stage.style.transform.match(/scale\(([\d.]+)\)/)[1]);
      return stage.offsetWidth * scale * devicePixelRatio / Number(document.querySelector('canvas.tiles').dataset.width);
    });
    const pane = await page.locator('.pane').first().boundingBox();
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    for (let i = 0; i < 60 && await pixelsPerImagePixel() < 1; i++) {
      await page.mouse.wheel(0, -240);
      await page.waitForTimeout(40);
    }
    check(await pixelsPerImagePixel() >= 1, 'zoomed in to 1:1');
    await tilesDrawn();
    check(Number(await layer.getAttribute('data-level')) === levels - 1, 'the full-size level is shown');
    const shown = await layer.evaluate((c) => ({ wanted: Number(c.dataset.wanted), loaded: Number(c.dataset.loaded) }));
    check(shown.wanted > 0 && shown.loaded === shown.wanted, `every tile on screen is drawn: ${JSON.stringify(shown)}`);
    check((tileLevels.get(levels - 1) ?? 0) >= shown.wanted, `tiles of level ${levels - 1} were asked for: ${[...tileLevels]}`);
    await shot('15-viewer-deep-zoom');
    await page.keyboard.press('0');
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

  await step('notifications panel: the member\'s own choice; e-mail off without an SMTP server', async () => {
    await page.goto(comparisonUrl);
    await page.getByRole('link', { name: 'Project', exact: true }).click();
    const panel = page.locator('details.notifications');
    await panel.locator('summary').click();
    await panel.getByText('no SMTP server is configured').waitFor();
    check(await panel.getByLabel(/by e-mail/).isDisabled(), 'e-mail cannot be turned on without an SMTP server');
    await panel.getByLabel('failed', { exact: true }).uncheck();
    await panel.getByRole('button', { name: 'Save notifications' }).click();
    await panel.getByText('Saved.').waitFor();
    check(!(await panel.getByLabel('failed', { exact: true }).isChecked()), 'the saved choice is shown');
    await shot('14-project-notifications');
  });

  await step('layout at 1366×768 and on a 4K screen: nothing wider than the window', async () => {
    await page.goto(comparisonUrl);
    for (const [width, height, name] of [[1366, 768, '11-viewer-1366'], [3840, 2160, '12-viewer-4k']]) {
      await page.setViewportSize({ width, height });
      await tilesDrawn();
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
  console.log(`API requests: ${apiRequests.other}, sheet images: ${apiRequests.images}, tiles: ${apiRequests.tiles} `
    + `(by level: ${[...tileLevels].sort((a, b) => a[0] - b[0]).map(([l, n]) => `${l}: ${n}`).join(', ')})`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
}
process.exit(counts.failed ? 1 : 0);
