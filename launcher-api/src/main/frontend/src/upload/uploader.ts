/**
 * Sends the files of one upload session, a chunk at a time in file order, from the offsets the server reports:
 * pause and resume, retries of a failed chunk with growing waits, completion. Lives as long as the browser tab,
 * not the page: leaving the project page and coming back finds the same uploader still at work ({@link live}).
 */
import { ApiError, type Revision } from '../api';
import {
  cancel as cancelSession, complete as completeSession, forget, OffsetError, putChunk, RetryLater,
  session as fetchSession, type ChunkRequest, type UploadSession,
} from './sessions';

export type UploaderState =
  | 'sending' | 'paused' | 'retrying' | 'failed' | 'needs-files' | 'received' | 'completing' | 'completed' | 'cancelled';

/** Waits before the 1st, 2nd, ... retry of a chunk (ms); after the last, the upload stops and says why. */
const RETRY_DELAYS = [1000, 2000, 4000, 8000, 16000, 30000];

/** The uploaders of this tab, by session id. */
export const live = new Map<string, Uploader>();

class Stopped extends Error {}

export class Uploader {
  state: UploaderState = 'needs-files';
  /** What the person should know now: why it failed, when it retries. */
  message = '';
  revision: Revision | null = null;
  /** The file being sent, if any. */
  current: number | null = null;
  /** Bytes of the chunk under way, per file position. */
  private readonly sending: number[];
  private readonly listeners = new Set<() => void>();
  private chunk: ChunkRequest | null = null;
  private wake: (() => void) | null = null;
  private loop: Promise<void> = Promise.resolve();
  private stopping = false;

  constructor(public session: UploadSession, readonly files: (File | null)[]) {
    this.sending = session.files.map(() => 0);
    this.state = this.allReceived() ? 'received' : 'needs-files';
    live.set(session.id, this);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.listeners.forEach((l) => l());
  }

  /** Bytes of a file that have arrived or are on their way. */
  progress(position: number): number {
    const f = this.session.files[position];
    return Math.min(f.bytes, f.received + this.sending[position]);
  }

  total(): { bytes: number; done: number } {
    return {
      bytes: this.session.files.reduce((s, f) => s + f.bytes, 0),
      done: this.session.files.reduce((s, f) => s + this.progress(f.position), 0),
    };
  }

  allReceived(): boolean {
    return this.session.files.every((f) => f.received >= f.bytes);
  }

  /** Files that still have bytes to send but no local file to send them from. */
  missing(): number[] {
    return this.session.files.filter((f) => f.received < f.bytes && !this.files[f.position]).map((f) => f.position);
  }

  attach(position: number, file: File): void {
    this.files[position] = file;
    this.changed();
  }

  busy(): boolean {
    return this.state === 'sending' || this.state === 'retrying' || this.state === 'completing';
  }

  /** Sends what is missing (after the last run has stopped), then completes the upload. */
  start(): Promise<void> {
    this.loop = this.loop.then(() => this.run());
    return this.loop;
  }

  private async run(): Promise<void> {
    this.stopping = false;
    this.message = '';
    try {
      for (const f of this.session.files) {
        while (f.received < f.bytes) {
          if (!this.files[f.position]) {
            this.state = 'needs-files';
            return;
          }
          this.state = 'sending';
          this.current = f.position;
          this.changed();
          await this.send(f.position);
        }
      }
      this.state = 'received';
      await this.complete();
    } catch (e) {
      if (e instanceof Stopped) return;
      this.state = 'failed';
      this.message = (e as Error).message;
    } finally {
      this.current = null;
      this.changed();
    }
  }

  /** Sends the next chunk of a file, retrying with growing waits while the failure may pass. */
  private async send(position: number): Promise<void> {
    const f = this.session.files[position];
    const file = this.files[position] as File;
    const first = f.received;
    const blob = file.slice(first, Math.min(f.bytes, first + this.session.chunkBytes));
    for (let attempt = 0; ; attempt++) {
      if (this.stopping) throw new Stopped();
      this.chunk = putChunk(this.session.id, position, f.bytes, first, blob, (sent) => {
        this.sending[position] = sent;
        this.changed();
      });
      try {
        f.received = (await this.chunk.done).received;
        return;
      } catch (e) {
        if (this.stopping) throw new Stopped();
        if (e instanceof OffsetError) {
          f.received = e.offset; // the server has more (or less) of the file than this tab thought: go on from there
          return;
        }
        if (!transient(e) || attempt >= RETRY_DELAYS.length) {
          throw new Error(`${f.name}: ${(e as Error).message}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`);
        }
        const wait = e instanceof RetryLater ? e.seconds * 1000 : RETRY_DELAYS[attempt];
        this.state = 'retrying';
        this.message = `${f.name}: ${(e as Error).message}. Trying again in ${Math.round(wait / 1000)} s `
          + `(attempt ${attempt + 2} of ${RETRY_DELAYS.length + 1}).`;
        this.changed();
        await this.sleep(wait);
        if (this.stopping) throw new Stopped();
        this.state = 'sending';
        this.message = '';
      } finally {
        this.sending[position] = 0;
        this.chunk = null;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** Stops after aborting the chunk under way; what the server has is kept. */
  pause(): void {
    if (this.state !== 'sending' && this.state !== 'retrying') return;
    this.stopping = true;
    this.chunk?.abort();
    this.wake?.();
    this.state = 'paused';
    this.message = '';
    this.changed();
  }

  /** Asks the server where each file stands, then goes on from there (at once, while waiting to retry). */
  async resume(): Promise<void> {
    if (this.state === 'retrying') {
      this.wake?.();
      return;
    }
    await this.loop;
    this.stopping = false;
    try {
      this.session = await fetchSession(this.session.id);
    } catch (e) {
      this.fail(e);
      return;
    }
    if (this.session.state === 'completed') {
      this.state = 'received';
      await this.complete();
      return;
    }
    await this.start();
  }

  /** Makes the revision once every byte has arrived. */
  async complete(): Promise<void> {
    this.state = 'completing';
    this.message = '';
    this.changed();
    try {
      this.revision = await completeSession(this.session.id);
      this.state = 'completed';
      forget(this.session.id);
      live.delete(this.session.id);
    } catch (e) {
      this.fail(e);
      if (e instanceof ApiError && e.status === 422) {
        // the server took back the file whose bytes did not match: it is to be sent again
        this.session = await fetchSession(this.session.id).catch(() => this.session);
      }
    } finally {
      this.changed();
    }
  }

  /** Abandons the upload: the server deletes what it received. */
  async cancel(): Promise<void> {
    this.stopping = true;
    this.chunk?.abort();
    this.wake?.();
    await this.loop;
    try {
      await cancelSession(this.session.id);
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) {
        this.fail(e);
        this.changed();
        return;
      }
    }
    this.state = 'cancelled';
    forget(this.session.id);
    live.delete(this.session.id);
    this.changed();
  }

  private fail(e: unknown): void {
    this.state = 'failed';
    this.message = e instanceof ApiError && e.status === 404
      ? 'This upload is no longer on the server: it expired after a day without progress, or was cancelled.'
      : (e as Error).message;
  }
}

/** Failures that may pass: no connection, a server or gateway error, too many requests. */
function transient(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 0 || e.status === 408 || e.status === 429 || e.status >= 500);
}
