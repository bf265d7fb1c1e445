import type { Project } from '../api';
import { h } from '../dom';

export type ProjectTab = 'sets' | 'comparisons' | 'metrics' | 'members' | 'activity' | 'webhooks' | 'settings';

const TABS: { tab: ProjectTab; label: string; href: (id: string) => string; owners?: boolean }[] = [
  { tab: 'sets', label: 'Sets & revisions', href: (id) => `#/projects/${id}` },
  { tab: 'comparisons', label: 'Comparisons', href: (id) => `#/comparisons?project=${id}` },
  { tab: 'metrics', label: 'Change metrics', href: (id) => `#/projects/${id}/metrics` },
  { tab: 'members', label: 'Members', href: (id) => `#/projects/${id}/members` },
  { tab: 'activity', label: 'Activity', href: (id) => `#/projects/${id}/activity` },
  { tab: 'webhooks', label: 'Webhooks', href: (id) => `#/projects/${id}/webhooks`, owners: true },
  { tab: 'settings', label: 'Settings', href: (id) => `#/projects/${id}/settings` },
];

const ROLE_HINT: Record<string, string> = {
  owner: 'You are an owner: you manage members, webhooks and settings, and may delete the project.',
  editor: 'You are an editor: you upload, compare, edit summaries and change settings.',
  viewer: 'You are a viewer: you read everything of this project.',
};

/**
 * The top of every page of a project: where it is, its name with the caller's role, and the project's pages as
 * tabs (links; the current one marked). Webhooks are shown to owners only, who alone may manage them.
 */
export function projectHeader(project: Project, current: ProjectTab, title?: string): HTMLElement[] {
  const tabs = TABS.filter((t) => !t.owners || project.role === 'owner');
  const here = TABS.find((t) => t.tab === current)!;
  return [
    h('p.crumbs', {}, h('a', { href: '#/' }, 'Projects'), ' / ',
      current === 'sets' ? project.name : h('a', { href: `#/projects/${project.id}` }, project.name),
      current === 'sets' ? null : ` / ${here.label}`),
    h('div.project-title', {},
      h('h1', {}, title ?? project.name),
      h('span.role', { title: ROLE_HINT[project.role] ?? '', dataset: { role: project.role } }, project.role)),
    h('nav.project-tabs', { 'aria-label': `Project ${project.name}` }, tabs.map((t) =>
      h('a', { href: t.href(project.id), 'aria-current': t.tab === current ? 'page' : undefined }, t.label))),
  ];
}
