/**
 * The uploads of a drawing set on the project page: one panel per upload with a progress bar per file (bytes and
 * per cent), pause and resume, retry, cancel and complete; after a reload, the uploads the server still has, to
 * be resumed by choosing or dropping the same files again (matched by name and size, and by content where the
 * upload knows it).
 */
import { ApiError } from '../api';
import { formatBytes, formatTime, h } from '../dom';
import { sha256Of } from './sha256';
import {
  forget, openSessions, remember, remembered, session as fetchSession, startSession, type Remembered, type SessionFile,
  type UploadSession,
} from './sessions';
import { live, Uploader } from './uploader';
import './upload.css';

/** A project's unfinished uploads: those the server has, and those this browser started that it no longer has. */
export interface Unfinished { open: UploadSession[]; gone: Remembered[] }

export async function unfinishedUploads(projectId: string): Promise<Unfinished> {
  let open: UploadSession[];
  try {
    open = await openSessions(projectId);
  } catch {
    return { open: [], gone: [] }; // the project page is shown without them rather than not at all
  }
  const gone: Remembered[] = [];
  for (const r of remembered().filter((x) => x.projectId === projectId && !open.some((s) => s.id === x.id))) {
    try {
      const s = await fetchSession(r.id);
      if (s.state === 'completed') forget(r.id);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) gone.push(r);
    }
  }
  return { open, gone };
}

/** What the drop zone asks for besides the files. */
export interface RevisionFields { label: string; issuedOn: string; note: string }

/** The uploads of one drawing set; its element stays the same while the set's section is drawn again. */
export class UploadList {
  readonly element: HTMLElement;

  constructor(
    private readonly projectId: string, private readonly setId: string, private readonly canEdit: boolean,
    private readonly userId: string, private readonly onRevision: () => void,
  ) {
    this.element = h('div.uploads', { 'aria-label': 'Uploads under way' });
  }

  /** Shows the set's unfinished uploads (this tab's own ones still at work, the others to be resumed). */
  show(unfinished: Unfinished): void {
    for (const s of unfinished.open.filter((x) => x.setId === this.setId)) {
      this.add(live.get(s.id) ?? new Uploader(s, s.files.map(() => null)));
    }
    for (const r of unfinished.gone.filter((x) => x.setId === this.setId)) {
      const notice: HTMLElement = h('div.upload.gone', { role: 'note' },
        h('p', {}, h('strong', {}, r.label), ` (started ${formatTime(r.startedAt)} in this browser) is no longer on the `
          + 'server: it expired after a day without progress, or was cancelled. Upload its files again.'),
        h('button', { type: 'button', onclick: () => { forget(r.id); notice.remove(); } }, 'Dismiss'));
      this.element.append(notice);
    }
  }

  /**
   * Uploads files as a new revision: takes each one's SHA-256 (so the server can check what arrives, and refuse
   * at once files already uploaded), announces them, then sends them and makes the revision.
   *
   * @throws ApiError when the server refuses the upload before any byte is sent (409 identical files, 413 ...)
   */
  async start(files: File[], fields: RevisionFields): Promise<void> {
    const bars = files.map((f) => h('progress', { max: Math.max(1, f.size), value: 0, 'aria-label': `Check of ${f.name}` }));
    const stop = new AbortController();
    const preparing = h('section.upload', { 'aria-label': `Upload of ${fields.label || 'a new revision'}` },
      h('p.upload-status', { role: 'status' }, `Checking ${files.length} file${files.length === 1 ? '' : 's'} before sending…`),
      h('ul.upload-files', {}, files.map((f, i) => h('li', {}, h('span.name', {}, f.name), bars[i],
        h('span.muted', {}, formatBytes(f.size))))),
      h('div.inline', {}, h('button', { type: 'button', onclick: () => stop.abort() }, 'Cancel upload')));
    this.element.append(preparing);
    try {
      const digests: string[] = [];
      for (const [i, f] of files.entries()) {
        digests.push(await sha256Of(f, (n) => (bars[i].value = n), stop.signal));
      }
      const session = await startSession(this.projectId, this.setId, {
        label: fields.label, issuedOn: fields.issuedOn || undefined, note: fields.note || undefined,
        files: files.map((f, i) => ({ name: f.name, bytes: f.size, sha256: digests[i] })),
      });
      remember(session);
      const uploader = new Uploader(session, [...files]);
      this.add(uploader);
      void uploader.start();
    } catch (e) {
      if ((e as Error).name !== 'AbortError') throw e;
    } finally {
      preparing.remove();
    }
  }

