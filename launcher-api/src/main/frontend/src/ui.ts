import './admin.css';
import { get, type Project } from './api';
import { formatTime, h, type Child } from './dom';

/**
 * Small building blocks of the management pages: a confirmation dialog, a copy-once secret, times that read
 * "3 min ago", focus kept across re-renders, the caller's role in a project.
 */

export interface ConfirmOptions {
  title: string;
  body: Child | Child[];
  confirm: string;
  cancel?: string;
  /** A destructive action: the confirm button is red and the cancel button has the focus. */
  danger?: boolean;
  /** The person types this (a project's name) before the confirm button works. */
  typeToConfirm?: string;
}

/** A modal dialog (Esc or the cancel button closes it); true when confirmed. Focus returns where it was. */
export function confirmDialog(o: ConfirmOptions): Promise<boolean> {
  const opener = document.activeElement as HTMLElement | null;
  const openerKey = opener?.dataset.focusKey;
  const titleId = `dialog-${Math.random().toString(36).slice(2)}`;
  const typed = o.typeToConfirm === undefined ? null
    : h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-label': `Type ${o.typeToConfirm} to confirm` });
  const ok = h(o.danger ? 'button.danger' : 'button.primary', { type: 'submit', value: 'confirm', disabled: typed !== null }, o.confirm);
  const cancel = h('button', { type: 'submit', value: 'cancel' }, o.cancel ?? 'Cancel');
  const dialog = h('dialog.confirm', { 'aria-labelledby': titleId },
    h('form', { method: 'dialog' },
      h('h2', { id: titleId }, o.title),
      h('div.dialog-body', {}, o.body),
      typed ? h('label.field', {}, h('span', {}, 'Type ', h('strong', {}, o.typeToConfirm ?? ''), ' to confirm'), typed) : null,
      h('div.dialog-buttons', {}, cancel, ok)));
  typed?.addEventListener('input', () => (ok.disabled = typed.value.trim() !== o.typeToConfirm));
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      dialog.remove();
      // the opener may have been drawn anew meanwhile (a list that follows a running comparison): find it again
      const back = opener?.isConnected || !openerKey ? opener
        : document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(openerKey)}"]`);
      back?.focus();
      resolve(dialog.returnValue === 'confirm');
    });
    dialog.showModal();
    (typed ?? (o.danger ? cancel : ok)).focus();
  });
}

/** A secret shown once (an API key, a webhook's signing secret): read-only, selected on focus, with a copy button. */
export function secretOnce(label: string, value: string, note: string): HTMLElement {
  const field = h('input.secret', { type: 'text', readonly: true, value, 'aria-label': label, spellcheck: 'false' });
  field.addEventListener('focus', () => field.select());
  const status = h('span.muted', { role: 'status' });
  const copy = h('button.primary', {
    type: 'button',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(value);
      } catch {
        // no clipboard permission (an http page elsewhere than localhost): copy through the selection
        field.select();
        document.execCommand('copy');
      }
      status.textContent = 'Copied to the clipboard.';
    },
  }, 'Copy');
  return h('div.once', { role: 'group', 'aria-label': label },
    h('p', {}, h('strong', {}, label), ' ', note),
    h('div.inline', {}, field, copy, status));
}

const RELATIVE = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

/** "3 minutes ago", "yesterday", or the date for older times. */
export function relativeTime(iso: string): string {
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const abs = Math.abs(seconds);
  if (abs < 45) return 'just now';
  if (abs < 3600) return RELATIVE.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return RELATIVE.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return RELATIVE.format(Math.round(seconds / 86400), 'day');
  return formatTime(iso);
}

/** A <time> reading "3 minutes ago", the exact time in its tooltip. */
export function timeAgo(iso: string | null | undefined): HTMLElement | string {
  if (!iso) return '';
  return h('time', { datetime: iso, title: formatTime(iso) }, relativeTime(iso));
}

/**
 * Renders again without losing the keyboard focus: the element that had it is found again by its
 * data-focus-key (a button that turned from "Cancel" into "Restart" keeps the same key, and the focus).
 */
export function keepFocus(container: HTMLElement, render: () => void): void {
  const active = document.activeElement as HTMLElement | null;
  const key = active && container.contains(active) ? active.dataset.focusKey : undefined;
  render();
  if (key) container.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`)?.focus();
}

/** Draws the current page again (its data read anew), as on arriving at it. */
export function rerender(): void {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

const projects = new Map<string, Promise<Project>>();
// read once per page shown: a new page (the router listens to the same event, after this) reads them again
window.addEventListener('hashchange', () => projects.clear());

/** A project with the caller's role in it, read once for the page shown (its parts all ask). */
export function projectOf(id: string): Promise<Project> {
  let project = projects.get(id);
  if (!project) {
    project = get<Project>(`projects/${id}`);
    projects.set(id, project);
    project.catch(() => projects.delete(id));
  }
  return project;
}

/** Forgets what was read of a project (after changing it). */
export function forgetProject(id: string): void {
  projects.delete(id);
}

/** Editors and owners change things; viewers read. */
export function canEdit(role: string | undefined): boolean {
  return role === 'owner' || role === 'editor';
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
