// The sliced scan behind `log verify`: a log longer than one slice (log-slices.ts reads
// SLICE_ENTRIES at a time as a few strings), tampering at and across slice boundaries, entries
// that defeat the newline-joined fast path, and the worker-built Merkle tree.
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { verifyLog, type VerifyLogReport } from '../../main/audit/verify-log';
import { appendCustodyBatch } from '../../main/custody/custody-log';
import { rootAt } from '../../main/custody/merkle-store';
import { SLICE_ENTRIES } from '../../main/audit/log-slices';
import { TreeLevels } from '../../main/custody/tree-levels';
import { TreeWorker } from '../../main/audit/tree-worker';
import { leafHash, merkleRoot } from '../../shared/custody/merkle';
import { toHex } from '../../shared/custody/bytes';
import { tempVault, type TempVault } from '../vault/fixture';
import { tamper } from './tamper-fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

/** A vault whose log spans two slices and a bit: seq 1..SLICE_ENTRIES + 100. */
async function longLog(): Promise<TempVault> {
  const vault = await tempVault();
  const have = (await vault.session.db.get<{ n: number }>('SELECT count(*) AS n FROM custody_log'))?.n ?? 0;
  const inputs = Array.from({ length: SLICE_ENTRIES + 100 - have }, (_, i) => ({ actor: 'ana', action: 'verify' as const, subject: 'vault', details: { ok: true, i } }));
  await vault.session.db.transaction((tx) => appendCustodyBatch(tx, inputs));
  return vault;
}

const bySeq = (r: VerifyLogReport, code: string): number[] => r.problems.filter((p) => p.code === code).map((p) => p.seq ?? -1);

describe('T3 log verify across slices of the custody log', () => {
  it('passes a log longer than one slice and recomputes the root the vault stored', async () => {
    v = await longLog();
    const report = await verifyLog(v.session);
    expect(report.problems).toEqual([]);
    expect(report.entries).toBe(SLICE_ENTRIES + 100);
    expect(report.rootHash).toBe(toHex(await rootAt(v.session.db, SLICE_ENTRIES + 100)));
  });

  it('finds an entry deleted at a slice boundary, by its seq', async () => {
    v = await longLog();
    await tamper(v.session.db, `DELETE FROM custody_log WHERE seq = ${SLICE_ENTRIES + 1}`);
    const report = await verifyLog(v.session);
    expect(bySeq(report, 'E_SEQ_GAP')).toEqual([SLICE_ENTRIES + 2]);
  });

  it('finds an entry moved far below seq 1, where a bounded first read would not look', async () => {
    v = await longLog();
    await tamper(v.session.db, `UPDATE custody_log SET seq = -1152921504606846976 WHERE seq = 7`);
    const report = await verifyLog(v.session);
    expect(bySeq(report, 'E_SEQ_GAP')).toEqual([-1152921504606846976, 1, 8]);
  });

  it('finds an indexed column that disagrees with its entry, and only that one', async () => {
    v = await longLog();
    await tamper(v.session.db, `UPDATE custody_log SET actor = 'mallory' WHERE seq = ${SLICE_ENTRIES + 50}`);
    const report = await verifyLog(v.session);
    expect(bySeq(report, 'E_ENTRY_HASH_MISMATCH')).toEqual([SLICE_ENTRIES + 50]);
    expect([...new Set(report.problems.map((p) => p.code))]).toEqual(['E_ENTRY_HASH_MISMATCH']);
  });

  it('finds a stored hash of the wrong length', async () => {
    v = await longLog();
    await tamper(v.session.db, "UPDATE custody_log SET hash = x'00' WHERE seq = 20");
    const report = await verifyLog(v.session);
    expect(bySeq(report, 'E_ENTRY_HASH_MISMATCH')).toEqual([20]);
  });

  it('hashes an entry given a raw newline exactly as stored (re-read row by row), and names the broken link', async () => {
    v = await longLog();
    const seq = SLICE_ENTRIES - 1;
    await tamper(v.session.db, `UPDATE custody_log SET entry = replace(entry, '{"action"', '{' || char(10) || '"action"') WHERE seq = ${seq}`);
    const row = await v.session.db.get<{ entry: string }>('SELECT entry FROM custody_log WHERE seq = ?', [seq]);
    expect(row?.entry).toContain('\n');
    await tamper(v.session.db, `UPDATE custody_log SET hash = x'${createHash('sha256').update(row?.entry ?? '').digest('hex')}' WHERE seq = ${seq}`);
    const report = await verifyLog(v.session);
    // Still valid JSON that agrees with its columns and hashes to its stored hash: only the next link breaks.
    expect(bySeq(report, 'E_CHAIN_BROKEN')).toEqual([seq + 1]);
    expect(bySeq(report, 'E_ENTRY_HASH_MISMATCH')).toEqual([]);
    expect(bySeq(report, 'E_SEQ_GAP')).toEqual([]);
    expect(report.rootHash).not.toBe(toHex(await rootAt(v.session.db, SLICE_ENTRIES + 100)));
  });
});

describe('the Merkle tree built on the worker thread', () => {
  it('has the same levels as TreeLevels and the root of the shared RFC 9162 code, at every size up to 70', async () => {
    const entries = Array.from({ length: 70 }, (_, i) => `{"entry":${i},"text":"ünïcödé ${'x'.repeat(i)}"}`);
    const leaves = entries.map((e) => leafHash(Buffer.from(e, 'utf8')));
    for (const size of [0, 1, 2, 3, 5, 8, 17, 64, 70]) {
      const worker = new TreeWorker();
      try {
        // The first half as one newline-joined string (one entry at least), the rest as a list.
        if (size > 1) worker.add(entries.slice(0, Math.floor(size / 2)).join('\n'));
        else worker.add(entries.slice(0, Math.floor(size / 2)));
        worker.add(entries.slice(Math.floor(size / 2), size));
        const tree = await worker.finish();
        const direct = new TreeLevels(Buffer.concat(leaves.slice(0, size)));
        expect(tree.levels.map(toHex)).toEqual(direct.levels.map(toHex));
        expect(toHex(tree.rootAt(size))).toBe(toHex(merkleRoot(leaves.slice(0, size))));
      } finally {
        await worker.stop();
      }
    }
  });
});
