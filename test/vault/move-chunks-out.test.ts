// Migration 010 on a vault from before evidence objects (T9): its first unlock moves every chunk
// out of the database into objects, with progress, logs one storage entry, drops the chunk table
// and shrinks the file; every item reads back whole and log verify passes.
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/audit/verify-log';
import { openVault } from '../../main/accounts/vault-session';
import { importEvidenceStream } from '../../main/evidence/import-evidence';
import { openEvidenceStream } from '../../main/evidence/read-evidence';
import { vaultObjects } from '../../main/evidence/vault-objects';
import { withIncident } from '../evidence/fixtures';
import { backToChunks } from './legacy-chunks';
import { PASSPHRASE, tempVault, type TempVault } from './fixture';
import { migrations } from '../../main/vault/migrations';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const CHUNK = 256 * 1024;

async function legacyVault(t: TempVault, sizes: number[]): Promise<Buffer[]> {
  const incidentId = await withIncident(t.session);
  const originals = sizes.map((n) => randomBytes(n));
  for (const [i, bytes] of originals.entries()) {
    await importEvidenceStream(t.session, incidentId, Readable.from([bytes]), { originalName: `item-${i}.bin`, acquisition: { method: 'other' } }, { chunkSize: CHUNK });
  }
  await backToChunks(t.session);
  return originals;
}

describe('T9 migration 010 moves the chunks of an older vault into objects', () => {
  it('at the first unlock: progress to 100 %, one storage entry, no chunk table, a smaller file, every item whole', async () => {
    v = await tempVault();
    const originals = await legacyVault(v, [3 * CHUNK + 17, 1, 5 * CHUNK]);
    const before = (await stat(v.path)).size + (await stat(`${v.path}-wal`).then((s) => s.size, () => 0));
    const fractions: number[] = [];
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE, onStorageProgress: (f) => fractions.push(f) });
    const s = v.session;
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(s.notices.some((n) => n.includes('3 items'))).toBe(true);
    expect(await s.db.get("SELECT name FROM sqlite_master WHERE name = 'evidence_chunks'")).toBeUndefined();
    expect(await s.db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    const entries = await s.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'storage'");
    expect(entries.map((e) => JSON.parse(e.entry).details)).toEqual([{ change: 'chunks_moved_out', items: 3, bytes: 8 * CHUNK + 18 }]);
    expect(await vaultObjects(s).store.list()).toHaveLength(4 + 1 + 5);
    for (const [i, original] of originals.entries()) {
      const { stream } = await openEvidenceStream(s, i + 1);
      const parts: Buffer[] = [];
      for await (const p of stream) parts.push(p as Buffer);
      expect(Buffer.concat(parts).equals(original)).toBe(true);
    }
    const report = await verifyLog(s);
    expect(report.problems).toEqual([]);
    const after = (await stat(v.path)).size + (await stat(`${v.path}-wal`).then((st) => st.size, () => 0));
    expect(after).toBeLessThan(before - 4 * CHUNK);
  });

  it('a later unlock moves nothing and logs nothing', async () => {
    v = await tempVault();
    await legacyVault(v, [CHUNK]);
    await v.open();
    const fractions: number[] = [];
    await v.session.close();
    v.session = await openVault({ path: v.path, user: 'ana', passphrase: PASSPHRASE, onStorageProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([]);
    expect(await v.session.db.get<{ n: number }>("SELECT count(*) AS n FROM custody_log WHERE action = 'storage'")).toEqual({ n: 1 });
    expect(join(v.dir, 'vault.custodia.objects')).toBe(vaultObjects(v.session).store.dir);
  });
});
