import { get, send, type Project } from '../api';
import { append, clear, h } from '../dom';
import type { PageContext } from '../main';
import { canEdit, confirmDialog, forgetProject, message, timeAgo } from '../ui';
import { projectHeader } from './projectNav';

/** A project with its settings (GET /projects/{id}). */
interface ProjectSettings extends Project { compareSchedule: string | null; updatedAt: string }

type Every = 'none' | 'weekdays' | 'daily' | 'weekly' | 'custom';

const DAYS = [['MON', 'Monday'], ['TUE', 'Tuesday'], ['WED', 'Wednesday'], ['THU', 'Thursday'], ['FRI', 'Friday'],
  ['SAT', 'Saturday'], ['SUN', 'Sunday']] as const;

/** A schedule as the form shows it: one of the common ones, or any cron expression. */
interface Schedule { every: Every; time: string; day: string; cron: string }

/** Reads a cron expression (second minute hour day month weekday) as one of the common schedules if it is one. */
export function scheduleOf(cron: string | null): Schedule {
  const none: Schedule = { every: 'none', time: '06:00', day: 'MON', cron: '' };
  if (!cron) return none;
  const m = /^0 (\d{1,2}) (\d{1,2}) \* \* (\*|\?|MON-FRI|MON|TUE|WED|THU|FRI|SAT|SUN)$/i.exec(cron.trim());
  if (!m || Number(m[1]) > 59 || Number(m[2]) > 23) return { ...none, every: 'custom', cron };
  const time = `${m[2].padStart(2, '0')}:${m[1].padStart(2, '0')}`;
  const day = m[3].toUpperCase();
  if (day === '*' || day === '?') return { ...none, every: 'daily', time, cron };
  if (day === 'MON-FRI') return { ...none, every: 'weekdays', time, cron };
  return { ...none, every: 'weekly', time, day, cron };
}

/** The cron expression of a schedule ('' for none). */
export function cronOf(s: Schedule): string {
  const [hour, minute] = s.time.split(':').map(Number);
  switch (s.every) {
    case 'none': return '';
    case 'custom': return s.cron.trim();
    case 'daily': return `0 ${minute} ${hour} * * *`;
    case 'weekdays': return `0 ${minute} ${hour} * * MON-FRI`;
    case 'weekly': return `0 ${minute} ${hour} * * ${s.day}`;
  }
}

/** A schedule in words: "every weekday at 06:00". */
export function describeSchedule(cron: string | null): string {
  const s = scheduleOf(cron);
  switch (s.every) {
    case 'none': return 'no schedule';
    case 'daily': return `every day at ${s.time}`;
    case 'weekdays': return `every weekday (Monday to Friday) at ${s.time}`;
    case 'weekly': return `every ${DAYS.find(([d]) => d === s.day)?.[1] ?? s.day} at ${s.time}`;
    case 'custom': return `cron ${s.cron}`;
  }
}

/**
 * A project's settings: its name, compare on upload, the comparison schedule (common ones or any cron
 * expression) for editors and owners; deleting the project, for owners, after typing its name.
 */
