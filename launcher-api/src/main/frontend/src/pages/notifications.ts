import { get, send, type Project } from '../api';
import { clear, formatTime, h } from '../dom';

/** GET /projects/{id}/notifications: the caller's own choice, nobody else's. */
interface NotificationSettings {
  projectId: string; events: string[]; onlyWhenChanged: boolean;
  email: { enabled: boolean; address: string | null; available: boolean; unavailableReason: string | null };
  slack: { enabled: boolean; webhookUrl: string | null; allowedHosts: string[] };
  updatedAt: string | null;
}
interface DeliveryAttempt { attempt: number; at: string; statusCode: number | null; durationMs: number; error: string | null }
interface NotificationDelivery {
  id: string; channel: string; event: string; comparisonId: string | null; recipient: string; subject: string;
  status: string; note: string | null; createdAt: string; finishedAt: string | null; attempts: DeliveryAttempt[];
}

const COMPLETED = 'comparison.completed';
const FAILED = 'comparison.failed';

/**
 * The "Notifications" panel of a project page: which comparison events reach the signed-in member, by e-mail
 * and/or Slack, a test message, and what was sent lately. Any member, viewers included, sets their own.
 */
export async function notificationsPanel(project: Project): Promise<HTMLElement> {
  const panel = h('details.notifications', {
    'aria-label': 'Notifications',
    style: { background: 'white', border: '1px solid var(--line)', borderRadius: '8px', padding: '1rem', margin: '1rem 0' },
  });
  const base = `projects/${project.id}/notifications`;
  const log = h('div.notification-log');
  // the log is read when the panel is open: the project page stays within the request limits
  const showLog = async (): Promise<void> => {
    if (!panel.open) return;
    try {
      const entries = await get<NotificationDelivery[]>(`${base}/deliveries?limit=10`);
      clear(log);
      log.append(history(entries));
    } catch (e) {
      clear(log);
      log.append(h('p.error', { role: 'alert' }, (e as Error).message));
    }
  };
  const render = (s: NotificationSettings, message = ''): void => {
    const open = panel.open;
    clear(panel);
    panel.open = open;
    panel.append(h('summary', {}, h('h2', { style: { display: 'inline' } }, 'Notifications'),
      h('span.muted', {}, ` · ${state(s)}`)));
    panel.append(form(s, base, (saved, note) => {
      render(saved, note);
      void showLog();
    }, () => void showLog(), message), log);
  };
  panel.addEventListener('toggle', () => void showLog());
  try {
    render(await get<NotificationSettings>(base));
  } catch (e) {
    panel.append(h('summary', {}, 'Notifications'), h('p.error', { role: 'alert' }, (e as Error).message));
  }
  return panel;
}

function state(s: NotificationSettings): string {
  const on = [s.email.enabled ? 'e-mail' : null, s.slack.enabled ? 'Slack' : null].filter(Boolean);
  return on.length ? `${on.join(' and ')} on` : 'off';
}

function form(s: NotificationSettings, base: string, saved: (s: NotificationSettings, message: string) => void,
  sent: () => void, message: string): HTMLElement {
  const completed = h('input', { type: 'checkbox', checked: s.events.includes(COMPLETED) });
  const onlyChanged = h('input', { type: 'checkbox', checked: s.onlyWhenChanged });
  const failed = h('input', { type: 'checkbox', checked: s.events.includes(FAILED) });
  const email = h('input', { type: 'checkbox', checked: s.email.enabled, disabled: !s.email.available });
  const slack = h('input', { type: 'checkbox', checked: s.slack.enabled });
  const hosts = s.slack.allowedHosts.length ? ` (${s.slack.allowedHosts.join(', ')})` : '';
  const slackUrl = h('input', {
    type: 'url', size: 52, maxlength: 2000, 'aria-label': 'Slack incoming webhook URL',
    placeholder: s.slack.webhookUrl ?? 'https://hooks.slack.com/services/…',
  });
  const status = h('p.muted', { role: 'status' }, message);
  const error = h('p.error', { role: 'alert' });
  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    error.textContent = '';
    const events = [completed.checked ? COMPLETED : null, failed.checked ? FAILED : null].filter((x): x is string => !!x);
    const body: Record<string, unknown> = { events, onlyWhenChanged: onlyChanged.checked, email: email.checked, slack: slack.checked };
    if (slackUrl.value.trim()) body.slackWebhookUrl = slackUrl.value.trim();
    try {
      saved(await send<NotificationSettings>('PUT', base, body), 'Saved.');
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  };
  const test = async (): Promise<void> => {
    error.textContent = '';
    try {
      const r = await send<{ deliveries: { channel: string }[] }>('POST', `${base}/test`);
      status.textContent = `Test sent by ${r.deliveries.map((d) => (d.channel === 'email' ? 'e-mail' : 'Slack')).join(' and ')}; it shows below in a few seconds.`;
      setTimeout(sent, 3000);
    } catch (err) {
      error.textContent = (err as Error).message;
    }
  };
  return h('form.notify', { onsubmit: save },
    h('p.muted', {}, 'Only you see and change these. Tell me when a comparison of this project…'),
    h('div.inline', {},
      h('label.check', {}, completed, 'completed'),
      h('label.check', {}, onlyChanged, 'only when sheets changed, were added or removed'),
      h('label.check', {}, failed, 'failed')),
    h('div.inline', {},
      h('label.check', {}, email, `by e-mail${s.email.address ? ` to ${s.email.address}` : ''}`),
      s.email.available ? null : h('span.muted', {}, `(${s.email.unavailableReason})`)),
    h('div.inline', {},
      h('label.check', {}, slack, 'in Slack'), slackUrl,
      h('span.muted', {}, s.slack.webhookUrl ? 'leave empty to keep the saved webhook' : `an incoming webhook${hosts}`)),
    h('div.inline', {},
      h('button.primary', { type: 'submit' }, 'Save notifications'),
      h('button', { type: 'button', onclick: test, disabled: !s.email.enabled && !s.slack.enabled }, 'Send a test')),
    status, error);
}

function history(log: NotificationDelivery[]): HTMLElement {
  if (!log.length) return h('p.muted', {}, 'Nothing sent to you from this project yet.');
  return h('table.notification-log', { 'aria-label': 'Notifications sent to you' },
    h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'How'), h('th', {}, 'What'), h('th', {}, 'Status'))),
    h('tbody', {}, log.map((d) => {
      const last = d.attempts[d.attempts.length - 1];
      const why = d.note ?? (d.status !== 'delivered' && last?.error ? last.error : null);
      return h('tr', {},
        h('td', {}, formatTime(d.createdAt)),
        h('td', {}, d.channel === 'email' ? 'E-mail' : 'Slack'),
        h('td', {}, d.comparisonId ? h('a', { href: `#/comparisons/${d.comparisonId}` }, d.subject) : d.subject),
        h('td', {}, h('span.badge', { dataset: { status: d.status === 'delivered' ? 'completed' : d.status } }, d.status),
          d.attempts.length > 1 ? h('span.muted', {}, ` after ${d.attempts.length} attempts`) : null,
          why ? h('div.muted', {}, why) : null));
    })));
}
