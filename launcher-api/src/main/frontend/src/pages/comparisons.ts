import { get, type Comparison, type Page, type Project } from '../api';
import { comparisonActions, knownRoles } from '../comparisonActions';
import { clear, formatDuration, formatTime, h } from '../dom';
import type { PageContext } from '../main';
import { keepFocus, projectOf } from '../ui';
import { projectHeader } from './projectNav';

const ACTIVE = new Set(['queued', 'running']);
/** Every 3 s while something runs: 20 requests a minute, well within the API's 60. */
const POLL_MS = 3000;

/** Recent comparisons as a gallery: thumbnail, status, sheet counts, time; live progress while running. */
export async function comparisonsPage(ctx: PageContext, projectId: string | null): Promise<void> {
  const status = h('select', { 'aria-label': 'Status' },
    ['', 'queued', 'running', 'completed', 'failed', 'cancelled'].map((s) => h('option', { value: s }, s || 'any status')));
  const gallery = h('ul.gallery', { 'aria-label': 'Comparisons', 'aria-live': 'polite' });
  const project = projectId ? await projectOf(projectId) : null;
  knownRoles(project ? [project] : (await get<Page<Project>>('projects?page=0&size=100')).items);
  ctx.root.append(...(project ? projectHeader(project, 'comparisons', `${project.name}: comparisons`) : [h('h1', {}, 'Recent comparisons')]),
    h('div.inline', {}, status), gallery);
  let timer: number | undefined;
  ctx.onLeave(() => window.clearTimeout(timer));
  const load = async () => {
    const q = new URLSearchParams({ page: '0', size: '48' });
    if (projectId) q.set('projectId', projectId);
    if (status.value) q.set('status', status.value);
    const page = await get<Page<Comparison>>(`comparisons?${q}`);
    keepFocus(gallery, () => render(gallery, page.items, () => void load()));
    window.clearTimeout(timer);
    if (page.items.some((c) => ACTIVE.has(c.status))) {
      timer = window.setTimeout(() => void load().catch(() => undefined), POLL_MS);
    }
  };
  status.addEventListener('change', () => void load());
  await load();
}

function render(gallery: HTMLElement, items: Comparison[], changed: () => void): void {
  clear(gallery);
  if (items.length === 0) {
    gallery.append(h('li.muted', {}, 'No comparisons yet: on a project page, compare a revision with the previous one.'));
  }
  for (const c of items) {
    const counts = c.counts ?? {};
    gallery.append(h('li.tile', { dataset: { status: c.status } },
      h('a', { href: `#/comparisons/${c.id}`, 'aria-label': `${c.newRevision.setName}: ${label(c)}`, dataset: { focusKey: `open-${c.id}` } },
        h('div.thumb', {}, c.thumbnailUrl
          ? h('img', { src: c.thumbnailUrl, alt: '', loading: 'lazy', width: 320, height: 200 })
          : h('span.muted', {}, c.status === 'completed' ? 'no changed sheet' : c.status)),
        h('div.tile-body', {},
          h('strong', {}, c.newRevision.setName),
          h('div', {}, label(c)),
          h('div', {}, h('span.badge', { dataset: { status: c.status } }, c.status),
            ACTIVE.has(c.status) ? h('progress', { max: 100, value: c.progress.percent, 'aria-label': 'Progress' }) : null,
            ACTIVE.has(c.status) ? h('span.muted', {}, ` ${c.progress.sheetsDone}/${c.progress.sheetsTotal} sheets`) : null),
          h('div.counts', {},
            h('span.changed', {}, `${counts.changed ?? 0} changed`), ' · ',
            h('span.added', {}, `${counts.added ?? 0} added`), ' · ',
            h('span.removed', {}, `${counts.removed ?? 0} removed`),
            counts.failed ? h('span.failed', {}, ` · ${counts.failed} failed`) : null),
          h('div.muted', {}, formatTime(c.createdAt), c.durationSeconds !== null ? ` · ${formatDuration(c.durationSeconds)}` : ''))),
      h('div.tile-actions', {}, comparisonActions(c, changed, true))));
  }
}

export function label(c: Comparison): string {
  return `${c.oldRevision.label || 'old'} → ${c.newRevision.label || 'new'}`;
}
