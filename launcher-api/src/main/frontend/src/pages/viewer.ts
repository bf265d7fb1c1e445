import { API, get, request, send, sheetsOf, type Comparison, type Region, type SheetResult, type TextChange } from '../api';
import { append, clear, formatDuration, formatTime, h } from '../dom';
import type { PageContext } from '../main';
import { comparisonActions, failureReport } from '../comparisonActions';
import { keepFocus, rerender } from '../ui';
import { summaryPanel, type SheetSummary } from '../viewer/summaryPanel';
import { label } from './comparisons';
import { CameraMove, followPointers, wheelZoom, type Camera } from '../viewer/camera';
import { imageSource, pyramidSource, TileLayer, type TileSource } from '../viewer/tiles';

type View = 'overlay' | 'slider' | 'side';
const FILTERS = ['all', 'changed', 'added', 'removed', 'unchanged', 'failed'] as const;
const POLL_MS = 3000;
/** The overlay's own colours (result.json legend) and a colour-blind-safe pair (Okabe–Ito blue and vermillion). */
const SAFE = { removed: '#D55E00', added: '#0072B2' };

interface CommentView { id: string; sheet: number | null; author: string; body: string; regionId: string | null; createdAt: string }
interface Legend { removed: string; added: string; unchanged: string; unchangedLight: string }
/** How much of the pane a region framed by a click fills (the rest is margin around it). */
const REGION_FILL = 0.6;

