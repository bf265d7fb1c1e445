import { get, request } from '../api';

/** A level of a tile pyramid: its size in pixels and its tiles across and down. */
export interface Level { level: number; width: number; height: number; columns: number; rows: number }

/** GET .../sheets/{n}/{image}/tiles: a full-size image cut into tiles, on levels from one tile to full size. */
export interface TilePyramid {
  image: string; width: number; height: number; tileSize: number; format: string; version: string;
  levels: Level[]; tiles: string;
}

/** What a layer draws: an image's levels and where their tiles are. */
export interface TileSource {
  width: number;
  height: number;
  tileSize: number;
  levels: Level[];
  url(level: number, x: number, y: number): string;
  /** The tile of level 0, when it is at hand already. */
  first?: ImageBitmap;
}

/** The tile pyramid of a sheet's full-size image, from its description. */
export async function pyramidSource(descriptionUrl: string): Promise<TileSource> {
  const p = await get<TilePyramid>(descriptionUrl);
  return {
    width: p.width, height: p.height, tileSize: p.tileSize, levels: p.levels,
    url: (level, x, y) => p.tiles.replace('{level}', String(level)).replace('{x}', String(x)).replace('{y}', String(y)),
  };
}

/** A whole image as a pyramid of one level and one tile (a sheet with a preview only: added, removed). */
export async function imageSource(url: string): Promise<TileSource> {
  const first = await createImageBitmap(await (await request(url)).blob());
  const { width, height } = first;
  return {
    width, height, tileSize: Math.max(width, height), levels: [{ level: 0, width, height, columns: 1, rows: 1 }],
    url: () => url, first,
  };
}

/**
 * Where the image is on screen: the pane-relative position of its top-left corner and its width there, in CSS
 * pixels.
 */
export interface Placement { x: number; y: number; width: number }

/** Colours to swap in every tile (the overlay's removed and added ink for a colour-blind-safe pair). */
export interface Recolour { from: string[]; to: string[] }

/** Tiles in flight per layer: the browser's six connections per host, and a few more for those in its cache. */
const CONCURRENT = 8;
/** Decoded tiles kept per layer (512 × 512 RGBA: 1 MB each), besides level 0. */
const KEPT = 120;
/** Wait before asking again for a tile that failed. */
const RETRY_MS = 4000;

interface Entry { bitmap: ImageBitmap | null; used: number; failedAt: number }

/**
 * A canvas the size of its pane that draws an image from its tile pyramid: only the tiles on screen, from the
 * level whose pixels are at least as fine as the screen's, each level drawn over the coarser ones loaded
 * before (level 0, the whole image in one tile, is always loaded first), so no part of the sheet is ever blank
 * while finer tiles arrive. Tiles are asked for nearest to the centre first; those scrolled or zoomed away
 * before they arrive are cancelled. The canvas says what it shows for tests and tools: data-width (of the image
 * at full size), data-levels, data-level (the level wanted), data-wanted (tiles of that level on screen),
 * data-loaded (of those, drawn), data-complete.
 */
export class TileLayer {
  readonly canvas: HTMLCanvasElement;
  private placement: Placement | null = null;
  /** Whether drawing asks for missing tiles (not while the camera flies past views it will not stop at). */
  private loading = true;
  /** The view a move is heading for, whose tiles are asked for meanwhile. */
  private goal: Placement | null = null;
  private readonly tiles = new Map<string, Entry>();
  private readonly inflight = new Map<string, AbortController>();
  /** The missing tiles of the view, in the order to ask for them: the next is asked for as one arrives. */
  private queue: { key: string; level: number; x: number; y: number }[] = [];
  private frame = 0;
  private clock = 0;
  private disposed = false;
  private readonly from: [number, number, number][];
  private readonly to: [number, number, number][];

  constructor(readonly source: TileSource, label: string, recolour: Recolour | null = null) {
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'tiles';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', label);
    this.canvas.dataset.levels = String(source.levels.length);
    this.canvas.dataset.width = String(source.width);
    this.from = (recolour?.from ?? []).map(rgb);
    this.to = (recolour?.to ?? []).map(rgb);
    if (source.first) void this.keep('0/0/0', source.first);
  }

