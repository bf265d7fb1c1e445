import { send, type Comparison } from './api';
import { h } from './dom';
import { canEdit, confirmDialog, message, projectOf } from './ui';

const ACTIVE = new Set(['queued', 'running']);

/**
 * Cancel and restart of a comparison, for editors and owners: "Cancel" (confirmed first) while it is queued or
 * running, "Restart" once it failed or was cancelled, "Retry failed sheets" when it completed with some. The
 * buttons keep one focus key per comparison, so the focus stays on the button as it changes. After the action,
 * {@code changed} is called with the comparison as the API answered.
 */
export function comparisonActions(c: Comparison, changed: (c: Comparison) => void, compact = false): HTMLElement {
  const box = h('span.run-actions');
  const fill = (role: string) => {
    if (!canEdit(role)) return;
    const error = h('span.error', { role: 'alert' });
    const act = async (button: HTMLButtonElement, path: 'cancel' | 'restart') => {
      button.disabled = true;
      error.textContent = '';
      try {
        changed(await send<Comparison>('POST', `comparisons/${c.id}/${path}`));
      } catch (e) {
        error.textContent = message(e);
        button.disabled = false;
      }
    };
    const what = `${c.newRevision.setName} ${c.oldRevision.label || 'old'} → ${c.newRevision.label || 'new'}`;
    const button = (text: string, label: string, onclick: (b: HTMLButtonElement) => void, danger = false) => {
      const b: HTMLButtonElement = h(danger ? 'button.danger-outline' : 'button', {
        type: 'button', 'aria-label': label, dataset: { focusKey: `run-${c.id}` }, onclick: () => onclick(b),
      }, text);
      return b;
    };
    const failed = c.counts?.failed ?? 0;
    if (ACTIVE.has(c.status)) {
      box.append(button(compact ? 'Cancel' : 'Cancel comparison', `Cancel comparison ${what}`, async (b) => {
        const left = c.progress.sheetsTotal - c.progress.sheetsDone;
        const ok = await confirmDialog({
          title: 'Cancel this comparison?',
          body: [h('p', {}, c.status === 'queued'
            ? 'It has not started yet: it leaves the queue.'
            : `Sheets being compared now finish; ${c.progress.sheetsTotal ? `the other ${left} of ${c.progress.sheetsTotal}` : 'the others'} are not started.`),
          h('p', {}, 'You can restart it later; sheets already compared are kept.')],
          confirm: 'Cancel comparison', cancel: c.status === 'queued' ? 'Keep it queued' : 'Keep it running', danger: true,
        });
        if (ok) await act(b, 'cancel');
      }, true));
    } else if (c.status === 'failed' || c.status === 'cancelled') {
      box.append(button('Restart', `Restart comparison ${what}`, (b) => void act(b, 'restart')));
    } else if (c.status === 'completed' && failed > 0) {
      box.append(button(compact ? `Retry ${failed} failed` : `Retry ${failed} failed sheet${failed === 1 ? '' : 's'}`,
        `Compare the ${failed} failed sheet${failed === 1 ? '' : 's'} of ${what} again`, (b) => void act(b, 'restart')));
    }
    box.append(error);
  };
  // the role is usually known already (read for this page, or with a list of projects): the buttons are there at once
  const known = roles.get(c.projectId);
  if (known) {
    fill(known);
  } else {
    void projectOf(c.projectId).then((p) => {
      roles.set(c.projectId, p.role);
      fill(p.role);
    }).catch(() => undefined);
  }
  return box;
}

/** The caller's role per project, as read for the page shown (forgotten when another page is shown). */
const roles = new Map<string, string>();
window.addEventListener('hashchange', () => roles.clear());

/** Records the caller's roles in projects read elsewhere (a list of projects), sparing a request per project. */
export function knownRoles(projects: { id: string; role: string }[]): void {
  projects.forEach((p) => roles.set(p.id, p.role));
}

/**
 * Why a comparison has no (or not all) results: a failed one's failed sheets and their reasons, how far a
 * cancelled one got, a completed one's failed sheets; null when there is nothing to say.
 */
export function failureReport(c: Comparison): HTMLElement | null {
  const failedSheets = (c.sheets ?? []).filter((s) => s.status === 'failed');
  const list = failedSheets.length ? h('ul.failed-sheets', {}, failedSheets.map((s) =>
    h('li', {}, h('strong', {}, s.label), ': ', s.error ?? 'failed without a reason'))) : null;
  if (c.status === 'failed') {
    return h('div.failure', { role: 'region', 'aria-label': 'Why it failed' },
      h('p', {}, h('strong', {}, 'This comparison failed. '),
        failedSheets.length ? `${failedSheets.length} sheet${failedSheets.length === 1 ? '' : 's'} could not be compared:`
          : 'Restart it once the cause is fixed; sheets already compared are kept.'),
      list);
  }
  if (c.status === 'cancelled') {
    const { sheetsDone, sheetsTotal } = c.progress;
    return h('div.failure.cancelled', { role: 'region', 'aria-label': 'Cancelled' },
      h('p', {}, !sheetsTotal ? 'Cancelled before its sheets were paired. Restart runs it from the start.'
        : sheetsDone === 0 ? `Cancelled before any of its ${sheetsTotal} sheets was compared. Restart compares them all.`
          : `Cancelled after ${sheetsDone} of ${sheetsTotal} sheets. Restart compares the ${sheetsTotal - sheetsDone} left; the ${sheetsDone} compared are kept.`),
      list);
  }
  if (c.status === 'completed' && failedSheets.length) {
    return h('details.failure', {},
      h('summary', {}, `${failedSheets.length} sheet${failedSheets.length === 1 ? '' : 's'} could not be compared`),
      list,
      h('p.muted', {}, 'Retrying helps when the cause was passing (a worker lost, memory); a damaged file needs a corrected revision, compared anew.'));
  }
  return null;
}
