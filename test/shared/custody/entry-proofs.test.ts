// Custody entries as chain links and Merkle leaves, and the JSON proofs that travel in dossiers.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../shared/custody/bytes';
import { generateSigningKeyPair, signCheckpoint, type Checkpoint } from '../../../shared/custody/checkpoint';
import { entryBytes, entryHash, entryLeafHash, GENESIS_PREV, type CustodyEntry } from '../../../shared/custody/custody-entry';
import { leafHash, merkleRoot } from '../../../shared/custody/merkle';
import {
  makeConsistencyProofJson,
  makeInclusionProofJson,
  verifyConsistencyProofJson,
  verifyEntryInCheckpoint,
  verifyInclusionProofJson,
  type InclusionProofJson,
} from '../../../shared/custody/proof-json';

const nodeSha256 = (d: Uint8Array): Uint8Array => createHash('sha256').update(d).digest();

function buildLog(count: number): CustodyEntry[] {
  const log: CustodyEntry[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const entry: CustodyEntry = {
      seq,
      at: new Date(Date.UTC(2026, 9, 3, 12, 0, seq)).toISOString(),
      actor: seq % 3 === 0 ? 'ana' : 'josé',
      action: seq === 1 ? 'vault_create' : seq % 2 === 0 ? 'receive' : 'view',
      subject: `evidence:${seq}`,
      details: { sha256: toHex(nodeSha256(utf8(`evidence ${seq}`))), bytes: seq * 1000, note: 'Deja de denunciar' },
      prev: seq === 1 ? GENESIS_PREV : entryHash(log[seq - 2]!),
    };
    log.push(entry);
  }
  return log;
}

const log = buildLog(21);
const leaves = log.map((e) => entryLeafHash(e));

