import { API, get, request, send, sheetsOf, type Comparison, type Region, type SheetResult, type TextChange } from '../api';
import { append, clear, formatDuration, formatTime, h } from '../dom';
import type { PageContext } from '../main';
import { comparisonActions, failureReport } from '../comparisonActions';
import { keepFocus, rerender } from '../ui';
import { summaryPanel, type SheetSummary } from '../viewer/summaryPanel';
import { label } from './comparisons';

type View = 'overlay' | 'slider' | 'side';
const FILTERS = ['all', 'changed', 'added', 'removed', 'unchanged', 'failed'] as const;
const POLL_MS = 3000;
/** The overlay's own colours (result.json legend) and a colour-blind-safe pair (Okabe–Ito blue and vermillion). */
const SAFE = { removed: '#D55E00', added: '#0072B2' };

interface CommentView { id: string; sheet: number | null; author: string; body: string; regionId: string | null; createdAt: string }
interface Legend { removed: string; added: string; unchanged: string; unchangedLight: string }

/** Pan and zoom of a viewport, shared by the side-by-side panes. */
interface Camera { scale: number; x: number; y: number }

/**
 * The comparison viewer: the sheets ranked by change (filter, search), the selected sheet as an overlay, an
 * old/new slider or side by side with one pan and zoom, its regions as boxes, its text changes, the summary,
 * chat, comments, and the package. Keys: j/k (or ↓/↑) sheets, n/p regions, 1/2/3 views, 0 fit, +/- zoom.
 */
export async function viewerPage(ctx: PageContext, id: string, params: URLSearchParams): Promise<void> {
  let comparison = await get<Comparison>(`comparisons/${id}`);
  const head = h('div.viewer-head');
  const body = h('div.viewer');
  ctx.root.append(head, body);
  const renderHead = () => {
    clear(head);
    const c = comparison;
    const active = c.status === 'queued' || c.status === 'running';
    append(head, [
      h('p.crumbs', {}, h('a', { href: `#/projects/${c.projectId}` }, 'Project'), ' / ',
        h('a', { href: `#/comparisons?project=${c.projectId}` }, 'Comparisons')),
      h('h1', {}, `${c.newRevision.setName}: ${label(c)}`),
      h('div.inline', {},
        h('span.badge', { dataset: { status: c.status } }, c.status),
        active ? h('progress', { max: 100, value: c.progress.percent, 'aria-label': 'Progress' }) : null,
        active ? h('span', {}, `${c.progress.sheetsDone} of ${c.progress.sheetsTotal} sheets`) : null,
        h('span.counts', {},
          h('span.changed', {}, `${c.counts.changed ?? 0} changed`), ' · ', h('span.added', {}, `${c.counts.added ?? 0} added`),
          ' · ', h('span.removed', {}, `${c.counts.removed ?? 0} removed`), ' · ', `${c.counts.unchanged ?? 0} unchanged`,
          c.counts.failed ? h('span.failed', {}, ` · ${c.counts.failed} failed`) : null),
        h('span.muted', {}, formatTime(c.createdAt), c.durationSeconds !== null ? ` · ${formatDuration(c.durationSeconds)}` : ''),
        c.status === 'completed' ? h('a.button', { href: `${API}/comparisons/${id}/package`, download: true }, 'Download package (PNG + PDF + JSON)') : null,
        c.status === 'completed' ? h('a.button', { href: `${API}/comparisons/${id}/annotated.pdf`, download: true }, 'Annotated PDF') : null,
        c.status === 'completed' ? h('a.button', { href: `${API}/comparisons/${id}/report/`, target: '_blank', rel: 'noopener' }, 'Report') : null,
        comparisonActions(c, rerender)),
      c.error && c.status !== 'cancelled' ? h('p.error', { role: 'alert' }, c.error) : null,
      failureReport(c),
      active && c.sheets?.length ? h('ul.sheet-progress', { 'aria-label': 'Sheets so far' }, c.sheets.map((st) =>
        h('li', {}, h('span.badge', { dataset: { status: st.status } }, st.status), ` ${st.label}`,
          st.regions ? h('span.muted', {}, ` · ${st.regions} regions`) : null))) : null,
    ]);
  };
  renderHead();
  if (comparison.status === 'queued' || comparison.status === 'running') {
    body.append(h('p.muted', { role: 'status' }, 'Comparing: the sheets appear when it completes.'));
    let timer = 0;
    ctx.onLeave(() => window.clearTimeout(timer));
    await new Promise<void>((done) => {
      const poll = async () => {
        try {
          comparison = await get<Comparison>(`comparisons/${id}`);
          keepFocus(head, renderHead);
        } catch {
          // try again at the next tick
        }
        if (comparison.status === 'queued' || comparison.status === 'running') {
          timer = window.setTimeout(() => void poll(), POLL_MS);
        } else {
          done();
        }
      };
      timer = window.setTimeout(() => void poll(), POLL_MS);
    });
    clear(body);
  }
  if (comparison.status !== 'completed') {
    body.append(h('p.muted', {}, `This comparison is ${comparison.status}: there are no results to show.`));
    return;
  }
  const [sheets, result] = await Promise.all([
    sheetsOf(id),
    get<{ legend: Legend }>(`comparisons/${id}/result.json`),
  ]);
  new Viewer(ctx, id, body, sheets, result.legend, params).start();
}

