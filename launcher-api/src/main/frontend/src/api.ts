/**
 * The launcher API as the UI calls it: same origin, the sign-in's HTTP-only cookies (bt_access, bt_refresh),
 * one refresh of the access token on a 401, problem details turned into errors that say what to change.
 */
export const API = '/api/v1';

export class ApiError extends Error {
  constructor(readonly status: number, readonly title: string, detail: string) {
    super(detail || title);
  }
}

export interface User { id: string; email: string; name: string | null }
export interface Project { id: string; name: string; createdAt: string; role: string; compareOnUpload: boolean }
export interface DrawingSet { id: string; projectId: string; name: string; revisions: number; latestRevisionId: string | null; createdAt: string }
export interface RevisionFile { position: number; name: string; mediaType: string; bytes: number; pages: number | null; sameAs: string | null }
export interface Revision {
  id: string; projectId: string; setId: string; setName: string; seq: number; label: string | null;
  issuedOn: string | null; note: string | null; pages: number | null; bytes: number; files: RevisionFile[];
  createdBy: string; createdAt: string;
}
export interface RevisionRef { id: string; setId: string; setName: string; label: string | null }
export interface SheetStatus { index: number; label: string; status: string; regions: number; textChanges: number; error: string | null }
export interface Comparison {
  id: string; projectId: string; status: string; oldRevision: RevisionRef; newRevision: RevisionRef;
  trigger: string; requestedBy: string; progress: { sheetsDone: number; sheetsTotal: number; percent: number };
  counts: Record<string, number>; error: string | null; createdAt: string; startedAt: string | null;
  finishedAt: string | null; durationSeconds: number | null; thumbnailUrl: string | null;
  links: Record<string, string>; sheets: SheetStatus[];
}
export interface Page<T> { items: T[]; page: number; size: number; total: number }
export interface Box { x: number; y: number; width: number; height: number }
export interface Region extends Box { id: string; kind: string; addedPx: number; removedPx: number; areaPt2: number }
export interface TextChange extends Box { kind: string; old: string | null; new: string | null; regionId?: string }
export interface SheetResult {
  index: number; oldPage: number | null; newPage: number | null; sheet: string | null; title?: string;
  status: string; oldSheet?: string; newSheet?: string; oldSize?: [number, number]; newSize?: [number, number];
  regions?: Region[]; textChanges?: TextChange[]; changedAreaPt2?: number; error?: string;
  images?: Record<string, string>; tiles?: Record<string, string>; summary?: { summary?: string; criticalChange?: string | null; recommendations?: string[]; changes?: { title?: string; description?: string; severity?: string; trade?: string; regionIds?: string[] }[] };
}

/** A sheet of GET /comparisons/{id}/sheets as the engine wrote it: the page result under "page". */
interface RawBox { x: number; y: number; width: number; height: number }
interface RawSheet {
  index: number; label: string | null; sheetNumber: string | null; status: string; oldPage: number | null;
  newPage: number | null; error: string | null; images?: Record<string, string>; tiles?: Record<string, string>;
  summary?: SheetResult['summary'];
  page?: {
    newSize?: [number, number] | null; oldSize?: [number, number] | null; changedAreaPt2?: number; error?: string | null;
    newSheet?: { number?: string; title?: string } | null; oldSheet?: { number?: string; title?: string } | null;
    regions?: { id: string; box: RawBox; kind: string; addedPx: number; removedPx: number; changedAreaPt2: number }[];
    textChanges?: { box: RawBox; kind: string; oldText: string | null; newText: string | null; regionId?: string | null }[];
  };
}

