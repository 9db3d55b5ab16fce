// Evidence that arrives in pieces (the app's drag and drop): each upload streams into one
// import transaction as its chunks come. The rules live here, with the session that owns the
// uploads: a file must end exactly at its announced size, an upload idle for a minute, aborted,
// or cut by the session's close (a lock) rolls back, and nothing of it is stored.
import { randomBytes } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { VaultSession } from '../accounts/vault-session';
import type { AcquisitionInput } from './acquisition';
import { ChunkQueue } from './chunk-queue';
import { importEvidenceStream } from './import-evidence';

export const UPLOAD_IDLE_MS = 60_000;

interface Upload {
  name: string;
  bytes: number;
  received: number;
  queue: ChunkQueue;
  done: Promise<{ id: number }>;
  timer?: NodeJS.Timeout;
}

const nothingStored = (what: string) => new CustodiaError('E_INVALID_INPUT', `${what}; nothing was stored`);

/** The uploads of one session; gone with it. */
class SessionUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly session: VaultSession) {
    session.onClose(() => {
      for (const id of [...this.uploads.keys()]) this.cancel(id, new CustodiaError('E_VAULT_LOCKED', 'the vault was locked during the upload; nothing was stored'));
    });
  }

  begin(incidentId: number, meta: { name: string; bytes: number; acquisition: AcquisitionInput }): string {
    const uploadId = randomBytes(16).toString('hex');
    const queue = new ChunkQueue();
    const done = importEvidenceStream(this.session, incidentId, queue, { originalName: meta.name, acquisition: meta.acquisition });
    const up: Upload = { name: meta.name, bytes: meta.bytes, received: 0, queue, done };
    this.uploads.set(uploadId, up);
    // A failed import (a refused role, a deleted incident, a full disk) ends the upload; the next
    // chunk or the end reports why.
    done.catch(() => {
      clearTimeout(up.timer);
      if (this.uploads.get(uploadId) === up) this.uploads.delete(uploadId);
    });
    this.keepAlive(uploadId, up);
    return uploadId;
  }

  /** Resolves once the importer has taken the chunk: at most one chunk waits in memory. */
  async chunk(uploadId: string, chunk: Buffer): Promise<{ name: string; received: number; bytes: number }> {
    const up = this.find(uploadId);
    if (up.received + chunk.length > up.bytes) await this.refuse(uploadId, up, nothingStored(`${up.name} is larger than announced`));
    this.keepAlive(uploadId, up);
    await Promise.race([up.queue.push(chunk), up.done.then(() => undefined)]);
    up.received += chunk.length;
    return { name: up.name, received: up.received, bytes: up.bytes };
  }

  async end(uploadId: string): Promise<number> {
    const up = this.find(uploadId);
    if (up.received !== up.bytes) await this.refuse(uploadId, up, nothingStored(`${up.name} ended after ${up.received} of ${up.bytes} bytes`));
    this.uploads.delete(uploadId);
    clearTimeout(up.timer);
    up.queue.end();
    return (await up.done).id;
  }

  async abort(uploadId: string): Promise<void> {
    const up = this.find(uploadId);
    this.cancel(uploadId, nothingStored(`the upload of ${up.name} was cancelled`));
    await up.done.catch(() => undefined);
  }

  private find(uploadId: string): Upload {
    const up = this.uploads.get(uploadId);
    if (!up) throw new CustodiaError('E_NOT_FOUND', 'no such upload in progress');
    return up;
  }

  /** Rolls the upload back, waits until nothing of it remains, then reports why. */
  private async refuse(uploadId: string, up: Upload, why: CustodiaError): Promise<never> {
    this.cancel(uploadId, why);
    await up.done.catch(() => undefined);
    throw why;
  }

  private cancel(uploadId: string, reason: CustodiaError): void {
    const up = this.uploads.get(uploadId);
    if (!up) return;
    this.uploads.delete(uploadId);
    clearTimeout(up.timer);
    up.queue.fail(reason);
  }

  private keepAlive(uploadId: string, up: Upload): void {
    clearTimeout(up.timer);
    up.timer = setTimeout(() => this.cancel(uploadId, nothingStored(`the upload of ${up.name} stalled`)), UPLOAD_IDLE_MS);
    up.timer.unref();
  }
}

const bySession = new WeakMap<VaultSession, SessionUploads>();

/** A session's uploads; another session (another user, or after a re-unlock) sees none of them. */
export function uploadsOf(session: VaultSession): SessionUploads {
  let uploads = bySession.get(session);
  if (!uploads) bySession.set(session, (uploads = new SessionUploads(session)));
  return uploads;
}
