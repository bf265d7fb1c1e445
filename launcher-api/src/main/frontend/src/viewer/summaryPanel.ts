import { get, send, type Comparison } from '../api';
import { append, clear, h } from '../dom';
import type { Member } from '../pages/members';
import { canEdit, message, projectOf, timeAgo } from '../ui';

/** A sheet's part of a summary (summary.json's "sheets"). */
export interface SheetSummary {
  sheet: string; title: string | null; oldPage: number | null; newPage: number | null; status: string; source: string;
  note: string | null; summary: string; criticalChange: string | null; recommendations: string[];
  changes: { title?: string; description?: string; severity?: string; trade?: string; regionIds?: string[] }[];
}
interface SetSummary {
  source: string; note: string | null; overallSummary: string; tradesAffected: string[];
  sheetsByImpact: { sheet: string; impact: string; reason: string }[]; counts: Record<string, number>;
}
interface ChangeSummary { kind: string; label: string; model: string | null; note: string | null; set: SetSummary; sheets: SheetSummary[] }
/** One version of a comparison's summary (GET .../summary, and each entry of .../summary/history). */
interface SummaryVersion {
  version: number; kind: string; status: string; summary: ChangeSummary | null; model: string | null; error: string | null;
  basedOnVersion: number | null; createdBy: string; createdAt: string;
  usage: { requests: number; inputTokens: number; outputTokens: number; estimatedCostUsd: number };
}

const TRADES = ['Architectural', 'Structural', 'Mechanical', 'Electrical', 'Plumbing', 'Civil', 'Fire protection', 'Other'];
const IMPACTS = ['low', 'medium', 'high', 'critical'];
const KIND_LABEL: Record<string, string> = { ai: 'AI-written', deterministic: 'Computed', edited: 'Edited' };
/** While a regeneration runs, the current summary is read every 3 s (20 requests a minute, within the API's 60). */
const POLL_MS = 3000;

/**
 * The Summary tab of the viewer: the current summary of the set (who wrote it, which version), its version
 * history, and for editors and owners an edit of the set's and the sheets' summaries and a regeneration (in
 * the background; the new version appears when it is written). Viewers see no controls. {@code sheetsChanged}
 * hands the sheets' summaries of a new version to the viewer, which shows them with each sheet.
 */