/** The sheets of a comparison, in the viewer's terms (boxes in points of the new page, kinds in lower case). */
export async function sheetsOf(comparisonId: string): Promise<SheetResult[]> {
  const raw = await get<RawSheet[]>(`comparisons/${comparisonId}/sheets`);
  return raw.map((s) => {
    const p = s.page ?? {};
    return {
      index: s.index, oldPage: s.oldPage, newPage: s.newPage, status: s.status,
      sheet: s.label ?? s.sheetNumber ?? null,
      title: p.newSheet?.title ?? p.oldSheet?.title,
      oldSheet: p.oldSheet?.number, newSheet: p.newSheet?.number,
      oldSize: p.oldSize ?? undefined, newSize: p.newSize ?? undefined,
      changedAreaPt2: p.changedAreaPt2, error: s.error ?? p.error ?? undefined, images: s.images, tiles: s.tiles,
      summary: s.summary,
      regions: (p.regions ?? []).map((r) => ({ ...r.box, id: r.id, kind: r.kind.toLowerCase(), addedPx: r.addedPx,
        removedPx: r.removedPx, areaPt2: r.changedAreaPt2 })),
      textChanges: (p.textChanges ?? []).map((t) => ({ ...t.box, kind: t.kind.toLowerCase(), old: t.oldText,
        new: t.newText, regionId: t.regionId ?? undefined })),
    };
  });
}

let refreshing: Promise<boolean> | null = null;

/** Refreshes the access token (one refresh for all who ask at once); true when the sign-in goes on. */
export async function refreshAccessToken(): Promise<boolean> {
  return refresh();
}

async function refresh(): Promise<boolean> {
  refreshing ??= fetch(`${API}/auth/token/refresh`, { method: 'POST', credentials: 'same-origin' })
    .then((r) => r.ok)
    .catch(() => false)
    .finally(() => setTimeout(() => (refreshing = null), 0));
  return refreshing;
}

/** Called when the caller is not signed in (no cookie, or it expired and could not be refreshed). */
export let onSignedOut: () => void = () => {};
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

async function problem(r: Response): Promise<ApiError> {
  let title = r.statusText;
  let detail = '';
  try {
    const body = await r.json();
    title = body.title ?? title;
    detail = body.detail ?? '';
  } catch {
    // not a problem detail
  }
  if (r.status === 429) {
    detail = `Too many requests: try again in ${r.headers.get('Retry-After') ?? 'a few'} seconds. ${detail}`;
  }
  return new ApiError(r.status, title, detail);
}

/** A request to the API, once more after a refresh of the access token when it answered 401. */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const go = () => fetch(path.startsWith('/') ? path : `${API}/${path}`, { credentials: 'same-origin', ...init });
  let r = await go();
  if (r.status === 401 && (await refresh())) {
    r = await go();
  }
  if (r.status === 401) {
    onSignedOut();
  }
  if (!r.ok) {
    throw await problem(r);
  }
  return r;
}

export async function get<T>(path: string): Promise<T> {
  return (await request(path, { headers: { Accept: 'application/json' } })).json();
}

export async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const r = await request(path, {
    method,
    headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return r.status === 204 ? (undefined as T) : r.json();
}

/** Who is signed in, or null. */
export async function me(): Promise<User | null> {
  try {
    const r = await fetch(`${API}/auth/me`, { credentials: 'same-origin' });
    if (r.ok) return (await r.json()).user;
    if (r.status === 401 && (await refresh())) {
      const again = await fetch(`${API}/auth/me`, { credentials: 'same-origin' });
      if (again.ok) return (await again.json()).user;
    }
    return null;
  } catch {
    return null;
  }
}

/** Which sign-ins this server offers: the development one answers 404 when off, Google's redirects when on. */
export async function googleConfigured(): Promise<boolean> {
  try {
    const r = await fetch(`${API}/auth/google/login`, { redirect: 'manual', credentials: 'same-origin' });
    return r.type === 'opaqueredirect' || (r.status >= 300 && r.status < 400);
  } catch {
    return false;
  }
}

export async function devSignIn(): Promise<User> {
  const r = await fetch(`${API}/auth/dev/login`, { method: 'POST', credentials: 'same-origin' });
  if (!r.ok) throw await problem(r);
  return (await r.json()).user;
}

export async function signOut(): Promise<void> {
  await fetch(`${API}/auth/logout`, { method: 'POST', credentials: 'same-origin' });
}
