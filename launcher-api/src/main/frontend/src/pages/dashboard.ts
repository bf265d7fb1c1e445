import { get, type Comparison, type Page, type Project } from '../api';
import { formatDuration, h } from '../dom';
import type { PageContext } from '../main';
import { label } from './comparisons';
import { projectHeader } from './projectNav';

/** Comparisons whose changes are read for the per-trade and per-sheet charts: one request each. */
const CHANGES_OF = 8;

interface ChangeRow { sheet: string; kind: string; trade: string | null; severity: string | null }
interface Bar { label: string; values: number[]; title?: string }

/** A project's change metrics: comparisons over time, processing times, sheets and changes by trade and sheet. */
export async function dashboardPage(ctx: PageContext, projectId: string): Promise<void> {
  const [project, page] = await Promise.all([
    get<Project>(`projects/${projectId}`),
    get<Page<Comparison>>(`comparisons?projectId=${projectId}&page=0&size=100`),
  ]);
  const comparisons = [...page.items].reverse(); // oldest first
  const completed = comparisons.filter((c) => c.status === 'completed');
  const recent = completed.slice(-CHANGES_OF);
  const changes = await Promise.all(recent.map((c) => get<ChangeRow[]>(`comparisons/${c.id}/changes`)));
  const rows = changes.flat();

  const perWeek = new Map<string, number>();
  for (const c of comparisons) {
    const week = weekOf(new Date(c.createdAt));
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
  }
  const byTrade = count(rows.map((r) => (r.trade ? r.trade.toLowerCase() : 'not classified')));
  const bySheet = count(rows.map((r) => r.sheet)).slice(0, 15);
  const times = completed.filter((c) => c.durationSeconds !== null);
  const total = times.reduce((s, c) => s + (c.durationSeconds ?? 0), 0);

  ctx.root.append(
    ...projectHeader(project, 'metrics', `${project.name}: change metrics`),
    h('p', {}, `${comparisons.length} comparisons (${completed.length} completed)`,
      times.length ? `, ${formatDuration(total / times.length)} on average from start to end` : '',
      rows.length ? `; ${rows.length} changes in the latest ${recent.length} completed` : ''),
    comparisons.length === 0 ? h('p.muted', {}, 'No comparison yet.') : h('div.charts', {},
      chart('Comparisons per week', [...perWeek].map(([week, n]) => ({ label: week, values: [n] })), ['comparisons'], ['#1f4e79']),
      chart('Sheets per comparison', completed.slice(-20).map((c) => ({ label: label(c), title: c.newRevision.setName,
        values: [c.counts.changed ?? 0, c.counts.added ?? 0, c.counts.removed ?? 0] })),
      ['changed', 'added', 'removed'], ['#8a5a00', '#0072b2', '#d55e00']),
      chart('Processing time (seconds)', times.slice(-20).map((c) => ({ label: label(c), title: c.newRevision.setName,
        values: [Math.round((c.durationSeconds ?? 0) * 10) / 10] })), ['seconds'], ['#5c6670']),
      chart(`Changes per trade (latest ${recent.length} comparisons)`, byTrade.map(([t, n]) => ({ label: t, values: [n] })), ['changes'], ['#6a3d9a']),
      chart(`Changes per sheet (latest ${recent.length} comparisons)`, bySheet.map(([s, n]) => ({ label: s, values: [n] })), ['changes'], ['#009e73'])),
  );
}

function count(values: string[]): [string, number][] {
  const m = new Map<string, number>();
  values.forEach((v) => m.set(v, (m.get(v) ?? 0) + 1));
  return [...m].sort((a, b) => b[1] - a[1]);
}

/** The Monday of a date's week, as 2026-11-23. */
function weekOf(d: Date): string {
  const monday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** A horizontal bar chart (stacked when there are several series), as SVG with a table for screen readers. */
function chart(title: string, bars: Bar[], series: string[], colours: string[]): HTMLElement {
  const ns = 'http://www.w3.org/2000/svg';
  const rowHeight = 22;
  const labelWidth = 180;
  const width = 560;
  const max = Math.max(1, ...bars.map((b) => b.values.reduce((s, v) => s + v, 0)));
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, bars.length) * rowHeight + 4}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  bars.forEach((b, i) => {
    const y = i * rowHeight + 2;
    const text = document.createElementNS(ns, 'text');
    text.setAttribute('x', String(labelWidth - 6));
    text.setAttribute('y', String(y + rowHeight / 2 + 4));
    text.setAttribute('text-anchor', 'end');
    text.textContent = b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label;
    svg.append(text);
    let x = labelWidth;
    b.values.forEach((v, k) => {
      const w = (v / max) * (width - labelWidth - 40);
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', String(x));
      rect.setAttribute('y', String(y + 3));
      rect.setAttribute('width', String(Math.max(0, w)));
      rect.setAttribute('height', String(rowHeight - 6));
      rect.setAttribute('fill', colours[k % colours.length]);
      const tip = document.createElementNS(ns, 'title');
      tip.textContent = `${b.title ? `${b.title} ` : ''}${b.label}: ${v} ${series[k]}`;
      rect.append(tip);
      svg.append(rect);
      x += w;
    });
    const total = document.createElementNS(ns, 'text');
    total.setAttribute('x', String(x + 4));
    total.setAttribute('y', String(y + rowHeight / 2 + 4));
    total.textContent = String(b.values.reduce((s, v) => s + v, 0));
    svg.append(total);
  });
  return h('figure.chart', {},
    h('figcaption', {}, title, series.length > 1 ? h('span.chart-legend', {}, series.map((s, k) =>
      h('span.legend-item', {}, h('span.swatch', { style: { background: colours[k] } }), s))) : null),
    bars.length ? svg : h('p.muted', {}, 'Nothing to show yet.'),
    h('table.sr-only', {}, h('thead', {}, h('tr', {}, h('th', {}, ''), series.map((s) => h('th', {}, s)))),
      h('tbody', {}, bars.map((b) => h('tr', {}, h('th', {}, b.label), b.values.map((v) => h('td', {}, v)))))));
}