  /**
   * Draws the image where it now is (on the next frame), asking for the tiles it lacks unless `load` is false
   * (a frame of an animated move: what is at hand is drawn, nothing more is asked for).
   */
  draw(placement: Placement, load = true): void {
    this.placement = placement;
    this.loading = load;
    if (load) this.goal = null;
    if (!this.frame && !this.disposed) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  /** Asks for the tiles of a view the camera is moving to, before it gets there. */
  prefetch(goal: Placement): void {
    this.goal = goal;
    if (!this.disposed) this.load(this.wantedAt(goal, this.canvas.clientWidth, this.canvas.clientHeight));
  }

  /** Stops loading and frees the decoded tiles. */
  dispose(): void {
    this.disposed = true;
    cancelAnimationFrame(this.frame);
    this.inflight.forEach((c) => c.abort());
    this.inflight.clear();
    this.tiles.forEach((e) => e.bitmap?.close());
    this.tiles.clear();
  }

  /** Device pixels per full-size image pixel now. */
  devicePixelsPerImagePixel(): number {
    return this.placement ? (this.placement.width / this.source.width) * devicePixelRatio : 0;
  }

  private render(): void {
    const p = this.placement;
    if (!p || this.disposed) return;
    const dpr = devicePixelRatio || 1;
    const cssW = this.canvas.clientWidth;
    const cssH = this.canvas.clientHeight;
    const w = Math.max(1, Math.round(cssW * dpr));
    const h = Math.max(1, Math.round(cssH * dpr));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, w, h);
    const s = this.source;
    const target = this.levelFor(p.width * dpr);
    const now = ++this.clock;
    let onScreen = 0;
    let drawn = 0;
    // once every tile on screen is at hand, the coarser levels are not drawn under them
    const complete = this.visible(target, p, cssW, cssH).every((t) => this.tiles.get(t.key)?.bitmap);
    if (!complete) {
      // paper under everything: the sheet is white before any tile has arrived
      g.fillStyle = '#ffffff';
      g.fillRect(Math.round(p.x * dpr), Math.round(p.y * dpr), Math.round(p.width * dpr),
        Math.round(p.width * s.height / s.width * dpr));
    }
    for (let level = complete ? target : 0; level <= target; level++) {
      const l = s.levels[level];
      const scale = p.width / l.width; // CSS px per pixel of this level
      const ts = s.tileSize;
      // pixels of this level larger than 2 device pixels: shown as crisp squares, not blurred; a level is never
      // reduced by more than half (the next coarser one would be drawn), which bilinear filtering does well;
      // levels shown only until the finer one arrives are drawn quickly
      g.imageSmoothingEnabled = level < target || scale * dpr < 2;
      g.imageSmoothingQuality = level < target ? 'low' : 'medium';
      for (const { key, x, y } of this.visible(level, p, cssW, cssH)) {
        const e = this.tiles.get(key);
        const tw = Math.min(ts, l.width - x * ts);
        const th = Math.min(ts, l.height - y * ts);
        // edges rounded to device pixels, shared by neighbours: no seams between tiles
        const left = Math.round((p.x + x * ts * scale) * dpr);
        const top = Math.round((p.y + y * ts * scale) * dpr);
        const right = Math.round((p.x + (x * ts + tw) * scale) * dpr);
        const bottom = Math.round((p.y + (y * ts + th) * scale) * dpr);
        if (level === target) onScreen++;
        if (e?.bitmap) {
          e.used = now;
          g.drawImage(e.bitmap, 0, 0, tw, th, left, top, right - left, bottom - top);
          if (level === target) drawn++;
        }
      }
    }
    this.canvas.dataset.level = String(target);
    this.canvas.dataset.wanted = String(onScreen);
    this.canvas.dataset.loaded = String(drawn);
    this.canvas.dataset.complete = String(drawn === onScreen);
    const view = this.loading ? p : this.goal;
    if (view) this.load(this.wantedAt(view, cssW, cssH));
    this.evict();
  }

  /**
   * The missing tiles of a view, in the order to ask for them: level 0 (the whole image, never blank again),
   * then those of the level the view needs, nearest to the centre first.
   */
  private wantedAt(p: Placement, cssW: number, cssH: number): { key: string; level: number; x: number; y: number }[] {
    const target = this.levelFor(p.width * (devicePixelRatio || 1));
    const span = this.source.tileSize * p.width / this.source.levels[target].width;
    const distance = (x: number, y: number) => {
      const dx = p.x + (x + 0.5) * span - cssW / 2;
      const dy = p.y + (y + 0.5) * span - cssH / 2;
      return dx * dx + dy * dy;
    };
    const missing = (level: number) => this.visible(level, p, cssW, cssH)
      .filter((t) => !this.tiles.get(t.key)?.bitmap).map((t) => ({ ...t, level }));
    return [...(target > 0 ? missing(0) : []),
      ...missing(target).sort((a, b) => distance(a.x, a.y) - distance(b.x, b.y))];
  }