export async function summaryPanel(root: HTMLElement, comparisonId: string,
  sheetsChanged: (sheets: SheetSummary[]) => void = () => {}): Promise<void> {
  const base = `comparisons/${comparisonId}/summary`;
  const comparison = await get<Comparison>(`comparisons/${comparisonId}`);
  const [project, first] = await Promise.all([projectOf(comparison.projectId), get<SummaryVersion>(base)]);
  const editor = canEdit(project.role);
  let current = first;
  let members: Promise<Map<string, string>> | null = null;
  /** Who made a version: "BuildTrace" for the system, else the member's name (read once, when first needed). */
  const author = async (v: SummaryVersion): Promise<string> => {
    if (v.createdBy === 'system') return v.kind === 'ai' && v.model ? `${v.model}` : 'BuildTrace';
    members ??= get<Member[]>(`projects/${comparison.projectId}/members`)
      .then((list) => new Map(list.filter((m) => m.userId).map((m) => [m.userId!, m.name ?? m.email])))
      .catch(() => new Map());
    return (await members).get(v.createdBy) ?? 'a former member';
  };

  const meta = h('p.summary-meta');
  const content = h('div.summary-content');
  const status = h('p.status', { role: 'status' });
  const error = h('p.error', { role: 'alert' });
  const controls = h('div.inline.summary-controls');
  const historyList = h('ol.summary-history', { 'aria-label': 'Versions, newest first' });
  const history = h('details.history', {
    ontoggle: () => {
      if (history.open) void showHistory();
    },
  }, h('summary', {}, 'Version history'), historyList);
  clear(root);
  append(root, [meta, editor ? controls : null, status, error, content, history]);

  const showMeta = async (v: SummaryVersion) => {
    const by = await author(v);
    clear(meta);
    append(meta, [
      h('span.badge', { dataset: { kind: v.kind } }, KIND_LABEL[v.kind] ?? v.kind), ' ',
      `Version ${v.version}`,
      v.kind === 'edited' ? ` · edited by ${by}${v.basedOnVersion ? ` from version ${v.basedOnVersion}` : ''}` : v.kind === 'ai' ? ` · written by ${by}` : ' · computed from the detected changes, not by an AI',
      ' · ', timeAgo(v.createdAt),
    ]);
  };
  const show = (v: SummaryVersion) => {
    current = v;
    void showMeta(v);
    clear(content);
    const s = v.summary;
    const set = s?.set;
    append(content, [
      s?.note ? h('p.muted', {}, s.note) : null,
      set?.overallSummary ? h('p', {}, set.overallSummary) : null,
      set?.tradesAffected?.length ? h('p', {}, h('strong', {}, 'Trades: '), set.tradesAffected.join(', ')) : null,
      set?.sheetsByImpact?.length ? h('ol', {}, set.sheetsByImpact.map((i) => h('li', {}, h('strong', {}, i.sheet), ` (${i.impact}) ${i.reason}`))) : null,
    ]);
    showControls();
  };
  const showControls = () => {
    clear(controls);
    controls.append(
      h('button', { type: 'button', onclick: () => edit(current) }, 'Edit summary'),
      h('button', { type: 'button', onclick: () => void regenerate() }, 'Regenerate'));
  };

  const showHistory = async () => {
    try {
      const versions = await get<SummaryVersion[]>(`${base}/history`);
      const authors = await Promise.all(versions.map(author));
      clear(historyList);
      versions.forEach((v, i) => {
        const text = v.summary?.set.overallSummary;
        historyList.append(h('li', { dataset: { version: String(v.version), kind: v.kind } },
          h('div', {}, h('strong', {}, `Version ${v.version}`), ' ',
            h('span.badge', { dataset: { kind: v.kind } }, KIND_LABEL[v.kind] ?? v.kind),
            v.status === 'failed' ? h('span.badge', { dataset: { status: 'failed' } }, 'failed') : null,
            v.status === 'partial' ? h('span.badge', { dataset: { status: 'queued' } }, 'partly computed') : null,
            v.version === current.version ? h('span.muted', {}, ' current') : null),
          h('div.muted', {}, v.kind === 'edited' ? `edited by ${authors[i]}${v.basedOnVersion ? ` from version ${v.basedOnVersion}` : ''}` : authors[i],
            ' · ', timeAgo(v.createdAt),
            v.usage?.requests ? ` · ${v.usage.inputTokens + v.usage.outputTokens} tokens, $${v.usage.estimatedCostUsd.toFixed(4)}` : ''),
          v.error ? h('div.error', {}, v.error) : null,
          text ? h('details', {}, h('summary', {}, 'Read it'), h('p', {}, text),
            editor && v.version !== current.version ? h('button', {
              type: 'button',
              onclick: async () => {
                try {
                  const restored = await send<SummaryVersion>('PUT', base, { set: v.summary!.set, sheets: v.summary!.sheets });
                  show(restored);
                  sheetsChanged(restored.summary?.sheets ?? []);
                  status.textContent = `Version ${v.version} is current again, as version ${restored.version}.`;
                  await showHistory();
                } catch (e) {
                  error.textContent = message(e);
                }
              },
            }, `Make version ${v.version} current`) : null) : null));
      });
    } catch (e) {
      clear(historyList);
      historyList.append(h('li.error', {}, message(e)));
    }
  };

  /** The editor: the set's summary, trades and ranking, and each sheet's summary, critical change and follow-ups. */
  const edit = (v: SummaryVersion) => {
    const s = v.summary!;
    const overall = h('textarea', { id: 'summary-overall', rows: 6, required: true, maxlength: 10000 }, s.set.overallSummary);
    const trades = TRADES.map((t) => h('input', { type: 'checkbox', value: t, checked: s.set.tradesAffected.includes(t) }));
    const ranking = s.set.sheetsByImpact.map((i) => ({
      impact: h('select', { 'aria-label': `Impact of ${i.sheet}` }, IMPACTS.map((x) => h('option', { value: x, selected: x === i.impact }, x))),
      reason: h('input', { type: 'text', required: true, maxlength: 2000, value: i.reason, 'aria-label': `Why ${i.sheet} ranks there` }),
    }));
    const sheets = s.sheets.map((sh) => ({
      // not "required": a closed <details> hides it from the browser's check; the API says which one is blank
      summary: h('textarea', { rows: 3, maxlength: 10000, 'aria-label': `Summary of ${sh.sheet}` }, sh.summary),
      critical: h('input', { type: 'text', maxlength: 2000, value: sh.criticalChange ?? '', 'aria-label': `Change not to miss on ${sh.sheet}` }),
      follow: h('textarea', { rows: 2, maxlength: 10000, 'aria-label': `Follow-ups for ${sh.sheet}, one a line` }, sh.recommendations.join('\n')),
    }));
    const save = h('button.primary', { type: 'submit' }, 'Save as a new version');
    const form = h('form.summary-edit', {
      onsubmit: async (e: Event) => {
        e.preventDefault();
        save.disabled = true;
        error.textContent = '';
        const set: SetSummary = {
          ...s.set, overallSummary: overall.value.trim(),
          tradesAffected: trades.filter((t) => t.checked).map((t) => t.value),
          sheetsByImpact: s.set.sheetsByImpact.map((i, k) => ({ ...i, impact: ranking[k].impact.value, reason: ranking[k].reason.value.trim() })),
        };
        const edited = s.sheets.map((sh, k) => ({
          ...sh, summary: sheets[k].summary.value.trim(), criticalChange: sheets[k].critical.value.trim() || null,
          recommendations: sheets[k].follow.value.split('\n').map((l) => l.trim()).filter(Boolean),
        }));
        try {
          const saved = await send<SummaryVersion>('PUT', base, { set, sheets: edited });
          show(saved);
          sheetsChanged(saved.summary?.sheets ?? []);
          status.textContent = `Saved as version ${saved.version}, marked as edited by you.`;
          if (history.open) await showHistory();
        } catch (err) {
          error.textContent = message(err);
          save.disabled = false;
        }
      },
    },
    h('label.field', { for: 'summary-overall' }, 'Summary of the set'), overall,
    h('fieldset', {}, h('legend', {}, 'Trades affected'),
      h('div.trade-list', {}, TRADES.map((t, k) => h('label.check', {}, trades[k], ` ${t}`)))),
    ranking.length ? h('fieldset', {}, h('legend', {}, 'Sheets by impact'),
      h('ol.ranking', {}, s.set.sheetsByImpact.map((i, k) => h('li', {}, h('strong', {}, i.sheet), ' ', ranking[k].impact, ranking[k].reason)))) : null,
    h('fieldset', {}, h('legend', {}, 'Sheets'),
      // sheets with something to say first, unchanged ones last (the order sent stays the comparison's)
      [...s.sheets.keys()].sort((a, b) => Number(s.sheets[a].status === 'unchanged') - Number(s.sheets[b].status === 'unchanged'))
        .map((k) => h('details.sheet-edit', {},
          h('summary', {}, h('strong', {}, s.sheets[k].sheet), s.sheets[k].title ? ` ${s.sheets[k].title}` : '',
            h('span.muted', {}, ` · ${s.sheets[k].status}`)),
          sheets[k].summary,
          h('label.field', {}, 'Do not miss', sheets[k].critical),
          h('label.field', {}, 'Follow-ups (one a line)', sheets[k].follow)))),
    h('div.inline', {}, save, h('button', { type: 'button', onclick: () => show(current) }, 'Cancel')));
    clear(content);
    clear(controls);
    status.textContent = '';
    content.append(form);
    overall.focus();
  };

  const regenerate = async () => {
    error.textContent = '';
    controls.querySelectorAll('button').forEach((b) => (b.disabled = true));
    try {
      const started = await send<{ afterVersion: number }>('POST', `${base}:regenerate`);
      status.textContent = 'Regenerating the summary: the new version appears here when it is written.';
      const deadline = Date.now() + 10 * 60_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!root.isConnected) return;
        const latest = await get<SummaryVersion>(base);
        if (latest.version > started.afterVersion) {
          show(latest);
          sheetsChanged(latest.summary?.sheets ?? []);
          const failed = (await get<SummaryVersion[]>(`${base}/history`))
            .find((x) => x.version > started.afterVersion && x.status === 'failed');
          status.textContent = failed
            ? `The AI summary failed (${failed.error ?? 'no reason given'}); the computed summary, version ${latest.version}, stands.`
            : `Regenerated: version ${latest.version}.`;
          if (history.open) await showHistory();
          return;
        }
        if (Date.now() > deadline) throw new Error('The regeneration takes longer than 10 minutes; look again later.');
      }
    } catch (e) {
      error.textContent = message(e);
      showControls();
    }
  };

  show(current);
}
