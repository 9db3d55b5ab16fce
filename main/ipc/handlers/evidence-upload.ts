// Drag and drop: the page hands over a dropped file's bytes in chunks and main streams them into
// the vault as they come (importEvidenceStream, one transaction). No path ever crosses, so a
// compromised page (T8) can import only bytes it already holds, never read the user's files.
// An upload left idle, aborted, or cut by a lock rolls back: nothing of it is stored.
import { randomBytes } from 'node:crypto';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { importEvidenceStream } from '../../evidence/import-evidence';
import { getEvidenceItem } from '../../evidence/list-evidence';
import type { VaultSession } from '../../accounts/vault-session';
import type { HandlerContext, HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { ChunkQueue } from './chunk-queue';
import { evidenceSummary } from './evidence-summary';

const IDLE_MS = 60_000;

interface Upload {
  session: VaultSession;
  name: string;
  bytes: number;
  received: number;
  queue: ChunkQueue;
  done: Promise<{ id: number }>;
  timer?: NodeJS.Timeout;
}

const uploads = new Map<string, Upload>();

function find(ctx: HandlerContext, uploadId: string): Upload {
  const up = uploads.get(uploadId);
  if (!up || up.session !== ctx.session?.vault) throw new CustodiaError('E_NOT_FOUND', 'no such upload in progress');
  return up;
}

function cancel(uploadId: string, reason: CustodiaError): void {
  const up = uploads.get(uploadId);
  if (!up) return;
  uploads.delete(uploadId);
  clearTimeout(up.timer);
  up.queue.fail(reason);
}

function keepAlive(uploadId: string, up: Upload): void {
  clearTimeout(up.timer);
  up.timer = setTimeout(() => cancel(uploadId, new CustodiaError('E_INVALID_INPUT', `the upload of ${up.name} stalled; nothing was stored`)), IDLE_MS);
  up.timer.unref();
}

/** Every upload of a session rolls back when it closes (a lock). */
function abortUploads(session: VaultSession): void {
  for (const [id, up] of uploads) if (up.session === session) cancel(id, new CustodiaError('E_VAULT_LOCKED', 'the vault was locked during the upload; nothing was stored'));
}
const watched = new WeakSet<VaultSession>();

export const uploadHandlers = {
  'evidence.uploadBegin': async ({ incidentId, name, bytes, acquisition }, ctx) => {
    const session = requireSession(ctx);
    if (!watched.has(session)) {
      watched.add(session);
      session.onClose(() => abortUploads(session));
    }
    const uploadId = randomBytes(16).toString('hex');
    const queue = new ChunkQueue();
    const done = importEvidenceStream(session, incidentId, queue, { originalName: name, acquisition });
    const up: Upload = { session, name, bytes, received: 0, queue, done };
    uploads.set(uploadId, up);
    // A failed import (a refused role, a deleted incident, a full disk) ends the upload; the next
    // chunk or the end reports why.
    done.catch(() => {
      clearTimeout(up.timer);
      if (uploads.get(uploadId) === up) uploads.delete(uploadId);
    });
    keepAlive(uploadId, up);
    return { uploadId };
  },
  'evidence.uploadChunk': async ({ uploadId, data }, ctx) => {
    const up = find(ctx, uploadId);
    const chunk = Buffer.from(data, 'base64');
    if (up.received + chunk.length > up.bytes) {
      cancel(uploadId, new CustodiaError('E_INVALID_INPUT', `${up.name} is larger than announced; nothing was stored`));
      await up.done.catch(() => undefined);
      throw new CustodiaError('E_INVALID_INPUT', `${up.name} is larger than announced; nothing was stored`);
    }
    keepAlive(uploadId, up);
    await Promise.race([up.queue.push(chunk), up.done.then(() => undefined)]);
    up.received += chunk.length;
    ctx.emit({ kind: 'progress', task: 'import', item: up.name, done: up.received, total: up.bytes });
    return { received: up.received };
  },
  'evidence.uploadEnd': async ({ uploadId }, ctx) => {
    const up = find(ctx, uploadId);
    if (up.received !== up.bytes) {
      cancel(uploadId, new CustodiaError('E_INVALID_INPUT', `${up.name} ended after ${up.received} of ${up.bytes} bytes; nothing was stored`));
      await up.done.catch(() => undefined);
      throw new CustodiaError('E_INVALID_INPUT', `${up.name} ended after ${up.received} of ${up.bytes} bytes; nothing was stored`);
    }
    uploads.delete(uploadId);
    clearTimeout(up.timer);
    up.queue.end();
    const { id } = await up.done;
    return evidenceSummary(await getEvidenceItem(up.session, id));
  },
  'evidence.uploadAbort': async ({ uploadId }, ctx) => {
    const up = find(ctx, uploadId);
    cancel(uploadId, new CustodiaError('E_INVALID_INPUT', `the upload of ${up.name} was cancelled; nothing was stored`));
    await up.done.catch(() => undefined);
    return { ok: true };
  },
} satisfies HandlerGroup;