  /** The tiles of a level on screen (key "level/x/y", column, row). */
  private visible(level: number, p: Placement, cssW: number, cssH: number): { key: string; x: number; y: number }[] {
    const l = this.source.levels[level];
    const span = this.source.tileSize * p.width / l.width; // CSS px a tile covers
    const tiles: { key: string; x: number; y: number }[] = [];
    const left = Math.floor(-p.x / span);
    const right = Math.ceil((cssW - p.x) / span) - 1;
    const top = Math.floor(-p.y / span);
    const bottom = Math.ceil((cssH - p.y) / span) - 1;
    if (right < 0 || bottom < 0 || left >= l.columns || top >= l.rows) return tiles; // panned off the sheet
    const x0 = clamp(left, 0, l.columns - 1);
    const x1 = clamp(right, 0, l.columns - 1);
    const y0 = clamp(top, 0, l.rows - 1);
    const y1 = clamp(bottom, 0, l.rows - 1);
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) tiles.push({ key: `${level}/${x}/${y}`, x, y });
    }
    return tiles;
  }

  /** The coarsest level whose pixels are at least as fine as the screen's. */
  private levelFor(deviceWidth: number): number {
    const levels = this.source.levels;
    for (const l of levels) {
      if (l.width >= deviceWidth) return l.level;
    }
    return levels.length - 1;
  }

  private load(wanted: { key: string; level: number; x: number; y: number }[]): void {
    this.queue = wanted;
    const keys = new Set(wanted.map((t) => t.key));
    // tiles no longer on screen are not waited for (level 0 always is)
    for (const [key, c] of this.inflight) {
      if (!keys.has(key) && !key.startsWith('0/')) {
        c.abort();
        this.inflight.delete(key);
      }
    }
    this.pump();
  }

  /** Asks for the next tiles of the queue while there is room. */
  private pump(): void {
    const now = performance.now();
    for (const t of this.queue) {
      if (this.inflight.size >= CONCURRENT || this.disposed) break;
      const e = this.tiles.get(t.key);
      if (this.inflight.has(t.key) || e?.bitmap || (e && now - e.failedAt < RETRY_MS)) continue;
      void this.fetchTile(t.key, t.level, t.x, t.y);
    }
  }

  private async fetchTile(key: string, level: number, x: number, y: number): Promise<void> {
    const control = new AbortController();
    this.inflight.set(key, control);
    try {
      const r = await request(this.source.url(level, x, y), { signal: control.signal });
      const bitmap = await createImageBitmap(await r.blob());
      if (control.signal.aborted) {
        bitmap.close();
        return;
      }
      await this.keep(key, bitmap);
    } catch {
      if (!control.signal.aborted) this.tiles.set(key, { bitmap: null, used: this.clock, failedAt: performance.now() });
    } finally {
      if (this.inflight.get(key) === control) this.inflight.delete(key);
    }
    this.pump();
  }

  /** Keeps a decoded tile (recoloured when asked to) and draws again. */
  private async keep(key: string, decoded: ImageBitmap): Promise<void> {
    const bitmap = this.from.length ? await this.recolour(decoded) : decoded;
    if (this.disposed) {
      bitmap.close();
      return;
    }
    this.tiles.get(key)?.bitmap?.close();
    this.tiles.set(key, { bitmap, used: this.clock, failedAt: 0 });
    if (this.placement) this.draw(this.placement, this.loading);
  }

  /** The tile with its removed and added ink in other colours (anti-aliased edges keep their lightness). */
  private async recolour(bitmap: ImageBitmap): Promise<ImageBitmap> {
    const c = document.createElement('canvas');
    c.width = bitmap.width;
    c.height = bitmap.height;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(bitmap, 0, 0);
    bitmap.close();
    const data = g.getImageData(0, 0, c.width, c.height);
    const px = data.data;
    for (let i = 0; i < px.length; i += 4) {
      for (let k = 0; k < this.from.length; k++) {
        const t = blendWithWhite(px[i], px[i + 1], px[i + 2], this.from[k]);
        if (t >= 0) {
          const to = this.to[k];
          px[i] = Math.round(255 - (255 - to[0]) * t);
          px[i + 1] = Math.round(255 - (255 - to[1]) * t);
          px[i + 2] = Math.round(255 - (255 - to[2]) * t);
          break;
        }
      }
    }
    g.putImageData(data, 0, 0);
    return createImageBitmap(c);
  }

  /** Frees the least recently drawn tiles beyond what is kept; level 0 stays. */
  private evict(): void {
    const loaded = [...this.tiles].filter(([key, e]) => e.bitmap && !key.startsWith('0/'));
    if (loaded.length <= KEPT) return;
    loaded.sort((a, b) => a[1].used - b[1].used);
    for (const [key, e] of loaded.slice(0, loaded.length - KEPT)) {
      e.bitmap?.close();
      this.tiles.delete(key);
    }
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
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