function rankOf(s: SheetResult): number {
  switch (s.status) {
    case 'changed': return 0;
    case 'added': return 1;
    case 'removed': return 2;
    case 'failed': return 3;
    default: return 4;
  }
}

function sheetName(s: SheetResult): string {
  return s.sheet ?? `page ${(s.newPage ?? s.oldPage ?? 0) + 1}`;
}

class Viewer {
  private readonly ranked: SheetResult[];
  private current: SheetResult | null = null;
  private region: string | null = null;
  private view: View = 'overlay';
  private safeColours = localStorage.getItem('bt.safeColours') === 'true';
  private camera: Camera = { scale: 1, x: 0, y: 0 };
  private filter: string = 'all';
  private query = '';
  private readonly list = h('ol.sheet-list', { 'aria-label': 'Sheets, most changed first' });
  private readonly stageHost = h('div.stage-host');
  private readonly side = h('aside.side');
  private readonly toolbar = h('div.toolbar', { role: 'toolbar', 'aria-label': 'View' });
  private readonly legendBox = h('div.legend');
  private readonly panes: HTMLElement[] = [];
  private readonly comments = h('div.comments');

  constructor(private readonly ctx: PageContext, private readonly id: string, private readonly root: HTMLElement,
              sheets: SheetResult[], private readonly legend: Legend, private readonly params: URLSearchParams) {
    this.ranked = [...sheets].sort((a, b) => rankOf(a) - rankOf(b)
      || (b.changedAreaPt2 ?? 0) - (a.changedAreaPt2 ?? 0) || (b.regions?.length ?? 0) - (a.regions?.length ?? 0)
      || a.index - b.index);
  }

  start(): void {
    const search = h('input', { type: 'search', placeholder: 'Sheet number or title', 'aria-label': 'Search sheets' });
    search.addEventListener('input', () => {
      this.query = search.value.trim().toLowerCase();
      this.renderList();
    });
    const filter = h('select', { 'aria-label': 'Show sheets' }, FILTERS.map((f) => h('option', { value: f }, f)));
    filter.addEventListener('change', () => {
      this.filter = filter.value;
      this.renderList();
    });
    this.root.append(
      h('nav.sheets', { 'aria-label': 'Sheets' }, h('div.inline', {}, filter, search), this.list),
      h('section.sheet-view', { 'aria-label': 'Selected sheet' }, this.toolbar, this.stageHost, this.legendBox),
      this.side,
    );
    let width = 0;
    const resized = new ResizeObserver(() => {
      if (this.stageHost.clientWidth !== width) {
        width = this.stageHost.clientWidth;
        if (this.region) this.focusRegion(this.region);
        else this.fit();
      }
    });
    resized.observe(this.stageHost);
    this.ctx.onLeave(() => resized.disconnect());
    const onKey = (e: KeyboardEvent) => this.key(e);
    document.addEventListener('keydown', onKey);
    this.ctx.onLeave(() => document.removeEventListener('keydown', onKey));
    this.renderList();
    const wanted = this.params.has('sheet') ? Number(this.params.get('sheet')) : NaN;
    const first = this.ranked.find((s) => s.index === wanted) ?? this.ranked[0];
    if (first) this.select(first, this.params.get('region'));
    void this.renderSideStatic();
  }

