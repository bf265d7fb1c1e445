import { get, type Comparison, type Page, type Project, type Revision } from '../api';
import { clear, h, type Child } from '../dom';
import type { PageContext } from '../main';
import { keepFocus, message, timeAgo } from '../ui';
import type { Member } from './members';
import { projectHeader } from './projectNav';
import { describeSchedule } from './settings';

/** One entry of GET /projects/{p}/activity. */
export interface ActivityEntry {
  id: number; projectId: string | null; userId: string; userEmail: string | null; action: string;
  detail: Record<string, unknown>; ip: string | null; at: string;
}

const PAGE_SIZE = 50;

/** The kinds a reader filters by, each the actions it stands for (the API's ?action=). */
const KINDS: { kind: string; label: string; actions: string[] }[] = [
  { kind: 'all', label: 'Everything', actions: [] },
  { kind: 'drawings', label: 'Uploads', actions: ['revision_uploaded'] },
  { kind: 'comparisons', label: 'Comparisons', actions: ['comparison_launched', 'comparison_cancelled', 'comparison_restarted'] },
  { kind: 'summaries', label: 'Summaries', actions: ['summary_edited', 'summary_regenerated'] },
  { kind: 'comments', label: 'Comments', actions: ['comment_added', 'comment_edited', 'comment_deleted'] },
  { kind: 'members', label: 'Members', actions: ['member_added', 'member_invited', 'member_role_changed', 'member_removed'] },
  { kind: 'settings', label: 'Project settings', actions: ['project_created', 'project_updated', 'project_deleted'] },
  { kind: 'webhooks', label: 'Webhooks', actions: ['webhook_created', 'webhook_deleted', 'webhook_disabled', 'webhook_enabled'] },
  { kind: 'keys', label: 'API keys', actions: ['api_key_created', 'api_key_revoked'] },
];