/**
 * The comparison viewer: the sheets ranked by change (filter, search), the selected sheet as an overlay, an
 * old/new slider or side by side with one pan and zoom (drawn from the images' tile pyramids, down to their
 * pixels), its regions as boxes (a click frames one), its text changes, the summary, chat, comments, and the
 * package. Keys: j/k (or ↓/↑) sheets, n/p regions, 1/2/3 views, 0 fit, +/- zoom.
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
  /** The tile layers drawn in the panes, with the pane each is in. */
  private layers: { pane: HTMLElement; layer: TileLayer }[] = [];
  /** Counts the stages rendered: a layer whose source arrives after its stage was replaced is not shown. */
  private stages = 0;
  private readonly move = new CameraMove();
  /** Where a running camera move ends (further zoom steps start from there). */
  private goal: Camera | null = null;
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
        if (this.region) this.focusRegion(this.region, false);
        else this.fit();
      } else {
        this.apply(); // taller or shorter: the tile layers cover the pane again
      }
    });
    resized.observe(this.stageHost);
    this.ctx.onLeave(() => resized.disconnect());
    this.ctx.onLeave(() => this.disposeLayers());
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
    if (region) this.focusRegion(region, false);
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
      h('button', { type: 'button', title: 'Zoom in (+)', onclick: () => this.zoom(1.5, undefined, undefined, true) }, '+'),
      h('button', { type: 'button', title: 'Zoom out (-)', onclick: () => this.zoom(1 / 1.5, undefined, undefined, true) }, '−'),
      h('button', { type: 'button', title: 'Fit (0)', onclick: () => this.fit(true) }, 'Fit'),
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
    if (this.region) this.focusRegion(this.region, false);
    else this.fit();
  }

  private renderLegend(): void {
    clear(this.legendBox);
    const removed = this.safeColours ? SAFE.removed : this.legend.removed;
    const added = this.safeColours ? SAFE.added : this.legend.added;
    const item = (colour: string, text: string) => h('span.legend-item', {}, h('span.swatch', { style: { background: colour } }), text);
    if (this.view === 'overlay') {
      append(this.legendBox, [item(removed, 'Only in the old sheet (removed)'), item(added, 'Only in the new sheet (added)'),
        item(this.legend.unchanged, 'Unchanged'), h('span.legend-item', {}, h('span.swatch.box'), 'Change region (click to zoom to it)')]);
    } else if (this.view === 'slider') {
      this.legendBox.append(h('span.muted', {}, 'Drag the handle (or focus it and use ← →): old sheet on the left, new sheet on the right.'));
    } else {
      this.legendBox.append(h('span.muted', {}, 'Old (left) and new (right) move and zoom together: drag to pan, wheel to zoom.'));
    }
  }

  /**
   * The images of a pane as tile layers (only the tiles on screen, at the resolution the zoom needs), its
   * boxes, and pan/zoom.
   */
  private renderStage(toolbar = true): void {
    const s = this.current;
    if (toolbar) this.renderToolbar();
    this.renderLegend();
    this.disposeLayers();
    clear(this.stageHost);
    this.panes.length = 0;
    if (!s) return;
    const compared = (s.status === 'changed' || s.status === 'unchanged') && s.images?.old && s.images?.new;
    const view = compared ? this.view : 'overlay';
    const [w, hgt] = this.pageSize(s);
    if (view === 'side') {
      const row = h('div.side-by-side');
      const old = this.pane(s, w, hgt, 'Old');
      const neu = this.pane(s, w, hgt, 'New');
      row.append(old, neu);
      this.stageHost.append(row);
      this.layer(old, s, 'old', 'Old sheet');
      this.layer(neu, s, 'new', 'New sheet');
    } else if (view === 'slider') {
      const pane = this.pane(s, w, hgt, '');
      const handle = h('input.slider-handle', { type: 'range', min: 0, max: 100, value: 50, 'aria-label': 'Old / new position' });
      this.stageHost.append(pane, handle);
      this.layer(pane, s, 'old', 'Old sheet');
      // the new sheet over the old one, cut at the handle's place across the pane
      const top = this.layer(pane, s, 'new', 'New sheet');
      const set = () => {
        top.style.clipPath = `inset(0 0 0 ${handle.value}%)`;
      };
      handle.addEventListener('input', set);
      set();
    } else {
      const pane = this.pane(s, w, hgt, '');
      this.stageHost.append(pane);
      if (s.images?.overlay || s.images?.preview) this.layer(pane, s, 'overlay', `Overlay of ${sheetName(s)}`);
      else pane.querySelector('.stage')!.append(h('p.muted', {}, s.error ?? 'No image for this sheet.'));
    }
    this.fit();
  }

  /**
   * A tile layer of one of the sheet's images, under the pane's boxes: the image's tile pyramid, else (a sheet
   * with a preview only, or a pyramid that cannot be had) the image whole. Returns the layer's place in the
   * pane at once; the layer appears in it when its description has arrived.
   */
  private layer(pane: HTMLElement, s: SheetResult, image: 'overlay' | 'old' | 'new', label: string): HTMLElement {
    const slot = h('div.layer');
    pane.querySelector('.stage')!.before(slot);
    const stage = this.stages;
    const whole = image === 'overlay' ? s.images?.preview ?? s.images?.overlay : s.images?.[image];
    const pyramid = s.tiles?.[image];
    const source: Promise<TileSource> = pyramid
      ? pyramidSource(pyramid).catch((e) => (whole ? imageSource(whole) : Promise.reject(e)))
      : whole ? imageSource(whole) : Promise.reject(new Error('no image'));
    source.then((src) => {
      if (stage !== this.stages) {
        src.first?.close();
        return;
      }
      const recolour = image === 'overlay' && this.safeColours
        ? { from: [this.legend.removed, this.legend.added], to: [SAFE.removed, SAFE.added] } : null;
      const layer = new TileLayer(src, this.safeColours && image === 'overlay' ? `${label} in colour-blind-safe colours` : label, recolour);
      slot.append(layer.canvas);
      this.layers.push({ pane, layer });
      this.apply();
    }).catch((e: Error) => {
      if (stage === this.stages) slot.append(h('p.muted.layer-error', {}, `The image could not be loaded: ${e.message}`));
    });
    return slot;
  }

  private disposeLayers(): void {
    this.stages++;
    this.move.stop();
    this.layers.forEach(({ layer }) => layer.dispose());
    this.layers = [];
  }

  private pane(s: SheetResult, w: number, hgt: number, caption: string): HTMLElement {
    const stage = h('div.stage', { style: { aspectRatio: `${w} / ${hgt}` } }, this.boxes(s, w, hgt));
    const pane = h('div.pane', { tabindex: 0, 'aria-label': caption ? `${caption} sheet` : 'Sheet' },
      caption ? h('span.pane-caption', {}, caption) : null, stage);
    this.panes.push(pane);
    followPointers(pane, 'rect', {
      start: () => this.stopMove(),
      pan: (dx, dy) => {
        this.camera.x += dx;
        this.camera.y += dy;
        this.apply();
      },
      zoom: (factor, x, y) => this.zoom(factor, x, y),
    });
    pane.addEventListener('wheel', (e) => {
      e.preventDefault();
      const r = pane.getBoundingClientRect();
      this.zoom(wheelZoom(e), e.clientX - r.left, e.clientY - r.top);
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
      const pad = boxPad(w, hgt);
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
      rect.addEventListener('click', () => this.selectRegion(r.id, true));
      svg.append(rect);
    }
    return svg;
  }

  /**
   * Places the stages and draws the tile layers for the camera; `load`: the layers ask for tiles they lack
   * (not on the way of an animated move, whose end's tiles were asked for when it started).
   */
  private apply(load = !this.move.running): void {
    const [w] = this.current ? this.pageSize(this.current) : [1];
    for (const pane of this.panes) {
      const stage = pane.querySelector<HTMLElement>('.stage');
      if (!stage) continue;
      stage.style.transform = `translate(${this.camera.x}px, ${this.camera.y}px) scale(${this.camera.scale})`;
      // the sheet's paper, under the tile layers: never a blank pane while an image's first tiles are on their way
      pane.style.backgroundImage = 'linear-gradient(#fff, #fff)';
      pane.style.backgroundPosition = `${this.camera.x}px ${this.camera.y}px`;
      pane.style.backgroundSize = `${stage.offsetWidth * this.camera.scale}px ${stage.offsetHeight * this.camera.scale}px`;
      // box outlines 2 screen pixels wide at any zoom (in the page's points: the viewBox's units)
      const unitsPerPx = w / Math.max(stage.offsetWidth, 1) / this.camera.scale;
      stage.querySelector<SVGSVGElement>('svg.boxes')?.style.setProperty('--stroke', String(2 * unitsPerPx));
      stage.querySelector<SVGSVGElement>('svg.boxes')?.style.setProperty('--dash', `${6 * unitsPerPx} ${3 * unitsPerPx}`);
    }
    // the tile layers draw the sheet where the stage now is: its corner, and its width on screen
    for (const { pane, layer } of this.layers) {
      const stage = pane.querySelector<HTMLElement>('.stage');
      if (stage) layer.draw({ x: this.camera.x, y: this.camera.y, width: stage.offsetWidth * this.camera.scale }, load);
    }
  }

  /** Moves the camera to a view: animated, or at once. */
  private moveTo(to: Camera, animate: boolean): void {
    const pane = this.panes[0];
    if (!animate || !pane) {
      this.stopMove();
      this.camera = to;
      this.apply();
      return;
    }
    this.goal = to;
    // the tiles of where the move ends are asked for now; the views on the way show what is at hand
    for (const { pane: p, layer } of this.layers) {
      const stage = p.querySelector<HTMLElement>('.stage');
      if (stage) layer.prefetch({ x: to.x, y: to.y, width: stage.offsetWidth * to.scale });
    }
    this.move.run({ ...this.camera }, to, pane.clientWidth, pane.clientHeight, (c) => {
      this.camera = c;
      if (c === to) this.goal = null;
      this.apply(c === to);
    });
  }

  private stopMove(): void {
    this.move.stop();
    this.goal = null;
  }

  /**
   * The largest zoom: 4 screen pixels per pixel of the full-size image (past 1:1, to read a pixel) or 16 per
   * point of the sheet (the same closeness whatever the resolution compared at), and never less than 32 times
   * the whole sheet.
   */
  private maxScale(): number {
    const stage = this.panes[0]?.querySelector<HTMLElement>('.stage');
    if (!stage || !this.current) return 32;
    const screenPixels = Math.max(stage.offsetWidth, 1) * devicePixelRatio; // across the sheet at scale 1
    const imagePixels = this.layers[0]?.layer.source.width ?? 0;
    return Math.max(32, 4 * imagePixels / screenPixels, 16 * this.pageSize(this.current)[0] / screenPixels);
  }

  private zoom(factor: number, px?: number, py?: number, animate = false): void {
    const pane = this.panes[0];
    if (!pane) return;
    const cx = px ?? pane.clientWidth / 2;
    const cy = py ?? pane.clientHeight / 2;
    // a zoom step during a move continues from where the move goes
    const from = this.move.running && this.goal ? this.goal : this.camera;
    const scale = Math.min(this.maxScale(), Math.max(0.5, from.scale * factor));
    const f = scale / from.scale;
    this.moveTo({ scale, x: cx - (cx - from.x) * f, y: cy - (cy - from.y) * f }, animate);
  }

  /** The whole sheet in its pane, centred. */
  private fit(animate = false): void {
    this.sizeStages();
    const pane = this.panes[0];
    const stage = pane?.querySelector<HTMLElement>('.stage');
    this.moveTo({ scale: 1, x: pane && stage ? (pane.clientWidth - stage.offsetWidth) / 2 : 0,
      y: pane && stage ? Math.max(0, (pane.clientHeight - stage.offsetHeight) / 2) : 0 }, animate);
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

  /** Frames a region: centred, its box filling most of the pane (as far as the largest zoom allows). */
  private focusRegion(id: string, animate = true): void {
    const s = this.current;
    const r = s?.regions?.find((x) => x.id === id);
    const pane = this.panes[0];
    if (!s || !r || !pane) return;
    this.sizeStages();
    const [w, hgt] = this.pageSize(s);
    const stageWidth = pane.querySelector<HTMLElement>('.stage')!.offsetWidth;
    const ptToPx = stageWidth / w;
    const pad = 2 * boxPad(w, hgt);
    const scale = Math.min(this.maxScale(), Math.max(1, Math.min(
      pane.clientWidth * REGION_FILL / Math.max((r.width + pad) * ptToPx, 1),
      pane.clientHeight * REGION_FILL / Math.max((r.height + pad) * ptToPx, 1))));
    const cx = (r.x + r.width / 2) * ptToPx;
    const cy = (r.y + r.height / 2) * ptToPx;
    this.moveTo({ scale, x: pane.clientWidth / 2 - cx * scale, y: pane.clientHeight / 2 - cy * scale }, animate);
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
      case '0': this.fit(true); break;
      case '+': case '=': this.zoom(1.5, undefined, undefined, true); break;
      case '-': this.zoom(1 / 1.5, undefined, undefined, true); break;
      default: return;
    }
    e.preventDefault();
  }
}

/** The margin of a region's box around its changes, in points. */
function boxPad(w: number, hgt: number): number {
  return Math.max(2, Math.min(w, hgt) * 0.004);
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