  private visible(): SheetResult[] {
    return this.ranked.filter((s) => (this.filter === 'all' || s.status === this.filter)
      && (!this.query || sheetName(s).toLowerCase().includes(this.query) || (s.title ?? '').toLowerCase().includes(this.query)));
  }

  private renderList(): void {
    clear(this.list);
    const shown = this.visible();
    if (shown.length === 0) this.list.append(h('li.muted', {}, 'No sheet matches.'));
    for (const s of shown) {
      const selected = s === this.current;
      this.list.append(h('li', {},
        h('button.sheet', {
          type: 'button', 'aria-current': selected ? 'true' : undefined, dataset: { status: s.status },
          onclick: () => this.select(s, null),
        },
        h('span.sheet-no', {}, sheetName(s)),
        h('span.sheet-title', {}, s.title ?? ''),
        h('span.sheet-meta', {}, h('span.badge', { dataset: { status: s.status } }, s.status),
          s.regions?.length ? `${s.regions.length} region${s.regions.length === 1 ? '' : 's'}` : '',
          s.textChanges?.length ? ` · ${s.textChanges.length} text` : ''))));
    }
  }

  private select(s: SheetResult, region: string | null): void {
    this.current = s;
    this.region = region;
    this.camera = { scale: 1, x: 0, y: 0 };
    history.replaceState(null, '', `#/comparisons/${this.id}?sheet=${s.index}${region ? `&region=${region}` : ''}`);
    this.renderList();
    this.list.querySelector<HTMLElement>('[aria-current="true"]')?.scrollIntoView({ block: 'nearest' });
    this.renderStage();
    this.renderSheetSide();
    if (region) this.focusRegion(region);
  }

  private pageSize(s: SheetResult): [number, number] {
    return s.newSize ?? s.oldSize ?? [1, 1];
  }

  private renderToolbar(): void {
    clear(this.toolbar);
    const s = this.current;
    const compared = s && (s.status === 'changed' || s.status === 'unchanged') && s.images?.old && s.images?.new;
    const button = (v: View, text: string, key: string) => h('button', {
      type: 'button', 'aria-pressed': String(this.view === v), disabled: v !== 'overlay' && !compared,
      title: `${text} (${key})`, onclick: () => this.setView(v),
    }, text);
    append(this.toolbar, [
      button('overlay', 'Overlay', '1'), button('slider', 'Old / new slider', '2'), button('side', 'Side by side', '3'),
      h('span.spacer'),
      h('button', { type: 'button', title: 'Zoom in (+)', onclick: () => this.zoom(1.5) }, '+'),
      h('button', { type: 'button', title: 'Zoom out (-)', onclick: () => this.zoom(1 / 1.5) }, '−'),
      h('button', { type: 'button', title: 'Fit (0)', onclick: () => this.fit() }, 'Fit'),
      h('label.check', {}, h('input', {
        type: 'checkbox', checked: this.safeColours,
        onchange: (e: Event) => {
          this.safeColours = (e.target as HTMLInputElement).checked;
          localStorage.setItem('bt.safeColours', String(this.safeColours));
          this.renderStage(false);
        },
      }), ' Colour-blind-safe colours'),
    ]);
  }

  private setView(v: View): void {
    this.view = v;
    this.renderStage();
    // the panes changed size: frame the selected region again, else the whole sheet
    if (this.region) this.focusRegion(this.region);
    else this.fit();
  }

  private renderLegend(): void {
    clear(this.legendBox);
    const removed = this.safeColours ? SAFE.removed : this.legend.removed;
    const added = this.safeColours ? SAFE.added : this.legend.added;
    const item = (colour: string, text: string) => h('span.legend-item', {}, h('span.swatch', { style: { background: colour } }), text);
    if (this.view === 'overlay') {
      append(this.legendBox, [item(removed, 'Only in the old sheet (removed)'), item(added, 'Only in the new sheet (added)'),
        item(this.legend.unchanged, 'Unchanged'), h('span.legend-item', {}, h('span.swatch.box'), 'Change region (click to select)')]);
    } else if (this.view === 'slider') {
      this.legendBox.append(h('span.muted', {}, 'Drag the handle (or focus it and use ← →): old sheet on the left, new sheet on the right.'));
    } else {
      this.legendBox.append(h('span.muted', {}, 'Old (left) and new (right) move and zoom together: drag to pan, wheel to zoom.'));
    }
  }

