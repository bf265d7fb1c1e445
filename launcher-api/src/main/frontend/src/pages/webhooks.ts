import { get, send, type Project } from '../api';
import { clear, formatTime, h } from '../dom';
import type { PageContext } from '../main';
import { confirmDialog, keepFocus, message, secretOnce, timeAgo } from '../ui';
import { projectHeader } from './projectNav';

interface Webhook {
  id: string; url: string; events: string[]; secret: string | null; enabled: boolean; consecutiveFailures: number;
  createdBy: string; createdAt: string; disabledAt: string | null;
}
interface Attempt { attempt: number; at: string; statusCode: number | null; durationMs: number; error: string | null }
interface Delivery {
  id: string; event: string; comparisonId: string | null; status: string; nextAttemptAt: string | null;
  createdAt: string; finishedAt: string | null; attempts: Attempt[];
}

const EVENTS = [['comparison.completed', 'a comparison completed'], ['comparison.failed', 'a comparison failed']] as const;
/** How often an open delivery log is read again while a delivery is pending. */
const POLL_MS = 2000;

/**
 * A project's webhooks, for owners: add one (its signing secret shown once), send a test ping, read each
 * one's deliveries with every attempt, enable one disabled after repeated failures, delete one.
 */
export async function webhooksPage(ctx: PageContext, projectId: string): Promise<void> {
  const project = await get<Project>(`projects/${projectId}`);
  ctx.root.append(...projectHeader(project, 'webhooks', `${project.name}: webhooks`));
  if (project.role !== 'owner') {
    ctx.root.append(h('p.muted', {}, 'Only the project\'s owners manage its webhooks.'));
    return;
  }
  const base = `projects/${projectId}/webhooks`;
  let hooks = await get<Webhook[]>(base);
  const list = h('div.webhooks');
  const created = h('div');
  const status = h('p.status', { role: 'status', tabindex: -1 });
  const error = h('p.error', { role: 'alert' });
  const open = new Set<string>();
  const timers = new Map<string, number>();
  ctx.onLeave(() => timers.forEach((t) => window.clearTimeout(t)));
  const say = (text: string, failed = false) => {
    status.textContent = failed ? '' : text;
    error.textContent = failed ? text : '';
  };
  const reload = async () => {
    hooks = await get<Webhook[]>(base);
    keepFocus(list, render);
  };

  const render = () => {
    clear(list);
    if (hooks.length === 0) list.append(h('p.muted', {}, 'No webhooks yet.'));
    for (const w of hooks) {
      const deliveries = h('div.deliveries', { id: `deliveries-${w.id}`, hidden: !open.has(w.id) });
      const toggle = h('button', {
        type: 'button', 'aria-expanded': String(open.has(w.id)), 'aria-controls': deliveries.id, dataset: { focusKey: `log-${w.id}` },
        onclick: () => {
          if (open.has(w.id)) open.delete(w.id);
          else open.add(w.id);
          toggle.setAttribute('aria-expanded', String(open.has(w.id)));
          deliveries.hidden = !open.has(w.id);
          if (open.has(w.id)) void showDeliveries(w, deliveries);
        },
      }, 'Deliveries');
      const action = async (path: string, done: string) => {
        try {
          await send('POST', `${base}/${w.id}/${path}`, {});
          say(done);
          open.add(w.id);
          await reload();
        } catch (e) {
          say(message(e), true);
        }
      };
      list.append(h('article.panel.webhook', { 'aria-label': `Webhook to ${w.url}`, dataset: { enabled: String(w.enabled) } },
        h('div.webhook-head', {},
          h('code.url', {}, w.url),
          w.enabled ? h('span.badge.active', {}, 'enabled') : h('span.badge', { dataset: { status: 'failed' } }, 'disabled')),
        h('p.muted', {}, `On ${w.events.map((e) => EVENTS.find(([k]) => k === e)?.[1] ?? e).join(' and ')} · added `, timeAgo(w.createdAt),
          w.consecutiveFailures ? ` · ${w.consecutiveFailures} failed attempt${w.consecutiveFailures === 1 ? '' : 's'} in a row` : ''),
        w.enabled ? null : h('p.error', {}, `Disabled ${w.disabledAt ? formatTime(w.disabledAt) : ''} after repeated failed deliveries: nothing is sent to it until it is enabled again.`),
        h('div.inline', {},
          toggle,
          w.enabled
            ? h('button', { type: 'button', dataset: { focusKey: `ping-${w.id}` }, onclick: () => void action('ping', `A ping is on its way to ${w.url}.`) }, 'Send test ping')
            : h('button.primary', { type: 'button', dataset: { focusKey: `ping-${w.id}` }, onclick: () => void action('enable', `The webhook to ${w.url} is enabled again.`) }, 'Enable again'),
          h('button.danger-outline', {
            type: 'button', 'aria-label': `Delete the webhook to ${w.url}`,
            onclick: async () => {
              const ok = await confirmDialog({
                title: 'Delete this webhook?',
                body: h('p', {}, 'Nothing more is delivered to ', h('code', {}, w.url), '; deliveries not yet made are dropped.'),
                confirm: 'Delete webhook', danger: true,
              });
              if (!ok) return;
              try {
                await send('DELETE', `${base}/${w.id}`);
                open.delete(w.id);
                say(`The webhook to ${w.url} is deleted.`);
                await reload();
                status.focus();
              } catch (e) {
                say(message(e), true);
              }
            },
          }, 'Delete')),
        deliveries));
      if (open.has(w.id)) void showDeliveries(w, deliveries);
    }
  };

  /** The delivery log of a webhook, read again every 2 s while a delivery is pending. */
  const showDeliveries = async (w: Webhook, into: HTMLElement) => {
    window.clearTimeout(timers.get(w.id));
    try {
      const items = await get<Delivery[]>(`${base}/${w.id}/deliveries?limit=20`);
      clear(into);
      into.append(items.length === 0 ? h('p.muted', {}, 'Nothing delivered yet: send a test ping.') : h('table.deliveries', {},
        h('caption.sr-only', {}, `Deliveries to ${w.url}, newest first`),
        h('thead', {}, h('tr', {}, ['Event', 'Status', 'Queued', 'Attempts'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map((d) => h('tr', { dataset: { status: d.status } },
          h('td', {}, d.event, d.comparisonId ? h('div', {}, h('a', { href: `#/comparisons/${d.comparisonId}` }, 'the comparison')) : null),
          h('td', {}, h('span.badge', { dataset: { status: d.status === 'delivered' ? 'completed' : d.status === 'pending' ? 'queued' : 'failed' } }, d.status),
            d.status === 'pending' && d.nextAttemptAt ? h('div.muted', {}, 'next try ', timeAgo(d.nextAttemptAt)) : null),
          h('td', {}, timeAgo(d.createdAt)),
          h('td', {}, d.attempts.length === 0 ? h('span.muted', {}, 'none yet') : h('ol.attempts', {}, d.attempts.map((a) =>
            h('li', {}, a.statusCode ? h('span', { class: a.statusCode < 300 ? 'ok' : 'bad' }, `HTTP ${a.statusCode}`) : h('span.bad', {}, 'no answer'),
              ` in ${a.durationMs} ms · `, timeAgo(a.at), a.error ? h('div.muted', {}, a.error) : null)))))))));
      const pending = items.some((d) => d.status === 'pending');
      if (pending && into.isConnected) {
        timers.set(w.id, window.setTimeout(() => void showDeliveries(w, into), POLL_MS));
      } else if (timers.has(w.id) && into.isConnected) {
        // the last delivery under way ended: the webhook's failures (or its being disabled) changed with it
        timers.delete(w.id);
        await reload();
      }
    } catch (e) {
      clear(into);
      into.append(h('p.error', {}, message(e)));
    }
  };

  const url = h('input', { type: 'url', id: 'webhook-url', required: true, maxlength: 2000, placeholder: 'https://example.com/buildtrace-events' });
  const events = EVENTS.map(([e]) => h('input', { type: 'checkbox', value: e, checked: true }));
  const form = h('form.panel', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      const chosen = events.filter((b) => b.checked).map((b) => b.value);
      if (chosen.length === 0) {
        say('Choose at least one event.', true);
        return;
      }
      try {
        const hook = await send<Webhook>('POST', base, { url: url.value.trim(), events: chosen });
        url.value = '';
        say('');
        clear(created);
        created.append(h('section.panel.created', { 'aria-label': 'New webhook' },
          secretOnce('Signing secret', hook.secret ?? '', `of the webhook to ${hook.url}. Copy it now: it is shown only this once. Check the BuildTrace-Signature header of each delivery with it.`),
          h('button', { type: 'button', onclick: () => clear(created) }, 'Done, I have copied it')));
        await reload();
        created.querySelector<HTMLInputElement>('input.secret')?.focus();
      } catch (err) {
        say(message(err), true);
      }
    },
  },
  h('h2', {}, 'Add a webhook'),
  h('label.field', { for: 'webhook-url' }, 'URL (https)'), url,
  h('fieldset', {}, h('legend', {}, 'Send a POST when'), EVENTS.map(([, label], i) => h('label.check', {}, events[i], ` ${label}`))),
  h('p.muted', {}, 'Each delivery is signed (BuildTrace-Signature, HMAC-SHA256 with the secret); a failed one is tried again later (by default after 30 s, 2 min, 10 min and 1 h), and a webhook is disabled after repeated failed attempts (10 in a row by default).'),
  h('button.primary', { type: 'submit' }, 'Add webhook'));

  render();
  ctx.root.append(created, status, error,
    h('div.two-col', {}, h('section', { 'aria-label': 'Webhooks' }, list), form));
}