  private add(u: Uploader): void {
    if (this.element.querySelector(`[data-session="${u.session.id}"]`)) return;
    this.element.append(panel(u, this.canEdit, this.userId, () => this.onRevision()));
  }
}

/** One upload: a row per file, its state, and what can be done with it. */
function panel(u: Uploader, canEdit: boolean, userId: string, onRevision: () => void): HTMLElement {
  const s = u.session;
  const rows = s.files.map((f) => ({
    bar: h('progress', { max: Math.max(1, f.bytes), value: 0, 'aria-label': `Upload of ${f.name}` }),
    amount: h('span.amount'),
    state: h('span.file-state'),
    row: h('li'),
  }));
  rows.forEach((r, i) => r.row.append(h('span.name', {}, s.files[i].name), r.bar, r.amount, r.state));
  const head = h('p.upload-head');
  const status = h('p.upload-status', { role: 'status' });
  const error = h('p.error', { role: 'alert' });
  const note = h('p.upload-note');
  const toggle = h('button', { type: 'button' });
  const retry = h('button', { type: 'button', onclick: () => void u.resume() }, 'Retry');
  const finish = h('button.primary', { type: 'button', onclick: () => void u.complete() }, 'Complete upload');
  const cancel = h('button', {
    type: 'button',
    onclick: () => {
      if (confirm(`Cancel the upload of ${s.label}? What has arrived will be deleted.`)) void u.cancel();
    },
  }, 'Cancel upload');
  const input = h('input', { type: 'file', multiple: true, 'aria-label': `Files of the upload of ${s.label}` });
  const choose = h('label.filepick', {}, 'choose the same files again', input);
  const resumeHint = h('p.resume', {}, 'To go on, drop the same files here or ', choose, '.');
  // the same buttons, shown or hidden: one that keeps its place keeps the keyboard focus
  const actions = h('div.inline', {}, canEdit ? [toggle, retry, finish, cancel] : []);
  const root = h('section.upload', { 'aria-label': `Upload of ${s.label}`, dataset: { session: s.id } },
    head, h('ul.upload-files', {}, rows.map((r) => r.row)), status, resumeHint, note, error, actions);

  toggle.addEventListener('click', () => (u.state === 'paused' ? void u.resume() : u.pause()));
  const offer = async (list: FileList | null) => {
    if (!list || !list.length) return;
    error.textContent = '';
    note.textContent = `Checking ${list.length} file${list.length === 1 ? '' : 's'}…`;
    const problems = await attach(u, Array.from(list));
    const missing = u.missing().map((p) => `'${u.session.files[p].name}'`);
    note.textContent = missing.length ? `Still needed: ${missing.join(', ')}.` : '';
    error.textContent = problems.join(' ');
    if (!missing.length) void u.resume();
  };
  input.addEventListener('change', () => void offer(input.files).finally(() => (input.value = '')));
  root.addEventListener('dragover', (e) => {
    if (!u.missing().length) return;
    e.preventDefault();
    root.classList.add('over');
  });
  root.addEventListener('dragleave', () => root.classList.remove('over'));
  root.addEventListener('drop', (e) => {
    root.classList.remove('over');
    if (!u.missing().length) return;
    e.preventDefault();
    e.stopPropagation();
    void offer(e.dataTransfer?.files ?? null);
  });

  let lastState = '';
  let drawing = false;
  let shown = false;
  const draw = () => {
    drawing = false;
    shown ||= root.isConnected;
    const session = u.session;
    const total = u.total();
    const who = session.createdBy === userId ? 'you' : session.createdByName;
    head.replaceChildren(h('strong', {}, session.label), h('span.muted', {}, ` · ${session.files.length} file`
      + `${session.files.length === 1 ? '' : 's'} · ${amount(total.done, total.bytes)} · started by ${who} `
      + `${formatTime(session.createdAt)}`));
    const missing = new Set(u.missing());
    session.files.forEach((f, i) => {
      const done = u.progress(i);
      rows[i].bar.value = done;
      rows[i].bar.setAttribute('aria-valuetext', amount(done, f.bytes));
      rows[i].amount.textContent = amount(done, f.bytes);
      rows[i].state.textContent = fileState(u, f, missing.has(i));
      rows[i].row.dataset.state = f.received >= f.bytes ? 'received' : missing.has(i) ? 'needs-file' : 'partial';
    });
    // the live region speaks when the state changes, not at every byte
    if (u.state + u.message !== lastState) {
      lastState = u.state + u.message;
      status.textContent = describe(u);
      error.textContent = u.state === 'failed' ? u.message : '';
    }
    resumeHint.hidden = !canEdit || !missing.size || u.state === 'completing';
    toggle.textContent = u.state === 'paused' ? 'Resume' : 'Pause';
    toggle.hidden = !['sending', 'retrying', 'paused'].includes(u.state);
    retry.textContent = u.state === 'retrying' ? 'Retry now' : 'Retry';
    retry.hidden = u.state !== 'failed' && u.state !== 'retrying';
    finish.hidden = u.state !== 'received' || !u.allReceived();
    cancel.hidden = u.state === 'completing' || u.state === 'completed';
    if (u.state === 'completed' || u.state === 'cancelled') {
      stop();
      root.remove();
      if (u.state === 'completed') onRevision();
    }
  };
  const stop = u.onChange(() => {
    if (shown && !root.isConnected) {
      stop(); // the page was left: the uploader goes on, a panel on the next page shows it
      return;
    }
    if (!drawing) {
      drawing = true;
      requestAnimationFrame(draw);
    }
  });
  draw();
  return root;
}