/** A project's activity, newest first, a page at a time, grouped by day; filtered by kind. */
export async function activityPage(ctx: PageContext, projectId: string, params: URLSearchParams): Promise<void> {
  const none = { items: [], page: 0, size: 0, total: 0 };
  const [project, members, comparisons, revisions] = await Promise.all([
    get<Project>(`projects/${projectId}`),
    get<Member[]>(`projects/${projectId}/members`).catch(() => [] as Member[]),
    get<Page<Comparison>>(`comparisons?projectId=${projectId}&page=0&size=100`).catch(() => none as Page<Comparison>),
    get<Page<Revision>>(`projects/${projectId}/revisions?page=0&size=100`).catch(() => none as Page<Revision>),
  ]);
  // what the entries name by id, named as people know them (the latest 100 comparisons and revisions)
  const names: Names = {
    people: new Map(members.filter((m) => m.userId).map((m) => [m.userId!, m.name ?? m.email])),
    comparisons: new Map(comparisons.items.map((c) => [c.id,
      `${c.newRevision.setName}: ${c.oldRevision.label || 'old'} → ${c.newRevision.label || 'new'}`])),
    revisions: new Map(revisions.items.map((r) => [r.id, `${r.label || `revision ${r.seq}`} of ${r.setName}`])),
  };
  let kind = KINDS.find((k) => k.kind === params.get('kind')) ?? KINDS[0];
  let page = Math.max(0, Number(params.get('page') ?? '1') - 1 || 0);
  const filter = h('select', { id: 'activity-kind' }, KINDS.map((k) => h('option', { value: k.kind, selected: k === kind }, k.label)));
  const feed = h('div.feed', { 'aria-live': 'polite', 'aria-busy': 'true' });
  const pager = h('nav.pager', { 'aria-label': 'Pages of the activity' });
  const error = h('p.error', { role: 'alert' });

  const load = async () => {
    history.replaceState(null, '', `#/projects/${projectId}/activity?${new URLSearchParams({
      ...(kind.kind === 'all' ? {} : { kind: kind.kind }), ...(page ? { page: String(page + 1) } : {}) })}`);
    feed.setAttribute('aria-busy', 'true');
    error.textContent = '';
    try {
      const q = new URLSearchParams({ page: String(page), size: String(PAGE_SIZE) });
      if (kind.actions.length) q.set('action', kind.actions.join(','));
      const result = await get<Page<ActivityEntry>>(`projects/${projectId}/activity?${q}`);
      keepFocus(pager, () => render(result));
    } catch (e) {
      error.textContent = message(e);
    } finally {
      feed.setAttribute('aria-busy', 'false');
    }
  };
  const render = (result: Page<ActivityEntry>) => {
    clear(feed);
    clear(pager);
    if (result.items.length === 0) {
      feed.append(h('p.muted', {}, kind.kind === 'all' ? 'Nothing has happened in this project yet.' : `No ${kind.label.toLowerCase()} activity yet.`));
    }
    let day = '';
    let list: HTMLElement | null = null;
    for (const entry of result.items) {
      const d = dayOf(entry.at);
      if (d !== day) {
        day = d;
        list = h('ol.events');
        feed.append(h('h2.day', {}, d), list);
      }
      list!.append(h('li.event', { dataset: { action: entry.action, kind: kindOf(entry.action) } },
        h('span.dot', { 'aria-hidden': 'true' }),
        h('p', {}, h('strong', {}, actor(entry, names)), ' ', describe(entry, names)),
        timeAgo(entry.at)));
    }
    const first = result.page * result.size + 1;
    const last = result.page * result.size + result.items.length;
    pager.append(
      h('button', { type: 'button', disabled: result.page === 0, dataset: { focusKey: 'newer' }, onclick: () => { page -= 1; void load(); } }, '← Newer'),
      h('span.muted', {}, result.total ? `${first}–${last} of ${result.total}` : ''),
      h('button', { type: 'button', disabled: last >= result.total, dataset: { focusKey: 'older' }, onclick: () => { page += 1; void load(); } }, 'Older →'));
  };
  filter.addEventListener('change', () => {
    kind = KINDS.find((k) => k.kind === filter.value) ?? KINDS[0];
    page = 0;
    void load();
  });
  ctx.root.append(...projectHeader(project, 'activity', `${project.name}: activity`),
    h('div.inline', {}, h('label', { for: 'activity-kind' }, 'Show'), filter),
    error, h('section.panel', { 'aria-label': 'Activity' }, feed), pager);
  await load();
}

function kindOf(action: string): string {
  return KINDS.find((k) => k.actions.includes(action))?.kind ?? 'other';
}

