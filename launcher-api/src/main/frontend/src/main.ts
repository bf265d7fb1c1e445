import './style.css';
import { me, setSignedOutHandler, signOut, type User } from './api';
import { clear, h } from './dom';
import { signInPage } from './pages/signin';
import { projectsPage } from './pages/projects';
import { projectPage } from './pages/project';
import { comparisonsPage } from './pages/comparisons';
import { viewerPage } from './pages/viewer';
import { dashboardPage } from './pages/dashboard';
import { PROJECT_PAGES } from './pages/projectPages';

/** What a page gets: where to draw, and a way to register what to stop (timers, listeners) when it is left. */
export interface PageContext {
  root: HTMLElement;
  user: User;
  onLeave(stop: () => void): void;
}

const app = document.getElementById('app') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;
const who = document.getElementById('who') as HTMLElement;
let user: User | null = null;
let leaving: (() => void)[] = [];

setSignedOutHandler(() => {
  user = null;
  if (!location.hash.startsWith('#/sign-in')) {
    location.hash = `#/sign-in?next=${encodeURIComponent(location.hash)}`;
  }
});

async function route(): Promise<void> {
  leaving.forEach((stop) => stop());
  leaving = [];
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query ?? '');
  const parts = path.split('/').filter(Boolean);
  clear(app);
  if (parts[0] === 'sign-in') {
    renderHeader(null);
    signInPage(app, params.get('next') || '#/');
    return;
  }
  user ??= await me();
  if (!user) {
    location.hash = `#/sign-in?next=${encodeURIComponent(hash)}`;
    return;
  }
  renderHeader(user);
  const ctx: PageContext = { root: app, user, onLeave: (stop) => leaving.push(stop) };
  try {
    if (parts.length === 0 || parts[0] === 'projects' && parts.length === 1) {
      await projectsPage(ctx);
    } else if (parts[0] === 'projects' && parts[2] === 'metrics') {
      await dashboardPage(ctx, parts[1]);
    } else if (parts[0] === 'projects' && parts[2] && Object.hasOwn(PROJECT_PAGES, parts[2])) {
      await PROJECT_PAGES[parts[2]](ctx, parts[1], params);
    } else if (parts[0] === 'projects') {
      await projectPage(ctx, parts[1]);
    } else if (parts[0] === 'keys') {
      await (await import('./pages/apiKeys')).apiKeysPage(ctx);
    } else if (parts[0] === 'comparisons' && parts.length === 1) {
      await comparisonsPage(ctx, params.get('project'));
    } else if (parts[0] === 'comparisons') {
      await viewerPage(ctx, parts[1], params);
    } else {
      app.append(h('p.error', {}, 'No such page.'));
    }
  } catch (e) {
    app.append(h('p.error', { role: 'alert' }, (e as Error).message));
  }
}

function renderHeader(u: User | null): void {
  clear(nav);
  clear(who);
  if (!u) return;
  nav.append(h('a', { href: '#/' }, 'Projects'), h('a', { href: '#/comparisons' }, 'Recent comparisons'),
    h('a', { href: '#/keys' }, 'API keys'));
  who.append(
    h('span.user', {}, u.name || u.email),
    h('button.link', {
      type: 'button',
      onclick: async () => {
        await signOut();
        user = null;
        location.hash = '#/sign-in';
      },
    }, 'Sign out'),
  );
}

window.addEventListener('hashchange', () => void route());
void route();
