import { get, send, type Project } from '../api';
import { clear, h } from '../dom';
import type { PageContext } from '../main';
import { confirmDialog, keepFocus, message, rerender, timeAgo } from '../ui';
import { projectHeader } from './projectNav';

/** A member of a project, or an invitation (userId null) to an address that has not signed in yet. */
export interface Member {
  userId: string | null; email: string; name: string | null; role: string; status: 'member' | 'invited';
  addedBy: string; addedAt: string;
}

const ROLES = ['viewer', 'editor', 'owner'];

/**
 * A project's members and invitations. Owners invite by e-mail address with a role, change roles and remove
 * members; everyone else reads the list, and anyone may leave.
 */
export async function membersPage(ctx: PageContext, projectId: string): Promise<void> {
  const [project, members] = await Promise.all([
    get<Project>(`projects/${projectId}`),
    get<Member[]>(`projects/${projectId}/members`),
  ]);
  const owner = project.role === 'owner';
  const status = h('p.status', { role: 'status', tabindex: -1 });
  const error = h('p.error', { role: 'alert' });
  const table = h('table.members');
  const say = (text: string, failed = false) => {
    status.textContent = failed ? '' : text;
    error.textContent = failed ? text : '';
  };
  const base = `projects/${projectId}/members`;
  let list = members;
  const reload = async () => {
    list = await get<Member[]>(base);
    keepFocus(table, render);
  };

  const heading = h('h2');
  const render = () => {
    const joined = list.filter((m) => m.status === 'member').length;
    const invited = list.length - joined;
    heading.textContent = `${joined} member${joined === 1 ? '' : 's'}${invited ? `, ${invited} invited` : ''}`;
    clear(table);
    const byId = new Map(list.filter((m) => m.userId).map((m) => [m.userId!, m]));
    table.append(
      h('caption.sr-only', {}, `Members of ${project.name}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Member'), h('th', { scope: 'col' }, 'Role'),
        h('th', { scope: 'col' }, 'Added'), h('th', { scope: 'col' }, h('span.sr-only', {}, 'Actions')))),
      h('tbody', {}, list.map((m) => {
        const key = m.userId ?? m.email;
        const me = m.userId === ctx.user.id;
        const who = m.name ? `${m.name} (${m.email})` : m.email;
        const by = byId.get(m.addedBy);
        const role = owner ? roleSelect(m, who, async (to, select) => {
          try {
            await send('PATCH', `${base}/${encodeURIComponent(key)}`, { role: to });
            if (me) {
              // no longer an owner: the page shows what the new role may do
              rerender();
              return;
            }
            say(`${who} is now ${to === 'viewer' ? 'a' : 'an'} ${to}.`);
            await reload();
          } catch (e) {
            select.value = m.role;
            say(message(e), true);
          }
        }) : h('span.role', { dataset: { role: m.role } }, m.role);
        const remove = owner || me ? h('button.danger-outline', {
          type: 'button', dataset: { focusKey: `remove-${key}` },
          'aria-label': me ? 'Leave the project' : m.status === 'invited' ? `Withdraw the invitation of ${m.email}` : `Remove ${who}`,
          onclick: async () => {
            const ok = await confirmDialog(me ? {
              title: `Leave ${project.name}?`,
              body: h('p', {}, 'You will no longer see the project; an owner can add you again.'),
              confirm: 'Leave project', danger: true,
            } : {
              title: m.status === 'invited' ? `Withdraw the invitation of ${m.email}?` : `Remove ${who}?`,
              body: h('p', {}, m.status === 'invited' ? 'The address will not become a member at its first sign-in.'
                : `They no longer see ${project.name}, its drawings or its comparisons. API keys of theirs stop reaching it.`),
              confirm: m.status === 'invited' ? 'Withdraw invitation' : 'Remove member', danger: true,
            });
            if (!ok) return;
            try {
              await send('DELETE', `${base}/${encodeURIComponent(key)}`);
              if (me) {
                location.hash = '#/';
                return;
              }
              say(m.status === 'invited' ? `The invitation of ${m.email} is withdrawn.` : `${who} is removed.`);
              await reload();
              status.focus();
            } catch (e) {
              say(message(e), true);
            }
          },
        }, me ? 'Leave' : m.status === 'invited' ? 'Withdraw' : 'Remove') : null;
        return h('tr', { dataset: { member: m.email } },
          h('td', {}, h('div', {}, m.name ?? m.email, me ? h('span.muted', {}, ' (you)') : null),
            m.name ? h('div.muted', {}, m.email) : null,
            m.status === 'invited' ? h('span.badge.invited', {}, 'invited: a member from their first sign-in') : null),
          h('td', {}, role),
          h('td', {}, timeAgo(m.addedAt), by && by.userId !== m.userId ? h('span.muted', {}, ` by ${by.name ?? by.email}`) : null),
          h('td.actions', {}, remove));
      })));
  };

  const email = h('input', { type: 'email', required: true, maxlength: 320, autocomplete: 'off', placeholder: 'name@example.com', 'aria-label': 'E-mail address' });
  const role = h('select', { 'aria-label': 'Role' }, ROLES.map((r) => h('option', { value: r, selected: r === 'editor' }, r)));
  const invite = owner ? h('form.panel', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        const m = await send<Member>('POST', base, { email: email.value.trim(), role: role.value });
        say(m.status === 'invited'
          ? `${m.email} is invited as ${m.role}: they become a member when they first sign in.`
          : `${m.name ?? m.email} is now a member, as ${m.role}.`);
        email.value = '';
        await reload();
      } catch (err) {
        say(message(err), true);
      }
    },
  }, h('h2', {}, 'Add a member'),
  h('p.muted', {}, 'Someone who has signed in before becomes a member at once; any other address is invited and becomes one at its first sign-in.'),
  h('div.inline', {}, email, role, h('button.primary', { type: 'submit' }, 'Invite'))) : null;

  render();
  ctx.root.append(...projectHeader(project, 'members', `${project.name}: members`),
    h('p.muted', {}, 'Viewers read everything of the project; editors also upload, compare, edit summaries and change settings; owners also manage members and webhooks and may delete the project.'),
    status, error,
    h('div.two-col', {},
      h('section.panel', { 'aria-label': 'Members' }, heading, table),
      invite ?? h('p.muted', {}, 'Only owners add members and change roles.')));
}

/** How long a role must stay chosen before it is saved: arrow keys on a closed list change it at every press. */
const SETTLE_MS = 700;

function roleSelect(m: Member, who: string, change: (to: string, select: HTMLSelectElement) => void): HTMLSelectElement {
  const select = h('select', { 'aria-label': `Role of ${who}`, dataset: { focusKey: `role-${m.userId ?? m.email}` } },
    ROLES.map((r) => h('option', { value: r, selected: r === m.role }, r)));
  let timer = 0;
  select.addEventListener('change', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (select.value !== m.role) change(select.value, select);
    }, SETTLE_MS);
  });
  return select;
}
