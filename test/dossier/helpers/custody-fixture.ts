// A real custody log for tests: chained entries, a Merkle tree, inclusion proofs and a checkpoint
// signed with a real Ed25519 key, all computed by shared/custody.
import { toHex } from '../../../shared/custody/bytes';
import { generateSigningKeyPair, signCheckpoint, type Checkpoint } from '../../../shared/custody/checkpoint';
import { GENESIS_PREV, entryHash, entryLeafHash, type CustodyAction, type CustodyEntry } from '../../../shared/custody/custody-entry';
import { makeInclusionProofJson } from '../../../shared/custody/proof-json';
import type { CustodyExcerptItem } from '../../../shared/dossier/dossier-types';

export interface KeyPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export interface CustodyFixture {
  entries: CustodyEntry[];
  checkpoint: Checkpoint;
  key: KeyPair;
  excerpt: (seqs: number[]) => CustodyExcerptItem[];
}

export function buildCustodyLog(
  steps: Array<{ action: CustodyAction; subject: string; details?: Record<string, unknown> }>,
  origin = 'vault-test-1',
  key: KeyPair = generateSigningKeyPair(),
): CustodyFixture {
  const entries: CustodyEntry[] = [];
  let prev = GENESIS_PREV;
  steps.forEach((s, i) => {
    const entry: CustodyEntry = {
      seq: i + 1,
      at: new Date(Date.UTC(2026, 9, 3, 10, i)).toISOString(),
      actor: i % 2 === 0 ? 'ana' : 'luis',
      action: s.action,
      subject: s.subject,
      details: s.details ?? {},
      prev,
    };
    prev = entryHash(entry);
    entries.push(entry);
  });
  const leaves = entries.map((e) => entryLeafHash(e));
  const rootHash = makeInclusionProofJson(leaves, 0).rootHash;
  const checkpoint = signCheckpoint(
    { origin, treeSize: leaves.length, rootHash, time: '2026-10-04T12:00:00Z', signer: toHex(key.publicKey) },
    key.secretKey,
  );
  return {
    entries,
    checkpoint,
    key,
    excerpt: (seqs) => seqs.map((seq) => ({ entry: entries[seq - 1]!, proof: makeInclusionProofJson(leaves, seq - 1) })),
  };
}