function dayOf(iso: string): string {
  const d = new Date(iso);
  const today = new Date();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (d.toDateString() === today.toDateString()) return 'Today';
  if (d.toDateString() === yesterday.toDateString()) return 'Yesterday';
  return d.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** Names of what entries refer to by id: people, comparisons, revisions. */
interface Names { people: Map<string, string>; comparisons: Map<string, string>; revisions: Map<string, string> }

function actor(e: ActivityEntry, names: Names): string {
  if (e.userId === 'system') return 'BuildTrace';
  return names.people.get(e.userId) ?? e.userEmail ?? 'Someone';
}

/** What happened, in words, with links to what it concerns. */
function describe(e: ActivityEntry, names: Names): Child[] {
  const d = e.detail ?? {};
  const s = (k: string) => (d[k] === undefined || d[k] === null ? '' : String(d[k]));
  const id = s('comparisonId');
  const link = (text: string) => (id ? h('a', { href: `#/comparisons/${id}` }, text) : text);
  /** "the running comparison Structural: S-A → S-B", or "a running comparison" when it is not among the latest. */
  const comparison = (kind = ''): Child[] => {
    const label = names.comparisons.get(id);
    return label ? [`the ${kind}comparison `, link(label)] : [`a ${kind}`, link('comparison')];
  };
  const member = () => names.people.get(s('userId') || s('member')) ?? (s('email') || s('member'));
  switch (e.action) {
    case 'project_created': return [`created the project “${s('name')}”`];
    case 'project_updated': return [changes(d)];
    case 'project_deleted': return ['deleted the project'];
    case 'revision_uploaded': return ['uploaded ', h('a', { href: `#/projects/${e.projectId}` },
      names.revisions.get(s('revisionId')) ?? 'a revision')];
    case 'comparison_launched': {
      const by = s('trigger') === 'upload' ? ' (on upload)' : s('trigger') === 'schedule' ? ' (on schedule)' : '';
      return ['launched ', ...comparison(), by];
    }
    case 'comparison_cancelled': {
      const done = Number(d.sheetsDone ?? 0);
      const total = Number(d.sheetsTotal ?? 0);
      return ['cancelled ', ...comparison(s('was') === 'queued' ? 'queued ' : 'running '),
        s('was') !== 'queued' && total ? ` after ${done} of ${total} sheets` : ''];
    }
    case 'comparison_restarted':
      return s('was') === 'completed'
        ? [`retried the ${s('failedSheets')} failed sheet${s('failedSheets') === '1' ? '' : 's'} of `, ...comparison()]
        : ['restarted ', ...comparison(s('was') === 'failed' ? 'failed ' : 'cancelled ')];
    case 'summary_edited': return ['edited the summary of ', ...comparison(), s('version') ? ` (version ${s('version')})` : ''];
    case 'summary_regenerated': return ['regenerated the summary of ', ...comparison()];
    case 'comment_added':
    case 'comment_edited':
    case 'comment_deleted': {
      const verb = e.action === 'comment_added' ? 'commented on' : e.action === 'comment_edited' ? 'edited a comment on' : 'deleted a comment on';
      const label = names.comparisons.get(id) ?? 'a comparison';
      const where = id ? h('a', {
        href: `#/comparisons/${id}${s('sheet') ? `?sheet=${s('sheet')}${s('regionId') ? `&region=${s('regionId')}` : ''}` : ''}`,
      }, s('regionId') ? `region ${s('regionId')} of ${label}` : s('sheet') ? `a sheet of ${label}` : label) : 'a comparison';
      return [`${verb} `, where];
    }
    case 'member_added': return [`added ${member()} as ${s('role')}`];
    case 'member_invited': return [`invited ${s('email')} as ${s('role')}`];
    case 'member_role_changed': return [`changed the role of ${member()} from ${s('from')} to ${s('to')}`];
    case 'member_removed':
      return s('member') === e.userId ? ['left the project'] : [`removed ${member()} (${s('role')})`];
    case 'webhook_created': return ['added a webhook to ', h('code', {}, s('url')),
      Array.isArray(d.events) ? ` for ${(d.events as string[]).join(' and ')}` : ''];
    case 'webhook_deleted': return ['deleted the webhook to ', h('code', {}, s('url'))];
    case 'webhook_disabled': return ['disabled the webhook to ', h('code', {}, s('url')),
      ` after ${s('consecutiveFailures')} failed deliveries in a row`, s('lastError') ? ` (last: ${s('lastError')})` : ''];
    case 'webhook_enabled': return ['enabled the webhook to ', h('code', {}, s('url')), ' again'];
    case 'api_key_created': return [`created the API key “${s('name')}”, which reaches this project`];
    case 'api_key_revoked': return [`revoked the API key${s('name') ? ` “${s('name')}”` : ''}`];
    default: return [e.action.replace(/_/g, ' ')];
  }
}

/** A settings change: each setting from and to. */
function changes(d: Record<string, unknown>): string {
  const parts: string[] = [];
  const c = d as Record<string, { from: unknown; to: unknown } | undefined>;
  if (c.name) parts.push(`renamed the project from “${c.name.from}” to “${c.name.to}”`);
  if (c.compareOnUpload) parts.push(`turned compare on upload ${c.compareOnUpload.to ? 'on' : 'off'}`);
  if (c.compareSchedule) {
    parts.push(c.compareSchedule.to
      ? `set the comparison schedule to ${describeSchedule(String(c.compareSchedule.to))}`
      : 'removed the comparison schedule');
  }
  return parts.length ? parts.join('; ') : 'changed the project settings';
}