describe('custody entry bytes and hashes', () => {
  it('entryBytes is the RFC 8785 form: members sorted, no whitespace, UTF-8', () => {
    const e = log[2]!;
    const expected =
      `{"action":"view","actor":"ana","at":"2026-10-03T12:00:03.000Z","details":{"bytes":3000,` +
      `"note":"Deja de denunciar","sha256":"${e.details.sha256 as string}"},"prev":"${e.prev}","seq":3,"subject":"evidence:3"}`;
    expect(new TextDecoder().decode(entryBytes(e))).toBe(expected);
    expect(entryBytes(log[1]!)).toContain(0xc3); // "é" of josé as UTF-8
  });

  it('entryHash is the SHA-256 of entryBytes as openssl-backed node:crypto computes it, and the leaf hash is H(0x00 || bytes)', () => {
    for (const e of log) {
      expect(entryHash(e)).toBe(createHash('sha256').update(entryBytes(e)).digest('hex'));
      expect(entryHash(e, nodeSha256)).toBe(entryHash(e));
      const prefixed = Buffer.concat([Buffer.from([0]), entryBytes(e)]);
      expect(toHex(entryLeafHash(e))).toBe(createHash('sha256').update(prefixed).digest('hex'));
    }
  });

  it('refuses an entry whose details are not JSON data', () => {
    const bad = { ...log[0]!, details: { size: undefined } };
    expect(() => entryHash(bad)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });
});

describe('T3 history rewritten: the hash chain', () => {
  it('each prev holds the hash of the entry before it, starting from GENESIS_PREV', () => {
    expect(log[0]!.prev).toBe(GENESIS_PREV);
    log.slice(1).forEach((e, i) => expect(e.prev).toBe(entryHash(log[i]!)));
  });

  it.each([
    ['seq', { seq: 6 }],
    ['at', { at: '2026-10-03T12:00:06.000Z' }],
    ['actor', { actor: 'ana ' }],
    ['action', { action: 'delete' as const }],
    ['subject', { subject: 'evidence:50' }],
    ['details', { details: { ...log[4]!.details, bytes: 5001 } }],
    ['prev', { prev: entryHash(log[2]!) }],
  ])('changing %s of an entry breaks the link from the next one', (_field, change) => {
    const edited = { ...log[4]!, ...change };
    expect(entryHash(edited)).not.toBe(log[5]!.prev);
  });
});

describe('T4 authenticity in court: inclusion proofs as JSON', () => {
  const org = generateSigningKeyPair();
  const cp: Checkpoint = signCheckpoint(
    {
      origin: 'custodia/test',
      treeSize: log.length,
      rootHash: toHex(merkleRoot(leaves)),
      time: '2026-10-03T13:00:00Z',
      signer: toHex(org.publicKey),
    },
    org.secretKey,
  );

  it('every entry has a proof that verifies from its own bytes, up to the signed checkpoint', () => {
    for (const e of log) {
      const p = makeInclusionProofJson(leaves, e.seq - 1);
      expect(p.proof.length).toBeLessThanOrEqual(Math.ceil(Math.log2(log.length)));
      expect(verifyInclusionProofJson(e, p)).toBe(true);
      expect(verifyInclusionProofJson(e, p, nodeSha256)).toBe(true);
      expect(verifyEntryInCheckpoint(e, p, cp)).toBe(true);
    }
  });

  const e = log[9]!;
  const p = makeInclusionProofJson(leaves, 9);
  it.each<[string, CustodyEntry, InclusionProofJson]>([
    ['an altered entry ("this photo was altered")', { ...e, details: { ...e.details, sha256: '0'.repeat(64) } }, p],
    ['another entry under this proof', log[10]!, p],
    ['a leaf index that is not seq - 1', e, { ...p, leafIndex: 10 }],
    ['a leaf hash that is not the entry', e, { ...p, leafHash: toHex(leaves[10]!) }],
    ['a different root', e, { ...p, rootHash: toHex(leaves[0]!) }],
    ['a flipped proof element', e, { ...p, proof: p.proof.map((h, i) => (i === 1 ? toHex(fromHex(h).map((b) => b ^ 1)) : h)) }],
    ['a truncated proof', e, { ...p, proof: p.proof.slice(0, -1) }],
    ['an extended proof', e, { ...p, proof: [...p.proof, p.rootHash] }],
    ['uppercase hex', e, { ...p, proof: p.proof.map((h) => h.toUpperCase()) }],
    ['a proof that is not a list', e, { ...p, proof: 'abc' as unknown as string[] }],
    ['a tree size that is a string', e, { ...p, treeSize: '21' as unknown as number }],
  ])('rejects %s (false, never a throw)', (_what, entry, proof) => {
    expect(verifyInclusionProofJson(entry, proof)).toBe(false);
  });

  it('rejects an entry that sits in the tree at a position other than its seq says', () => {
    // A log with a misnumbered entry at leaf 9: the audit path itself is genuine.
    const misnumbered = { ...e, seq: 3 };
    const tree = leaves.map((l, i) => (i === 9 ? entryLeafHash(misnumbered) : l));
    const proof = makeInclusionProofJson(tree, 9);
    expect(verifyInclusionProofJson(misnumbered, proof)).toBe(false);
    expect(verifyInclusionProofJson({ ...misnumbered, seq: 10 }, proof)).toBe(false);
  });

  it('rejects a valid proof against a checkpoint of another size, root or signer', () => {
    const other = generateSigningKeyPair();
    expect(verifyEntryInCheckpoint(e, p, { ...cp, treeSize: cp.treeSize + 1 })).toBe(false);
    expect(verifyEntryInCheckpoint(e, p, { ...cp, rootHash: toHex(leaves[0]!) })).toBe(false);
    expect(verifyEntryInCheckpoint(e, p, { ...cp, signer: toHex(other.publicKey) })).toBe(false);
    const shorter = makeInclusionProofJson(leaves.slice(0, 15), 9);
    expect(verifyInclusionProofJson(e, shorter)).toBe(true);
    expect(verifyEntryInCheckpoint(e, shorter, cp)).toBe(false);
  });
});

describe('T3 history rewritten: consistency proofs as JSON', () => {
  it('a later log extends every earlier checkpoint of itself', () => {
    for (let oldSize = 0; oldSize <= leaves.length; oldSize++) {
      const c = makeConsistencyProofJson(leaves, oldSize);
      expect(c.oldRoot).toBe(toHex(merkleRoot(leaves.slice(0, oldSize))));
      expect(c.newRoot).toBe(toHex(merkleRoot(leaves)));
      expect(verifyConsistencyProofJson(c)).toBe(true);
    }
  });

  it('a log with one old entry rewritten does not extend the checkpoint taken before', () => {
    const oldRoot = toHex(merkleRoot(leaves.slice(0, 12)));
    const rewrittenLeaves = leaves.map((l, i) => (i === 4 ? leafHash(utf8('rewritten entry 5')) : l));
    const c = makeConsistencyProofJson(rewrittenLeaves, 12);
    expect(verifyConsistencyProofJson(c)).toBe(true);
    expect(verifyConsistencyProofJson({ ...c, oldRoot })).toBe(false);
  });

  it('a truncated log does not extend the checkpoint of the longer log', () => {
    const checkpointRoot = toHex(merkleRoot(leaves));
    const truncated = leaves.slice(0, 15);
    const c = makeConsistencyProofJson(truncated, 15);
    expect(verifyConsistencyProofJson({ ...c, oldSize: 21, oldRoot: checkpointRoot })).toBe(false);
    const backwards = makeConsistencyProofJson(leaves, 15);
    expect(verifyConsistencyProofJson({ ...backwards, oldSize: 21, newSize: 15, oldRoot: backwards.newRoot, newRoot: backwards.oldRoot })).toBe(false);
  });

  it('answers false, never a throw, for malformed proofs', () => {
    const c = makeConsistencyProofJson(leaves, 7);
    expect(verifyConsistencyProofJson({ ...c, proof: ['xyz'] })).toBe(false);
    expect(verifyConsistencyProofJson({ ...c, oldRoot: 'short' })).toBe(false);
    expect(verifyConsistencyProofJson({ ...c, newSize: Number.NaN })).toBe(false);
    expect(verifyConsistencyProofJson({ ...c, proof: null as unknown as string[] })).toBe(false);
  });
});