  /** The image of a pane, its boxes, and pan/zoom. */
  private renderStage(toolbar = true): void {
    const s = this.current;
    if (toolbar) this.renderToolbar();
    this.renderLegend();
    clear(this.stageHost);
    this.panes.length = 0;
    if (!s) return;
    const compared = (s.status === 'changed' || s.status === 'unchanged') && s.images?.old && s.images?.new;
    const view = compared ? this.view : 'overlay';
    const [w, hgt] = this.pageSize(s);
    if (view === 'side') {
      const row = h('div.side-by-side');
      row.append(this.pane(s, w, hgt, [this.img(s.images!.old, 'Old sheet')], 'Old'),
        this.pane(s, w, hgt, [this.img(s.images!.new, 'New sheet')], 'New'));
      this.stageHost.append(row);
    } else if (view === 'slider') {
      const top = h('div.slider-top', {}, this.img(s.images!.new, 'New sheet'));
      const handle = h('input.slider-handle', { type: 'range', min: 0, max: 100, value: 50, 'aria-label': 'Old / new position' });
      const set = () => {
        top.style.clipPath = `inset(0 0 0 ${handle.value}%)`;
      };
      handle.addEventListener('input', set);
      set();
      this.stageHost.append(this.pane(s, w, hgt, [this.img(s.images!.old, 'Old sheet'), top], ''), handle);
    } else {
      const image = s.images?.preview ?? s.images?.overlay;
      const children: Node[] = [];
      if (image) children.push(this.safeColours ? this.recoloured(image) : this.img(image, `Overlay of ${sheetName(s)}`));
      else children.push(h('p.muted', {}, s.error ?? 'No image for this sheet.'));
      this.stageHost.append(this.pane(s, w, hgt, children, ''));
    }
    this.fit();
  }

  private img(src: string, alt: string): HTMLImageElement {
    return h('img', { src, alt, draggable: 'false', decoding: 'async' });
  }

  /** The overlay with its removed and added colours swapped for the colour-blind-safe pair. */
  private recoloured(src: string): HTMLCanvasElement {
    const canvas = h('canvas', { role: 'img', 'aria-label': 'Overlay in colour-blind-safe colours' });
    const image = new Image();
    image.onload = () => {
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const data = g.getImageData(0, 0, canvas.width, canvas.height);
      const from = [rgb(this.legend.removed), rgb(this.legend.added)];
      const to = [rgb(SAFE.removed), rgb(SAFE.added)];
      const px = data.data;
      for (let i = 0; i < px.length; i += 4) {
        for (let k = 0; k < 2; k++) {
          const f = from[k];
          // a pixel of that colour, or a blend of it with white (anti-aliased edges): keep its lightness
          const t = blendWithWhite(px[i], px[i + 1], px[i + 2], f);
          if (t >= 0) {
            px[i] = Math.round(255 - (255 - to[k][0]) * t);
            px[i + 1] = Math.round(255 - (255 - to[k][1]) * t);
            px[i + 2] = Math.round(255 - (255 - to[k][2]) * t);
            break;
          }
        }
      }
      g.putImageData(data, 0, 0);
    };
    image.src = src;
    return canvas;
  }

