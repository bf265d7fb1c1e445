import { get, send, type Page, type Project } from '../api';
import { clear, formatTime, h } from '../dom';
import type { PageContext } from '../main';
import { confirmDialog, keepFocus, message, secretOnce, timeAgo } from '../ui';

/** An API key as GET /keys lists it (the key itself only in the answer that created it). */
interface ApiKey {
  id: string; name: string; prefix: string; projects: string[] | null; createdAt: string;
  lastUsedAt?: string | null; revokedAt?: string | null; key?: string;
}

/**
 * The signed-in user's API keys, for scripts and the command line: create one (a name, all projects or some),
 * see it once with a copy button, list them with their last use, revoke one.
 */
export async function apiKeysPage(ctx: PageContext): Promise<void> {
  const [keys, projects] = await Promise.all([
    get<ApiKey[]>('keys'),
    get<Page<Project>>('projects?page=0&size=100'),
  ]);
  const projectName = new Map(projects.items.map((p) => [p.id, p.name]));
  let list = keys;
  const table = h('table.keys');
  const created = h('div', { tabindex: -1 });
  const status = h('p.status', { role: 'status', tabindex: -1 });
  const error = h('p.error', { role: 'alert' });

  const render = () => {
    clear(table);
    table.append(
      h('caption.sr-only', {}, 'Your API keys'),
      h('thead', {}, h('tr', {}, ['Name', 'Key', 'Reaches', 'Created', 'Last used', 'Status'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span.sr-only', {}, 'Actions')))),
      h('tbody', {}, list.length === 0 ? h('tr', {}, h('td.muted', { colspan: 7 }, 'No API keys yet.')) : list.map((k) =>
        h('tr', { class: k.revokedAt ? 'revoked' : '', dataset: { key: k.name } },
          h('td', {}, k.name),
          h('td', {}, h('code', {}, `${k.prefix}…`)),
          h('td', {}, k.projects === null ? 'all your projects' : k.projects.map((p) => projectName.get(p) ?? 'a project you left').join(', ')),
          h('td', {}, timeAgo(k.createdAt)),
          h('td', {}, k.lastUsedAt ? timeAgo(k.lastUsedAt) : h('span.muted', {}, 'never')),
          h('td', {}, k.revokedAt ? h('span.badge', { title: formatTime(k.revokedAt) }, 'revoked') : h('span.badge.active', {}, 'active')),
          h('td.actions', {}, k.revokedAt ? null : h('button.danger-outline', {
            type: 'button', 'aria-label': `Revoke ${k.name}`, dataset: { focusKey: `revoke-${k.id}` },
            onclick: async () => {
              const ok = await confirmDialog({
                title: `Revoke “${k.name}”?`,
                body: h('p', {}, `Requests with ${k.prefix}… are refused from now on. Scripts using it stop working until they get a new key.`),
                confirm: 'Revoke key', danger: true,
              });
              if (!ok) return;
              try {
                await send('DELETE', `keys/${k.id}`);
                list = await get<ApiKey[]>('keys');
                keepFocus(table, render);
                status.textContent = `“${k.name}” is revoked.`;
                status.focus();
              } catch (e) {
                error.textContent = message(e);
              }
            },
          }, 'Revoke'))))));
  };

  const name = h('input', { type: 'text', id: 'key-name', required: true, maxlength: 200, placeholder: 'e.g. nightly upload from the plotter PC' });
  const all = h('input', { type: 'radio', name: 'scope', value: 'all', checked: true });
  const some = h('input', { type: 'radio', name: 'scope', value: 'some' });
  const boxes = projects.items.map((p) => h('input', { type: 'checkbox', value: p.id, 'aria-label': p.name }));
  const choice = h('fieldset.projects-choice', { disabled: true },
    h('legend.sr-only', {}, 'Projects the key reaches'),
    projects.items.map((p, i) => h('label.check', {}, boxes[i], ` ${p.name}`, h('span.muted', {}, ` (${p.role})`))));
  [all, some].forEach((r) => r.addEventListener('change', () => (choice.disabled = !some.checked)));
  const form = h('form.panel', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      error.textContent = '';
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (some.checked && chosen.length === 0) {
        error.textContent = 'Choose the projects the key reaches, or let it reach all of them.';
        return;
      }
      try {
        const key = await send<ApiKey>('POST', 'keys', { name: name.value.trim(), projects: some.checked ? chosen : undefined });
        list = await get<ApiKey[]>('keys');
        render();
        name.value = '';
        clear(created);
        created.append(h('section.panel.created', { 'aria-label': 'New API key' },
          secretOnce(`API key “${key.name}”`, key.key ?? '', 'Copy it now: it is shown only this once (only its digest is stored). Send it as Authorization: Bearer … or X-API-Key.'),
          h('button', { type: 'button', onclick: () => clear(created) }, 'Done, I have copied it')));
        created.querySelector<HTMLInputElement>('input.secret')?.focus();
      } catch (err) {
        error.textContent = message(err);
      }
    },
  },
  h('h2', {}, 'Create a key'),
  h('label.field', { for: 'key-name' }, 'What it is for'), name,
  h('fieldset', {}, h('legend', {}, 'Reaches'),
    h('label.check', {}, all, ' All my projects, present and future'),
    h('label.check', {}, some, ' Only these projects:'),
    projects.items.length ? choice : h('p.muted', {}, 'You have no projects yet.')),
  h('p.muted', {}, 'A key acts as you, with your role in each project it reaches. Keys do not expire: revoke one when it is no longer needed.'),
  h('button.primary', { type: 'submit' }, 'Create key'));

  render();
  ctx.root.append(h('h1', {}, 'API keys'),
    h('p', {}, 'Keys let scripts and the command line call the API as you, e.g. to upload revisions at night.'),
    created, status, error,
    h('div.two-col', {}, h('section.panel', { 'aria-label': 'Your keys' }, h('h2', {}, 'Your keys'), table), form));
}
