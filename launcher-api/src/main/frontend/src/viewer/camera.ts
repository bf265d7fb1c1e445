/** Pan and zoom of a viewport: the sheet's stage scaled by `scale` and moved to (x, y) in the pane, CSS px. */
export interface Camera { scale: number; x: number; y: number }

/** Duration of an animated move (a region framed, a zoom step), unless the user prefers reduced motion. */
const MOVE_MS = 320;

/**
 * Moves a camera smoothly from one view to another: the point at the pane's centre travels in a straight line
 * while the zoom changes at a constant rate (geometrically), which reads as one continuous motion whether the
 * move mostly pans or mostly zooms.
 */
export class CameraMove {
  private frame = 0;

  /** Animates from `from` to `to` in a pane of this size, calling `apply` every frame; replaces a running move. */
  run(from: Camera, to: Camera, paneWidth: number, paneHeight: number, apply: (c: Camera) => void): void {
    this.stop();
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      apply(to);
      return;
    }
    const centre = (c: Camera) => ({ x: (paneWidth / 2 - c.x) / c.scale, y: (paneHeight / 2 - c.y) / c.scale });
    const a = centre(from);
    const b = centre(to);
    const started = performance.now();
    const step = (now: number) => {
      const t = Math.min(1, (now - started) / MOVE_MS);
      const e = t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
      const scale = from.scale * Math.pow(to.scale / from.scale, e);
      const cx = a.x + (b.x - a.x) * e;
      const cy = a.y + (b.y - a.y) * e;
      apply(t < 1 ? { scale, x: paneWidth / 2 - cx * scale, y: paneHeight / 2 - cy * scale } : to);
      this.frame = t < 1 ? requestAnimationFrame(step) : 0;
    };
    this.frame = requestAnimationFrame(step);
  }

  /** Stops a running move where it is (the user took over). */
  stop(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  get running(): boolean {
    return this.frame !== 0;
  }
}

/**
 * The zoom factor of a wheel event, in proportion to how far the wheel or trackpad moved: a mouse notch zooms
 * about 20 %, a trackpad pinch (a wheel event with ctrlKey in browsers) smoothly by its small steps.
 */
export function wheelZoom(e: WheelEvent): number {
  const lines = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 33 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 800 : 1;
  const delta = Math.max(-300, Math.min(300, e.deltaY * lines));
  return Math.exp(-delta * (e.ctrlKey ? 0.01 : 0.0018));
}

/** What pointers on a pane do: one drags, two pinch (zoom about their midpoint) and drag together. */
export interface Gestures {
  start(): void;
  pan(dx: number, dy: number): void;
  zoom(factor: number, x: number, y: number): void;
}

/**
 * Follows the pointers on an element (mouse, pen, fingers) and turns their moves into pans and zooms, in CSS
 * px relative to the element. A pointer that starts on an element matching `ignore` (a region box) is left to
 * that element.
 */
export function followPointers(el: HTMLElement, ignore: string, g: Gestures): void {
  const down = new Map<number, { x: number; y: number }>();
  const local = (e: PointerEvent) => {
    const r = el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  el.addEventListener('pointerdown', (e) => {
    if ((e.target as Element).closest(ignore)) return;
    down.set(e.pointerId, local(e));
    el.setPointerCapture(e.pointerId);
    g.start();
  });
  el.addEventListener('pointermove', (e) => {
    const before = down.get(e.pointerId);
    if (!before) return;
    const now = local(e);
    if (down.size === 1) {
      g.pan(now.x - before.x, now.y - before.y);
    } else {
      const other = [...down].find(([id]) => id !== e.pointerId)![1];
      const d0 = Math.hypot(before.x - other.x, before.y - other.y);
      const d1 = Math.hypot(now.x - other.x, now.y - other.y);
      // the midpoint moves by half this pointer's move
      g.pan((now.x - before.x) / 2, (now.y - before.y) / 2);
      if (d0 > 0 && d1 > 0) g.zoom(d1 / d0, (now.x + other.x) / 2, (now.y + other.y) / 2);
    }
    down.set(e.pointerId, now);
  });
  const up = (e: PointerEvent) => down.delete(e.pointerId);
  el.addEventListener('pointerup', up);
  el.addEventListener('pointercancel', up);
}
