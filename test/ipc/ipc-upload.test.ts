// Drag and drop through the real handler table over a real vault: a dropped file arrives as its
// bytes in chunks and is sealed whole; a cut, oversized, cancelled or locked upload stores nothing.
// T8: no path crosses IPC, so a compromised page can import only bytes it already holds.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value, code } = handlerClient(ctx);
const PASS = 'una frase de prueba larga';
const acquisition = { method: 'received' as const, from: 'Defensora A' };
let incidentId = 0;

const counts = async () => ({
  evidence: (await value<unknown[]>('evidence.list', { incidentId })).length,
  // A lock seals, and an admin's seal signs the roster the first time: that entry is no upload's.
  custody: (await ctx.session!.vault.db.get<{ n: number }>("SELECT count(*) AS n FROM custody_log WHERE action <> 'roster'"))!.n,
});

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  await value('vault.create', { label: 'Org', user: 'ana', passphrase: PASS });
  const caseId = (await value<{ id: number }>('cases.add', { title: 'Caso' })).id;
  const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'x', riskLevel: 'low', type: 'threat' };
  incidentId = (await value<{ id: number }>('incidents.add', { caseId, incident })).id;
});
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

async function upload(bytes: Buffer, name = 'audio.ogg', chunk = 1024 * 1024): Promise<{ sha256: string; bytes: number; name: string }> {
  const { uploadId } = await value<{ uploadId: string }>('evidence.uploadBegin', { incidentId, name, bytes: bytes.length, acquisition });
  for (let at = 0; at < bytes.length; at += chunk) {
    await value('evidence.uploadChunk', { uploadId, data: bytes.subarray(at, at + chunk).toString('base64') });
  }
  return value('evidence.uploadEnd', { uploadId });
}

describe('drag and drop: uploads of dropped files', () => {
  it('seals a dropped file whole, with the sha256 of its bytes and its custody entries', async () => {
    const bytes = randomBytes(2 * 1024 * 1024 + 123);
    const before = await counts();
    const item = await upload(bytes);
    expect(item).toMatchObject({ name: 'audio.ogg', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const after = await counts();
    expect(after.evidence).toBe(before.evidence + 1);
    expect(after.custody).toBe(before.custody + 2); // receive and seal
  });

  it('stores nothing when the page sends more bytes than it announced', async () => {
    const before = await counts();
    const { uploadId } = await value<{ uploadId: string }>('evidence.uploadBegin', { incidentId, name: 'x.bin', bytes: 10, acquisition });
    expect(await code('evidence.uploadChunk', { uploadId, data: Buffer.alloc(11).toString('base64') })).toBe('E_INVALID_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('stores nothing when the upload ends short or is cancelled', async () => {
    const before = await counts();
    const short = await value<{ uploadId: string }>('evidence.uploadBegin', { incidentId, name: 'short.bin', bytes: 100, acquisition });
    await value('evidence.uploadChunk', { uploadId: short.uploadId, data: Buffer.alloc(40).toString('base64') });
    expect(await code('evidence.uploadEnd', { uploadId: short.uploadId })).toBe('E_INVALID_INPUT');
    const cancelled = await value<{ uploadId: string }>('evidence.uploadBegin', { incidentId, name: 'c.bin', bytes: 100, acquisition });
    await value('evidence.uploadChunk', { uploadId: cancelled.uploadId, data: Buffer.alloc(40).toString('base64') });
    expect(await value('evidence.uploadAbort', { uploadId: cancelled.uploadId })).toEqual({ ok: true });
    expect(await code('evidence.uploadChunk', { uploadId: cancelled.uploadId, data: 'AA==' })).toBe('E_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('T8: refuses an upload id main did not issue, and anything that is not base64 bytes', async () => {
    expect(await code('evidence.uploadChunk', { uploadId: 'a'.repeat(32), data: 'AA==' })).toBe('E_NOT_FOUND');
    expect(await code('evidence.uploadChunk', { uploadId: '../etc/passwd', data: 'AA==' })).toBe('E_INVALID_INPUT');
    const { uploadId } = await value<{ uploadId: string }>('evidence.uploadBegin', { incidentId, name: 'y.bin', bytes: 3, acquisition });
    expect(await code('evidence.uploadChunk', { uploadId, data: '/etc/passwd' })).toBe('E_INVALID_INPUT');
    await value('evidence.uploadAbort', { uploadId });
  });

  it('T2: a lock during an upload rolls it back', async () => {
    const before = await counts();
    const { uploadId } = await value<{ uploadId: string }>('evidence.uploadBegin', { incidentId, name: 'z.bin', bytes: 100, acquisition });
    await value('evidence.uploadChunk', { uploadId, data: Buffer.alloc(50).toString('base64') });
    await value('vault.lock', {});
    const vaultId = (await value<Array<{ id: string }>>('vault.known', {}))[0]!.id;
    await value('vault.unlock', { vaultId, user: 'ana', passphrase: PASS });
    expect(await code('evidence.uploadChunk', { uploadId, data: Buffer.alloc(50).toString('base64') })).toBe('E_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });
});