/** Gives the uploader the files it lacks; returns why some could not be taken. */
async function attach(u: Uploader, files: File[]): Promise<string[]> {
  const problems: string[] = [];
  const names = u.session.files.map((f) => `'${f.name}' (${formatBytes(f.bytes)})`).join(', ');
  for (const file of files) {
    const byName = u.session.files.filter((f) => f.name === file.name);
    const same = byName.find((f) => f.bytes === file.size && !u.files[f.position]) ?? byName.find((f) => f.bytes === file.size);
    if (!byName.length) {
      problems.push(`'${file.name}' is not one of this upload's files: ${names}.`);
    } else if (!same) {
      problems.push(`'${file.name}' has ${formatBytes(file.size)}, but the upload started with a file of `
        + `${formatBytes(byName[0].bytes)} of that name: choose the same file.`);
    } else if (same.received < same.bytes && !u.files[same.position]) {
      if (same.sha256 && (await sha256Of(file)) !== same.sha256) {
        problems.push(`'${file.name}' has the name and size of the file the upload started with, but not its `
          + 'content: choose the same file.');
      } else {
        u.attach(same.position, file);
      }
    }
  }
  return problems;
}

function amount(done: number, bytes: number): string {
  return `${formatBytes(done)} of ${formatBytes(bytes)} (${bytes ? Math.floor((done * 100) / bytes) : 100} %)`;
}

function fileState(u: Uploader, f: SessionFile, missing: boolean): string {
  if (f.received >= f.bytes) return 'received';
  if (missing) return 'needs the file again';
  if (u.state === 'paused') return 'paused';
  if (u.current !== f.position) return 'waiting';
  return u.state === 'retrying' ? 'retrying' : 'sending';
}

function describe(u: Uploader): string {
  switch (u.state) {
    case 'needs-files':
      return `Interrupted. The server keeps what has arrived until ${formatTime(u.session.expiresAt)}.`;
    case 'sending':
      return 'Uploading…';
    case 'retrying':
      return u.message;
    case 'paused':
      return `Paused. The server keeps what has arrived until ${formatTime(u.session.expiresAt)}.`;
    case 'failed':
      return 'Stopped.';
    case 'received':
      return 'Every file has arrived: complete the upload to make the revision.';
    case 'completing':
      return 'Checking the files and making the revision…';
    case 'completed':
      return `Uploaded as revision ${u.session.label}.`;
    case 'cancelled':
      return 'Cancelled.';
  }
}
