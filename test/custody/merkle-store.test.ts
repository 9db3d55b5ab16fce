import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendCustody } from '../../main/custody/custody-log';
import { consistencyProofAt, inclusionProofAt, rootAt } from '../../main/custody/merkle-store';
import { TreeLevels } from '../../main/custody/tree-levels';
import { proveConsistency, proveInclusion } from '../../main/custody/prove';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { consistencyProof, inclusionProof, leafHash, merkleRoot, verifyConsistency, verifyInclusion } from '../../shared/custody/merkle';
import { fromHex, toHex, utf8 } from '../../shared/custody/bytes';
import { verifyInclusionProofJson, verifyConsistencyProofJson } from '../../shared/custody/proof-json';
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import { tempVault, type TempVault } from '../vault/fixture';

let v: TempVault;
let leaves: Uint8Array[];

beforeAll(async () => {
  v = await tempVault();
  await v.session.db.transaction(async (tx) => {
    for (let i = 0; i < 70; i += 1) {
      await appendCustody(tx, { actor: 'ana', action: 'case_create', subject: `case:${i}`, details: { i } });
    }
  });
  const rows = await v.session.db.all<{ entry: string }>('SELECT entry FROM custody_log ORDER BY seq');
  leaves = rows.map((r) => leafHash(utf8(r.entry)));
});
afterAll(() => v.cleanup());

describe('the stored Merkle tree agrees with the RFC 9162 reference functions', () => {
  it('has the same root at every size', async () => {
    const levels = new TreeLevels(Buffer.concat(leaves.map((l) => Buffer.from(l))));
    for (let n = 0; n <= leaves.length; n += 1) {
      const expected = toHex(merkleRoot(leaves.slice(0, n)));
      expect(toHex(await rootAt(v.session.db, n)), `stored root at ${n}`).toBe(expected);
      expect(toHex(levels.rootAt(n)), `recomputed root at ${n}`).toBe(expected);
    }
  });

  it('gives the same inclusion proofs, and they verify', async () => {
    for (const n of [1, 2, 3, 7, 8, 9, 31, 64, leaves.length]) {
      for (let i = 0; i < n; i += 1) {
        const stored = await inclusionProofAt(v.session.db, i, n);
        expect(stored.map(toHex)).toEqual(inclusionProof(leaves.slice(0, n), i).map(toHex));
        const ok = verifyInclusion({ leafHash: leaves[i] as Uint8Array, index: i, treeSize: n, proof: stored, rootHash: merkleRoot(leaves.slice(0, n)) });
        expect(ok).toBe(true);
      }
    }
  });

  it('gives the same consistency proofs, and they verify', async () => {
    const n = leaves.length;
    for (let m = 1; m <= n; m += 1) {
      const stored = await consistencyProofAt(v.session.db, m, n);
      expect(stored.map(toHex)).toEqual(consistencyProof(leaves, m).map(toHex));
      const ok = verifyConsistency({ oldSize: m, newSize: n, oldRoot: merkleRoot(leaves.slice(0, m)), newRoot: merkleRoot(leaves), proof: stored });
      expect(ok).toBe(true);
    }
  });

  it('proves one entry against a signed checkpoint without the others (T4: authenticity in court)', async () => {
    const checkpoint = await signSessionCheckpoint(v.session);
    const proof = await proveInclusion(v.session.db, 5, checkpoint);
    const row = await v.session.db.get<{ entry: string }>('SELECT entry FROM custody_log WHERE seq = 5');
    const entry = JSON.parse(row?.entry ?? '{}') as CustodyEntry;
    expect(proof.rootHash).toBe(checkpoint.rootHash);
    expect(verifyInclusionProofJson(entry, proof)).toBe(true);
    expect(verifyInclusionProofJson({ ...entry, details: { i: 999 } }, proof)).toBe(false);
    expect(proof.proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(checkpoint.treeSize)));
  });

  it('proves that a later log extends an earlier one (T3: history only grows)', async () => {
    const proof = await proveConsistency(v.session.db, 17, leaves.length);
    expect(verifyConsistencyProofJson(proof)).toBe(true);
    expect(verifyConsistencyProofJson({ ...proof, oldRoot: toHex(fromHex(proof.newRoot)) })).toBe(false);
  });
});

describe('batched appends build the same tree as one-by-one appends', () => {
  it('agrees at every batch boundary', async () => {
    const { appendCustodyBatch } = await import('../../main/custody/custody-log');
    const w = await tempVault();
    try {
      for (const size of [1, 2, 3, 5, 8, 13, 1, 30]) {
        await w.session.db.transaction((tx) => appendCustodyBatch(tx, Array.from({ length: size }, (_, i) => ({ actor: 'ana', action: 'view' as const, subject: `evidence:${i}`, details: {} }))));
        const rows = await w.session.db.all<{ entry: string }>('SELECT entry FROM custody_log ORDER BY seq');
        const all = rows.map((r) => leafHash(utf8(r.entry)));
        expect(toHex(await rootAt(w.session.db, all.length))).toBe(toHex(merkleRoot(all)));
        const levels = new TreeLevels(Buffer.concat(all.map((l) => Buffer.from(l))));
        const stored = await w.session.db.get<{ n: number }>('SELECT count(*) AS n FROM merkle_nodes');
        expect(stored?.n).toBe(levels.nodeCount);
      }
    } finally {
      await w.cleanup();
    }
  });
});
