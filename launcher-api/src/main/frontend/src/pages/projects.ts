import { get, send, type Page, type Project } from '../api';
import { formatTime, h } from '../dom';
import type { PageContext } from '../main';

/** The caller's projects, and a new one. */
export async function projectsPage(ctx: PageContext): Promise<void> {
  const projects = await get<Page<Project>>('projects?page=0&size=100');
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: 200, placeholder: 'New project name', 'aria-label': 'New project name' });
  const error = h('p.error', { role: 'alert' });
  const form = h('form.inline', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      try {
        const p = await send<Project>('POST', 'projects', { name: name.value.trim() });
        location.hash = `#/projects/${p.id}`;
      } catch (err) {
        error.textContent = (err as Error).message;
      }
    },
  }, name, h('button.primary', { type: 'submit' }, 'Create project'));
  ctx.root.append(
    h('h1', {}, 'Projects'),
    form, error,
    projects.items.length === 0
      ? h('p.muted', {}, 'No projects yet: create one to upload drawing sets.')
      : h('ul.cards', { 'aria-label': 'Projects' }, projects.items.map((p) => h('li.card', {},
        h('a', { href: `#/projects/${p.id}` }, h('strong', {}, p.name)),
        h('span.muted', {}, ` ${p.role} · created ${formatTime(p.createdAt)}`)))),
  );
}
