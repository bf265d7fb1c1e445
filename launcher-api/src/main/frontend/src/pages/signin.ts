import { API, devSignIn, googleConfigured } from '../api';
import { h } from '../dom';

/** Sign-in: the development sign-in (where the server has it on) and Google (where it is configured). */
export function signInPage(root: HTMLElement, next: string): void {
  const status = h('p.muted', { role: 'status' }, 'Checking how this server signs in…');
  const buttons = h('div.signin-buttons');
  root.append(h('section.signin', {},
    h('h1', {}, 'Sign in to BuildTrace'),
    h('p', {}, 'See what changed between two revisions of a drawing set, sheet by sheet.'),
    buttons, status));
  const dev = h('button.primary', {
    type: 'button',
    onclick: async () => {
      dev.disabled = true;
      try {
        await devSignIn();
        location.hash = next.startsWith('#/sign-in') ? '#/' : next;
      } catch (e) {
        status.textContent = `Development sign-in: ${(e as Error).message}`;
        dev.disabled = false;
      }
    },
  }, 'Development sign-in');
  buttons.append(dev);
  void googleConfigured().then((on) => {
    if (on) {
      buttons.append(h('a.button', { href: `${API}/auth/google/login` }, 'Sign in with Google'));
      status.textContent = '';
    } else {
      status.textContent = 'Google sign-in is not configured on this server (buildtrace.auth.google.client-id); '
        + 'the development sign-in works where the server has it on (the embedded default).';
    }
  });
}