export async function settingsPage(ctx: PageContext, projectId: string): Promise<void> {
  let project = await get<ProjectSettings>(`projects/${projectId}`);
  const editable = canEdit(project.role);
  const header = h('div');
  const showHeader = () => {
    clear(header);
    append(header, projectHeader(project, 'settings', `${project.name}: settings`));
  };
  showHeader();

  const name = h('input', { type: 'text', id: 'project-name', required: true, maxlength: 200, value: project.name, disabled: !editable });
  const onUpload = h('input', { type: 'checkbox', id: 'compare-on-upload', checked: project.compareOnUpload, disabled: !editable });
  const initial = scheduleOf(project.compareSchedule);
  const every = h('select', { id: 'schedule-every', disabled: !editable }, ([
    ['none', 'No schedule'], ['weekdays', 'Every weekday'], ['daily', 'Every day'], ['weekly', 'Every week'],
    ['custom', 'Custom (cron)']] as const).map(([v, t]) => h('option', { value: v, selected: v === initial.every }, t)));
  const day = h('select', { 'aria-label': 'Day of the week', disabled: !editable }, DAYS.map(([d, t]) => h('option', { value: d, selected: d === initial.day }, t)));
  const time = h('input', { type: 'time', value: initial.time, required: true, 'aria-label': 'Time of day', disabled: !editable });
  const cron = h('input.mono', { type: 'text', value: initial.cron, maxlength: 200, placeholder: '0 30 5 * * MON-FRI', 'aria-label': 'Cron expression', 'aria-describedby': 'cron-help', spellcheck: 'false', disabled: !editable });
  const preview = h('p.muted', { id: 'schedule-preview', 'aria-live': 'polite' });
  const schedule = (): Schedule => ({ every: every.value as Every, time: time.value || '06:00', day: day.value, cron: cron.value });
  const sync = () => {
    const s = schedule();
    day.hidden = s.every !== 'weekly';
    time.hidden = s.every === 'none' || s.every === 'custom';
    cron.parentElement!.hidden = s.every !== 'custom';
    const expression = cronOf(s);
    preview.textContent = s.every === 'none'
      ? 'Comparisons are launched by hand (and on upload, when that is on).'
      : `Compares the latest two revisions of each drawing set ${s.every === 'custom' ? `at the times of ${expression || '…'}` : describeSchedule(expression)} (cron ${expression || '…'}); a pair already compared is not compared again.`;
  };
  [every, day, time, cron].forEach((el) => el.addEventListener('input', sync));
  every.addEventListener('change', sync);

  const status = h('p.status', { role: 'status' });
  const error = h('p.error', { role: 'alert' });
  const updated = h('p.muted', {}, 'Last changed ', timeAgo(project.updatedAt));
  const save = h('button.primary', { type: 'submit', disabled: !editable }, 'Save settings');
  const form = h('form.panel.settings', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      status.textContent = '';
      error.textContent = '';
      const changes: Record<string, unknown> = {};
      if (name.value.trim() !== project.name) changes.name = name.value.trim();
      if (onUpload.checked !== project.compareOnUpload) changes.compareOnUpload = onUpload.checked;
      const expression = cronOf(schedule());
      if (expression !== (project.compareSchedule ?? '')) changes.compareSchedule = expression;
      if (Object.keys(changes).length === 0) {
        status.textContent = 'Nothing changed.';
        return;
      }
      save.disabled = true;
      try {
        project = await send<ProjectSettings>('PATCH', `projects/${projectId}`, changes);
        forgetProject(projectId);
        showHeader();
        status.textContent = `Saved: ${Object.keys(changes).map((k) => LABEL[k]).join(', ')}.`;
        updated.replaceChildren('Last changed ', timeAgo(project.updatedAt));
      } catch (err) {
        error.textContent = message(err);
      } finally {
        save.disabled = false;
      }
    },
  },
  h('h2', {}, 'Project'),
  h('label.field', { for: 'project-name' }, 'Name'), name,
  h('h2', {}, 'Automatic comparisons'),
  h('label.check', {}, onUpload, ' Compare every new revision with the previous revision of its set, as soon as it is uploaded'),
  h('label.field', { for: 'schedule-every' }, 'Comparison schedule'),
  h('div.inline', {}, every, day, time),
  h('div', {}, cron,
    h('p.muted', { id: 'cron-help' }, 'Six fields: second minute hour day-of-month month day-of-week, e.g. ',
      h('code', {}, '0 0 6 * * MON-FRI'), ' (06:00 on weekdays) or ', h('code', {}, '0 0 */4 * * *'), ' (every four hours).')),
  preview,
  h('p.muted', {}, 'Times are in the server\'s schedule time zone (setting buildtrace.schedule.zone; UTC unless set). Scheduled comparisons run as the project\'s owner.'),
  h('div.inline', {}, save, editable ? null : h('span.muted', {}, 'Only editors and owners change settings.')),
  status, error);
  sync();

  ctx.root.append(header, form, updated);
  if (project.role === 'owner') ctx.root.append(deletion(project));
}

const LABEL: Record<string, string> = { name: 'name', compareOnUpload: 'compare on upload', compareSchedule: 'schedule' };

function deletion(project: Project): HTMLElement {
  const error = h('p.error', { role: 'alert' });
  return h('section.panel.danger-zone', { 'aria-labelledby': 'delete-heading' },
    h('h2', { id: 'delete-heading' }, 'Delete this project'),
    h('p', {}, 'The project disappears for every member: its drawing sets, revisions and comparisons are no longer shown (they are hidden, not erased), and its schedule stops.'),
    h('button.danger', {
      type: 'button',
      onclick: async () => {
        const ok = await confirmDialog({
          title: `Delete ${project.name}?`,
          body: h('p', {}, 'Every member loses access to its drawings and comparisons; its schedule and webhooks stop.'),
          confirm: 'Delete project', danger: true, typeToConfirm: project.name,
        });
        if (!ok) return;
        try {
          await send('DELETE', `projects/${project.id}`);
          location.hash = '#/';
        } catch (e) {
          error.textContent = message(e);
        }
      },
    }, 'Delete project…'),
    error);
}
