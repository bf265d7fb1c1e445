/**
 * Resumable uploads as the API takes them (/api/v1/uploads): a session announces a revision's files, each file
 * is sent in chunks (PUT with Content-Range), GET tells how far each file is, complete makes the revision. The
 * ids of the sessions this browser started are kept in localStorage, so that a reload finds them again.
 */
import { API, ApiError, get, onSignedOut, refreshAccessToken, send, type Revision } from '../api';

export interface SessionFile { position: number; name: string; bytes: number; sha256: string | null; received: number; state: string }
export interface UploadSession {
  id: string; projectId: string; setId: string; setName: string; label: string; issuedOn: string | null; note: string | null;
  chunkBytes: number; state: 'open' | 'completing' | 'completed'; revisionId: string | null; bytes: number; received: number;
  files: SessionFile[]; createdBy: string; createdByName: string; createdAt: string; updatedAt: string; expiresAt: string;
}
export interface NewUpload {
  label: string; issuedOn?: string; note?: string;
  files: { name: string; bytes: number; sha256?: string }[];
}

/** A refused chunk that says where its file stands (409, 416). */
export class OffsetError extends ApiError {
  constructor(status: number, title: string, detail: string, readonly offset: number) {
    super(status, title, detail);
  }
}

export function startSession(projectId: string, setId: string, upload: NewUpload): Promise<UploadSession> {
  return send<UploadSession>('POST', `projects/${projectId}/sets/${setId}/uploads`, upload);
}

export function session(id: string): Promise<UploadSession> {
  return get<UploadSession>(`uploads/${id}`);
}

export function openSessions(projectId: string): Promise<UploadSession[]> {
  return get<UploadSession[]>(`projects/${projectId}/uploads`);
}

export function complete(id: string): Promise<Revision> {
  return send<Revision>('POST', `uploads/${id}/complete`);
}

export function cancel(id: string): Promise<void> {
  return send<void>('DELETE', `uploads/${id}`);
}

/** A chunk under way: its answer, and a way to stop it. */
export interface ChunkRequest { done: Promise<SessionFile>; abort(): void }

/**
 * Sends bytes [first, first + blob.size) of a file; {@code onProgress} gets the bytes of this chunk sent so far.
 * Sent with XMLHttpRequest for its upload progress; a 401 refreshes the sign-in once and sends it again.
 */
export function putChunk(id: string, position: number, fileSize: number, first: number, blob: Blob,
  onProgress: (sent: number) => void): ChunkRequest {
  let xhr: XMLHttpRequest | null = null;
  let aborted = false;
  const once = () => new Promise<XMLHttpRequest>((resolve, reject) => {
    const r = new XMLHttpRequest();
    xhr = r;
    r.open('PUT', `${API}/uploads/${id}/files/${position}`);
    r.setRequestHeader('Accept', 'application/json');
    r.setRequestHeader('Content-Type', 'application/octet-stream');
    r.setRequestHeader('Content-Range', `bytes ${first}-${first + blob.size - 1}/${fileSize}`);
    r.upload.onprogress = (e) => onProgress(e.loaded);
    r.onload = () => resolve(r);
    r.onerror = () => reject(new ApiError(0, 'Network error', 'the chunk could not reach the server'));
    r.onabort = () => reject(new DOMException('the chunk was stopped', 'AbortError'));
    r.send(blob);
  });
  const done = (async () => {
    let r = await once();
    if (r.status === 401 && !aborted && (await refreshAccessToken())) r = await once();
    if (r.status === 401) onSignedOut();
    if (r.status >= 200 && r.status < 300) return JSON.parse(r.responseText) as SessionFile;
    throw problemOf(r);
  })();
  return {
    done,
    abort: () => {
      aborted = true;
      (xhr as XMLHttpRequest | null)?.abort();
    },
  };
}

function problemOf(r: XMLHttpRequest): ApiError {
  let title = r.statusText;
  let detail = '';
  let offset: number | undefined;
  try {
    const p = JSON.parse(r.responseText);
    title = p.title ?? title;
    detail = p.detail ?? '';
    offset = typeof p.offset === 'number' ? p.offset : undefined;
  } catch {
    // not a problem detail
  }
  if (r.status === 429) {
    return new RetryLater(title, `Too many requests: ${detail}`, Number(r.getResponseHeader('Retry-After') ?? '5'));
  }
  return offset === undefined ? new ApiError(r.status, title, detail) : new OffsetError(r.status, title, detail, offset);
}

/** Refused for now (429): try again after {@code seconds}. */
export class RetryLater extends ApiError {
  constructor(title: string, detail: string, readonly seconds: number) {
    super(429, title, detail);
  }
}

/** What this browser remembers of a session it started. */
export interface Remembered { id: string; projectId: string; setId: string; label: string; startedAt: string }

const KEY = 'buildtrace.uploads';

export function remembered(): Remembered[] {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((r) => r && typeof r.id === 'string') : [];
  } catch {
    return [];
  }
}

export function remember(s: UploadSession): void {
  const list = remembered().filter((r) => r.id !== s.id);
  list.push({ id: s.id, projectId: s.projectId, setId: s.setId, label: s.label, startedAt: s.createdAt });
  localStorage.setItem(KEY, JSON.stringify(list));
}

export function forget(id: string): void {
  localStorage.setItem(KEY, JSON.stringify(remembered().filter((r) => r.id !== id)));
}
