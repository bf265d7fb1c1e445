import { get, send, type Comparison, type DrawingSet, type Page, type Project, type Revision } from '../api';
import { append, clear, formatBytes, formatTime, h } from '../dom';
import type { PageContext } from '../main';
import { notificationsPanel } from './notifications';
import { unfinishedUploads, UploadList } from '../upload/panel';
import { projectHeader } from './projectNav';

/** A project: its drawing sets, their revisions, an upload drop zone per set, "compare with previous". */
export async function projectPage(ctx: PageContext, projectId: string): Promise<void> {
  const [project, sets, unfinished] = await Promise.all([
    get<Project>(`projects/${projectId}`),
    get<DrawingSet[]>(`projects/${projectId}/sets`),
    unfinishedUploads(projectId),
  ]);
  const canEdit = project.role === 'owner' || project.role === 'editor';
  const setName = h('input', { type: 'text', required: true, maxlength: 200, placeholder: 'Drawing set name (e.g. Architectural)', 'aria-label': 'New drawing set name' });
  const error = h('p.error', { role: 'alert' });
  append(ctx.root, [
    ...projectHeader(project, 'sets'),
    canEdit ? h('form.inline', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          await send('POST', `projects/${projectId}/sets`, { name: setName.value.trim() });
          location.reload();
        } catch (err) {
          error.textContent = (err as Error).message;
        }
      },
    }, setName, h('button.primary', { type: 'submit' }, 'Add drawing set')) : null,
    error,
    sets.length === 0 ? h('p.muted', {}, 'No drawing sets yet.') : null,
  ]);
  for (const set of sets) {
    const section = h('section.set', { 'aria-label': `Drawing set ${set.name}` });
    ctx.root.append(section);
    const uploads: UploadList = new UploadList(project.id, set.id, canEdit, ctx.user.id,
      () => void renderSet(section, project, set, canEdit, uploads));
    uploads.show(unfinished);
    await renderSet(section, project, set, canEdit, uploads);
  }
  ctx.root.append(await notificationsPanel(project));
}

async function renderSet(section: HTMLElement, project: Project, set: DrawingSet, canEdit: boolean,
  uploads: UploadList): Promise<void> {
  const revisions = await get<Page<Revision>>(`projects/${project.id}/revisions?set=${set.id}&page=0&size=100`);
  const ordered = [...revisions.items].sort((a, b) => b.seq - a.seq);
  clear(section);
  section.append(h('h2', {}, set.name, h('span.muted', {}, ` · ${ordered.length} revision${ordered.length === 1 ? '' : 's'}`)));
  const list = h('table.revisions', {},
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Revision'), h('th', {}, 'Issued'), h('th', {}, 'Files'),
      h('th', {}, 'Sheets'), h('th', {}, 'Size'), h('th', {}, 'Uploaded'), h('th', {}, ''))),
    h('tbody', {}, ordered.map((r) => {
      const previous = ordered.find((o) => o.seq < r.seq);
      const status = h('span.muted', { role: 'status' });
      return h('tr', {},
        h('td', {}, r.seq),
        h('td', {}, r.label || `Revision ${r.seq}`),
        h('td', {}, r.issuedOn ?? ''),
        h('td', {}, r.files.map((f, i) => h('a', { href: `/api/v1/revisions/${r.id}/files/${f.position}`, title: f.name },
          i > 0 ? ', ' : '', f.name))),
        h('td', {}, r.pages ?? '?'),
        h('td', {}, formatBytes(r.bytes)),
        h('td', {}, formatTime(r.createdAt)),
        h('td', {}, previous && canEdit ? h('button', {
          type: 'button',
          onclick: async (e: Event) => {
            (e.target as HTMLButtonElement).disabled = true;
            status.textContent = ' launching…';
            try {
              const c = await send<Comparison>('POST', 'comparisons', { oldRevisionId: previous.id, newRevisionId: r.id });
              location.hash = `#/comparisons/${c.id}`;
            } catch (err) {
              status.textContent = ` ${(err as Error).message}`;
              (e.target as HTMLButtonElement).disabled = false;
            }
          },
        }, `Compare with ${previous.label || `revision ${previous.seq}`}`) : null, status));
    })));
  section.append(ordered.length ? list : h('p.muted', {}, 'No revisions yet.'), uploads.element);
  if (canEdit) section.append(dropZone(set, uploads));
}

/** A drop zone for the files of one revision (several PDFs at once), sent as a resumable upload. */
function dropZone(set: DrawingSet, uploads: UploadList): HTMLElement {
  let files: File[] = [];
  const input = h('input', { type: 'file', multiple: true, accept: '.pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/*', 'aria-label': `Files of a new revision of ${set.name}` });
  const label = h('input', { type: 'text', placeholder: 'Label (e.g. Rev B)', maxlength: 100, 'aria-label': 'Revision label' });
  const issued = h('input', { type: 'date', 'aria-label': 'Issued on' });
  const note = h('input', { type: 'text', placeholder: 'Note', maxlength: 2000, 'aria-label': 'Note' });
  const fileList = h('ul.files');
  const error = h('p.error', { role: 'alert' });
  const submit = h('button.primary', { type: 'submit', disabled: true }, 'Upload revision');
  const show = () => {
    clear(fileList);
    for (const f of files) fileList.append(h('li', {}, h('span.name', {}, f.name), h('span.muted', {}, ` ${formatBytes(f.size)}`)));
    submit.disabled = files.length === 0;
  };
  const add = (list: FileList | null) => {
    if (!list) return;
    files = [...files, ...Array.from(list)];
    show();
  };
  input.addEventListener('change', () => add(input.files));
  const zone = h('form.dropzone', {
    ondragover: (e: DragEvent) => {
      e.preventDefault();
      zone.classList.add('over');
    },
    ondragleave: () => zone.classList.remove('over'),
    ondrop: (e: DragEvent) => {
      e.preventDefault();
      zone.classList.remove('over');
      add(e.dataTransfer?.files ?? null);
    },
    onsubmit: async (e: Event) => {
      e.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      try {
        await uploads.start(files, { label: label.value.trim(), issuedOn: issued.value, note: note.value.trim() });
        files = [];
        show();
        zone.reset();
      } catch (err) {
        error.textContent = (err as Error).message;
        submit.disabled = false;
      }
    },
  },
  h('p', {}, h('strong', {}, 'New revision: '), 'drop PDF, PNG, JPEG or TIFF files here, or ', h('label.filepick', {}, 'choose files', input)),
  fileList,
  h('div.inline', {}, label, issued, note, submit),
  error);
  return zone;
}