  private pane(s: SheetResult, w: number, hgt: number, content: Node[], caption: string): HTMLElement {
    const stage = h('div.stage', { style: { aspectRatio: `${w} / ${hgt}` } }, ...content, this.boxes(s, w, hgt));
    const pane = h('div.pane', { tabindex: 0, 'aria-label': caption ? `${caption} sheet` : 'Sheet' },
      caption ? h('span.pane-caption', {}, caption) : null, stage);
    this.panes.push(pane);
    let drag: { x: number; y: number; cx: number; cy: number } | null = null;
    pane.addEventListener('pointerdown', (e) => {
      if ((e.target as Element).closest('rect')) return;
      drag = { x: e.clientX, y: e.clientY, cx: this.camera.x, cy: this.camera.y };
      pane.setPointerCapture(e.pointerId);
    });
    pane.addEventListener('pointermove', (e) => {
      if (!drag) return;
      this.camera.x = drag.cx + (e.clientX - drag.x);
      this.camera.y = drag.cy + (e.clientY - drag.y);
      this.apply();
    });
    pane.addEventListener('pointerup', () => (drag = null));
    pane.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = pane.getBoundingClientRect();
      this.zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });
    return pane;
  }

  /** The change regions as boxes in the new page's points (SVG viewBox), clickable. */
  private boxes(s: SheetResult, w: number, hgt: number): SVGSVGElement {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('class', 'boxes');
    for (const r of s.regions ?? []) {
      const pad = Math.max(2, Math.min(w, hgt) * 0.004);
      const rect = document.createElementNS(ns, 'rect');
      rect.setAttribute('x', String(r.x - pad));
      rect.setAttribute('y', String(r.y - pad));
      rect.setAttribute('width', String(r.width + 2 * pad));
      rect.setAttribute('height', String(r.height + 2 * pad));
      rect.setAttribute('class', `region ${r.kind}${r.id === this.region ? ' selected' : ''}`);
      rect.dataset.region = r.id;
      const title = document.createElementNS(ns, 'title');
      title.textContent = `${r.id}: ${r.kind}`;
      rect.append(title);
      rect.addEventListener('click', () => this.selectRegion(r.id, false));
      svg.append(rect);
    }
    return svg;
  }

  private apply(): void {
    const [w] = this.current ? this.pageSize(this.current) : [1];
    for (const pane of this.panes) {
      const stage = pane.querySelector<HTMLElement>('.stage');
      if (!stage) continue;
      stage.style.transform = `translate(${this.camera.x}px, ${this.camera.y}px) scale(${this.camera.scale})`;
      // box outlines 2 screen pixels wide at any zoom (in the page's points: the viewBox's units)
      const unitsPerPx = w / Math.max(stage.offsetWidth, 1) / this.camera.scale;
      stage.querySelector<SVGSVGElement>('svg.boxes')?.style.setProperty('--stroke', String(2 * unitsPerPx));
      stage.querySelector<SVGSVGElement>('svg.boxes')?.style.setProperty('--dash', `${6 * unitsPerPx} ${3 * unitsPerPx}`);
    }
    // deep zoom: past 2x the screen preview, the full-resolution overlay replaces it
    if (this.view === 'overlay' && this.camera.scale > 2 && !this.safeColours && this.current?.images?.overlay) {
      const img = this.stageHost.querySelector<HTMLImageElement>('.stage > img');
      if (img && img.getAttribute('src') !== this.current.images.overlay) {
        const full = new Image();
        full.onload = () => (img.src = full.src);
        full.src = this.current.images.overlay;
      }
    }
  }

  private zoom(factor: number, px?: number, py?: number): void {
    const pane = this.panes[0];
    if (!pane) return;
    const cx = px ?? pane.clientWidth / 2;
    const cy = py ?? pane.clientHeight / 2;
    const scale = Math.min(32, Math.max(0.5, this.camera.scale * factor));
    const f = scale / this.camera.scale;
    this.camera = { scale, x: cx - (cx - this.camera.x) * f, y: cy - (cy - this.camera.y) * f };
    this.apply();
  }

  /** The whole sheet in its pane, centred. */
  private fit(): void {
    this.sizeStages();
    const pane = this.panes[0];
    const stage = pane?.querySelector<HTMLElement>('.stage');
    this.camera = { scale: 1, x: pane && stage ? (pane.clientWidth - stage.offsetWidth) / 2 : 0,
      y: pane && stage ? Math.max(0, (pane.clientHeight - stage.offsetHeight) / 2) : 0 };
    this.apply();
  }

  /** Each stage as wide as the sheet can be shown whole in its pane (the page's aspect ratio gives its height). */
  private sizeStages(): void {
    const s = this.current;
    if (!s) return;
    const [w, hgt] = this.pageSize(s);
    for (const pane of this.panes) {
      const stage = pane.querySelector<HTMLElement>('.stage');
      if (stage) stage.style.width = `${Math.max(1, Math.min(pane.clientWidth, pane.clientHeight * w / hgt))}px`;
    }
  }

  /** Zooms to a region so that it fills about a third of the pane. */
  private focusRegion(id: string): void {
    const s = this.current;
    const r = s?.regions?.find((x) => x.id === id);
    const pane = this.panes[0];
    if (!s || !r || !pane) return;
    this.sizeStages();
    const [w] = this.pageSize(s);
    const stageWidth = pane.querySelector<HTMLElement>('.stage')!.offsetWidth;
    const ptToPx = stageWidth / w;
    const scale = Math.min(8, Math.max(1, (pane.clientWidth / 3) / Math.max(r.width * ptToPx, 1)));
    const cx = (r.x + r.width / 2) * ptToPx;
    const cy = (r.y + r.height / 2) * ptToPx;
    this.camera = { scale, x: pane.clientWidth / 2 - cx * scale, y: pane.clientHeight / 2 - cy * scale };
    this.apply();
  }

  private selectRegion(id: string, zoom: boolean): void {
    this.region = id;
    history.replaceState(null, '', `#/comparisons/${this.id}?sheet=${this.current!.index}&region=${id}`);
    this.stageHost.querySelectorAll('rect.region').forEach((r) =>
      r.classList.toggle('selected', (r as SVGRectElement).dataset.region === id));
    this.side.querySelectorAll<HTMLElement>('[data-region]').forEach((el) =>
      el.classList.toggle('selected', el.dataset.region === id));
    this.side.querySelector<HTMLElement>(`.region-item[data-region="${id}"]`)?.scrollIntoView({ block: 'nearest' });
    if (zoom) this.focusRegion(id);
    void this.loadComments();
  }

  private readonly sheetPanel = h('div.sheet-panel');
  private readonly summaryPanel = h('div.summary');
  private readonly chatPanel = h('div.chat');

  private async renderSideStatic(): Promise<void> {
    const tabs = [
      ['Changes', this.sheetPanel], ['Summary', this.summaryPanel], ['Chat', this.chatPanel], ['Comments', this.comments],
    ] as const;
    const bar = h('div.tabs', { role: 'tablist' });
    const panels = h('div.tab-panels');
    tabs.forEach(([name, panel], i) => {
      const tab = h('button', { type: 'button', role: 'tab', 'aria-selected': String(i === 0), id: `tab-${name}` }, name);
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', `tab-${name}`);
      panel.hidden = i !== 0;
      tab.addEventListener('click', () => {
        bar.querySelectorAll('button').forEach((b) => b.setAttribute('aria-selected', String(b === tab)));
        tabs.forEach(([, p]) => (p.hidden = p !== panel));
      });
      bar.append(tab);
      panels.append(panel);
    });
    this.side.prepend(bar, panels);
    await Promise.all([this.renderSummary(), this.renderChat()]);
  }

  private renderSheetSide(): void {
    const s = this.current!;
    clear(this.sheetPanel);
    const regions = s.regions ?? [];
    const texts = s.textChanges ?? [];
    append(this.sheetPanel, [
      h('h2', {}, sheetName(s), s.title ? h('span.muted', {}, ` ${s.title}`) : null),
      s.oldSheet && s.newSheet && s.oldSheet !== s.newSheet ? h('p.muted', {}, `Renumbered: ${s.oldSheet} → ${s.newSheet}`) : null,
      s.error ? h('p.error', {}, s.error) : null,
      s.summary?.summary ? h('p', {}, String(s.summary.summary)) : null,
      s.summary?.criticalChange ? h('p.critical', {}, h('strong', {}, 'Do not miss: '), s.summary.criticalChange) : null,
      s.summary?.changes?.length ? h('ul.summary-changes', {}, s.summary.changes.map((c) => h('li', {},
        c.severity ? h('span.badge', { dataset: { severity: c.severity.toLowerCase() } }, c.severity.toLowerCase()) : null,
        c.trade ? h('span.muted', {}, `${c.trade.toLowerCase()} · `) : null,
        h('strong', {}, c.title ?? ''), c.description ? ` ${c.description}` : '',
        (c.regionIds ?? []).map((r) => h('button.link', { type: 'button', onclick: () => this.selectRegion(r, true) }, ` ${r}`))))) : null,
      s.summary?.recommendations?.length ? h('div', {}, h('strong', {}, 'Follow-ups'),
        h('ul', {}, s.summary.recommendations.map((r) => h('li', {}, r)))) : null,
      h('h3', {}, `Regions (${regions.length})`),
      regions.length ? h('ol.regions', {}, regions.map((r) => this.regionItem(r))) : h('p.muted', {}, 'No change region.'),
      h('h3', {}, `Text changes (${texts.length})`),
      texts.length ? h('ul.text-changes', {}, texts.map((t) => this.textItem(t))) : h('p.muted', {}, 'No text change.'),
    ]);
    void this.loadComments();
  }

  private regionItem(r: Region): HTMLElement {
    return h('li.region-item', { dataset: { region: r.id }, class: `region-item${r.id === this.region ? ' selected' : ''}` },
      h('button.link', { type: 'button', onclick: () => this.selectRegion(r.id, true) },
        `${r.id}`), ` ${r.kind} · ${Math.round(r.areaPt2)} pt²`);
  }

  private textItem(t: TextChange): HTMLElement {
    return h('li', { dataset: { region: t.regionId ?? '' }, class: 'text-change' },
      h('span.badge', {}, t.kind), ' ',
      t.old !== null ? h('del', {}, t.old) : null, t.old !== null && t.new !== null ? ' → ' : '',
      t.new !== null ? h('ins', {}, t.new) : null,
      t.regionId ? h('button.link', { type: 'button', onclick: () => this.selectRegion(t.regionId!, true) }, ` (${t.regionId})`) : null);
  }

  private async renderSummary(): Promise<void> {
    try {
      await summaryPanel(this.summaryPanel, this.id, (sheets) => this.summariesChanged(sheets));
    } catch (e) {
      this.summaryPanel.append(h('p.muted', {}, (e as Error).message));
    }
  }

  /** A new version of the summary (edited, regenerated): each sheet shows its part of it. */
  private summariesChanged(sheets: SheetSummary[]): void {
    this.ranked.forEach((s) => (s.summary = sheets.find((x) => x.oldPage === s.oldPage && x.newPage === s.newPage) ?? s.summary));
    if (this.current) this.renderSheetSide();
  }

  private async renderChat(): Promise<void> {
    const log = h('ol.chat-log', { 'aria-live': 'polite' });
    const question = h('textarea', { rows: 2, maxlength: 4000, placeholder: 'Ask about this comparison', 'aria-label': 'Question' });
    const error = h('p.error', { role: 'alert' });
    const suggestions = h('div.suggestions');
    const show = (role: string, content: string) => {
      const li = h('li', { class: `msg ${role}` }, content);
      log.append(li);
      return li;
    };
    const ask = async (q: string) => {
      if (!q.trim()) return;
      error.textContent = '';
      show('user', q);
      const answer = show('assistant', '…');
      question.value = '';
      try {
        const r = await request(`comparisons/${this.id}/chat`, {
          method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
          body: JSON.stringify({ question: q }),
        });
        // the answer streams as 'token' events, then one 'message' event with the stored answer
        let text = '';
        for await (const event of serverSentEvents(r)) {
          if (event.name === 'token') {
            text += event.data;
            answer.textContent = text;
          } else if (event.name === 'message') {
            answer.textContent = JSON.parse(event.data).content;
          } else if (event.name === 'error') {
            throw new Error(JSON.parse(event.data).detail);
          }
        }
      } catch (e) {
        answer.remove();
        error.textContent = (e as Error).message;
      }
    };
    append(this.chatPanel, [
      suggestions, log,
      h('form.chat-form', { onsubmit: (e: Event) => { e.preventDefault(); void ask(question.value); } },
        question, h('button.primary', { type: 'submit' }, 'Ask')),
      error,
    ]);
    try {
      const [history, suggested] = await Promise.all([
        get<{ role: string; content: string }[]>(`comparisons/${this.id}/chat`),
        get<{ questions: string[] }>(`comparisons/${this.id}/chat/suggestions`),
      ]);
      history.forEach((m) => show(String(m.role).toLowerCase(), m.content));
      suggested.questions.forEach((q) => suggestions.append(h('button.suggestion', { type: 'button', onclick: () => void ask(q) }, q)));
    } catch (e) {
      error.textContent = (e as Error).message;
    }
  }

  /** The comparison's comments, read once (one request, not one per sheet or region shown) and kept up to date. */
  private allComments: Promise<CommentView[]> | null = null;

  private async loadComments(): Promise<void> {
    const s = this.current;
    if (!s) return;
    clear(this.comments);
    const body = h('textarea', { rows: 2, maxlength: 10000, placeholder: 'Comment (@name@example.com mentions a member)', 'aria-label': 'Comment' });
    const error = h('p.error', { role: 'alert' });
    const list = h('ol.comment-list');
    const region = this.region;
    const where = region ? `${sheetName(s)}, region ${region}` : sheetName(s);
    append(this.comments, [
      h('h3', {}, `On ${where}`), list,
      h('form.chat-form', {
        onsubmit: async (e: Event) => {
          e.preventDefault();
          try {
            const mentions = [...body.value.matchAll(/@([^\s@]+@[^\s@]+\.[^\s@,;]+)/g)].map((m) => m[1]);
            const created = await send<CommentView>('POST', `comparisons/${this.id}/comments`,
              { body: body.value, sheet: s.index, regionId: region ?? undefined, mentions });
            const known = await (this.allComments ?? Promise.resolve([]));
            this.allComments = Promise.resolve([...known, created]);
            await this.loadComments();
          } catch (err) {
            error.textContent = (err as Error).message;
          }
        },
      }, body, h('button.primary', { type: 'submit' }, 'Comment')),
      error,
    ]);
    try {
      this.allComments ??= get<CommentView[]>(`comparisons/${this.id}/comments`);
      const comments = (await this.allComments).filter((c) => c.sheet === s.index && (!region || c.regionId === region));
      if (comments.length === 0) list.append(h('li.muted', {}, 'No comment yet.'));
      comments.forEach((c) => list.append(h('li', {}, h('div.muted', {}, `${c.author} · ${formatTime(c.createdAt)}${c.regionId ? ` · ${c.regionId}` : ''}`), c.body)));
    } catch (e) {
      this.allComments = null;
      error.textContent = (e as Error).message;
    }
  }

  private key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (target.closest('input:not([type=range]):not([type=checkbox]), textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const shown = this.visible();
    const i = this.current ? shown.indexOf(this.current) : -1;
    const regions = this.current?.regions ?? [];
    const ri = regions.findIndex((r) => r.id === this.region);
    switch (e.key) {
      case 'j': case 'ArrowDown':
        if (i + 1 < shown.length) this.select(shown[i + 1], null);
        break;
      case 'k': case 'ArrowUp':
        if (i > 0) this.select(shown[i - 1], null);
        break;
      case 'n':
        if (regions.length) this.selectRegion(regions[(ri + 1) % regions.length].id, true);
        break;
      case 'p':
        if (regions.length) this.selectRegion(regions[(ri - 1 + regions.length) % regions.length].id, true);
        break;
      case '1': this.setView('overlay'); break;
      case '2': this.setView('slider'); break;
      case '3': this.setView('side'); break;
      case '0': this.fit(); break;
      case '+': case '=': this.zoom(1.5); break;
      case '-': this.zoom(1 / 1.5); break;
      default: return;
    }
    e.preventDefault();
  }
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** How much of colour c a pixel holds when it is c blended with white (0..1), or -1 when it is not such a blend. */
function blendWithWhite(r: number, g: number, b: number, c: [number, number, number]): number {
  const d = [255 - c[0], 255 - c[1], 255 - c[2]];
  const p = [255 - r, 255 - g, 255 - b];
  const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  if (dd === 0) return -1;
  const t = (p[0] * d[0] + p[1] * d[1] + p[2] * d[2]) / dd;
  if (t < 0.15 || t > 1.05) return -1;
  const err = Math.abs(p[0] - t * d[0]) + Math.abs(p[1] - t * d[1]) + Math.abs(p[2] - t * d[2]);
  return err < 40 ? Math.min(1, t) : -1;
}

/** The events of a text/event-stream response, as they arrive. */
async function* serverSentEvents(response: Response): AsyncGenerator<{ name: string; data: string }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value.replace(/\r\n/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
      if (data.length) yield { name, data: data.join('\n') };
    }
    if (done) return;
  }
}
