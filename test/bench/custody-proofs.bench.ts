// Pure custody cryptography at n leaves (default 1,000,000): canonical JSON of entries, the
// RFC 9162 root with noble's SHA-256 and with node:crypto's, inclusion and consistency proof
// sizes against 32·⌈log2 n⌉, and verification cost. Every time is printed beside a baseline
// measured in the same run: hashing the same leaves once with the same hash function.
// Usage: node --import tsx test/bench/custody-proofs.bench.ts [n=1000000]
import { hash as oneShotHash } from 'node:crypto';
import { toHex } from '../../shared/custody/bytes';
import { entryBytes, GENESIS_PREV, type CustodyEntry } from '../../shared/custody/custody-entry';
import {
  consistencyProof,
  inclusionProof,
  leafHash,
  merkleRoot,
  subtreeRoot,
  verifyConsistency,
  verifyInclusion,
} from '../../shared/custody/merkle';
import { verifyInclusionProofJson, type InclusionProofJson } from '../../shared/custody/proof-json';
import { sha256 as nobleSha256, type HashFn } from '../../shared/custody/sha256';

const N = Number(process.argv[2] ?? 1_000_000);
const nodeOneShot: HashFn = (d) => oneShotHash('sha256', d, 'buffer');

const fmt = (x: number): string => Math.round(x).toLocaleString('en');
const line = (label: string, value: string, note = ''): void => console.log(`${label.padEnd(50)} ${value.padEnd(30)} ${note}`);

function time<T>(fn: () => T): { value: T; s: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, s: Number(process.hrtime.bigint() - t0) / 1e9 };
}

/** Time of one call in microseconds: the best of 7 windows of ~0.1 s, so other load on a shared machine counts least. */
function perCall(fn: () => unknown): number {
  let best = Infinity;
  for (let w = 0; w < 7; w++) {
    let rounds = 0;
    const t0 = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < 0.1e9) {
      for (let i = 0; i < 20; i++) fn();
      rounds += 20;
      elapsed = Number(process.hrtime.bigint() - t0);
    }
    best = Math.min(best, elapsed / rounds / 1e3);
  }
  return best;
}

/** Best of `rounds` runs, in seconds: on a shared machine the fastest run is the least disturbed. */
function best<T>(rounds: number, fn: () => T): { value: T; s: number } {
  let out = time(fn);
  for (let r = 1; r < rounds; r++) {
    const t = time(fn);
    if (t.s < out.s) out = t;
  }
  return out;
}

function entry(seq: number, prev: string): CustodyEntry {
  return {
    seq,
    at: new Date(Date.UTC(2026, 9, 3) + seq * 1000).toISOString(),
    actor: 'ana',
    action: 'view',
    subject: `evidence:${seq % 5000}`,
    details: { sha256: 'ab'.repeat(32), incidentId: seq % 700, reason: 'benchmark entry of typical size' },
    prev,
  };
}

console.log(`custody proofs benchmark, n = ${fmt(N)} leaves, node ${process.version}`);

// Entries -> canonical bytes. `prev` is a fixed value here: chaining is measured separately below.
const built = time(() => Array.from({ length: N }, (_, i) => entryBytes(entry(i + 1, GENESIS_PREV))));
const leafInputs = built.value;
const avgBytes = leafInputs.reduce((a, b) => a + b.length, 0) / N;
line('canonical JSON + UTF-8 of entries /s', fmt(N / built.s), `(${avgBytes.toFixed(0)} bytes each)`);

const oneHashNoble = perCall(() => nobleSha256(leafInputs[0] as Uint8Array));
const hashFns: [string, HashFn][] = [
  ['noble', nobleSha256],
  ['node:crypto hash()', nodeOneShot],
];
const ROUNDS = 3;
let leafHashes: Uint8Array[] = [];
let referenceRoot = '';
for (const [name, h] of hashFns) {
  // Baseline and tree back to back, best of ROUNDS each, so both see the same machine load.
  const base = best(ROUNDS, () => {
    for (const leaf of leafInputs) h(leaf);
  }).s;
  const leaves = best(ROUNDS, () => leafInputs.map((l) => leafHash(l, h)));
  const root = best(ROUNDS, () => merkleRoot(leaves.value, h));
  const rootHex = toHex(root.value);
  if (referenceRoot && rootHex !== referenceRoot) throw new Error(`${name} gives another root`);
  referenceRoot = rootHex;
  line(`baseline: hash each leaf once, ${name}`, `${fmt(N / base)} hashes/s`, `(${base.toFixed(2)} s)`);
  line(`  leaf hashes, ${name}`, `${leaves.s.toFixed(2)} s`, `${(leaves.s / base).toFixed(2)}× baseline`);
  line(`  root from leaf hashes, ${name}`, `${root.s.toFixed(2)} s`, `${(root.s / base).toFixed(2)}× baseline (n - 1 node hashes)`);
  line(`  leaf hashes + root, ${name}`, `${(leaves.s + root.s).toFixed(2)} s`, `${((leaves.s + root.s) / base).toFixed(2)}× baseline`);
  leafHashes = leaves.value;
}
const fast = nodeOneShot;

const target = 32 * Math.ceil(Math.log2(N));
const indices = [0, 1, Math.floor(N / 3), Math.floor(N / 2), N - 2, N - 1];
const rootBytes = merkleRoot(leafHashes, fast);
let maxProofBytes = 0;
const gen = time(() => indices.map((i) => inclusionProof(leafHashes, i, fast)));
gen.value.forEach((proof, k) => {
  const index = indices[k] as number;
  maxProofBytes = Math.max(maxProofBytes, proof.length * 32);
  const ok = verifyInclusion({ leafHash: leafHashes[index] as Uint8Array, index, treeSize: N, proof, rootHash: rootBytes });
  if (!ok) throw new Error(`proof for ${index} does not verify`);
});
line('inclusion proof bytes (max over 6 leaves)', `${maxProofBytes} (32·⌈log2 n⌉ = ${target})`, maxProofBytes <= target ? 'target met' : 'target NOT met');
line('inclusion proof generation, node:crypto', `${((gen.s / indices.length) * 1e3).toFixed(0)} ms per proof`, 'from leaf hashes, no stored nodes: ~n hashes');

const index = Math.floor(N / 3);
const proof = inclusionProof(leafHashes, index, fast);
const params = { leafHash: leafHashes[index] as Uint8Array, index, treeSize: N, proof, rootHash: rootBytes };
for (const [name, h] of hashFns) {
  const us = perCall(() => verifyInclusion(params, h));
  line(`inclusion proof verify, ${name}`, `${us.toFixed(1)} µs`, `${proof.length} node hashes`);
}
const e1 = entry(1, GENESIS_PREV);
const fullJson: InclusionProofJson = {
  leafIndex: 0,
  treeSize: N,
  leafHash: toHex(leafHashes[0] as Uint8Array),
  proof: inclusionProof(leafHashes, 0, fast).map(toHex),
  rootHash: referenceRoot,
};
if (!verifyInclusionProofJson(e1, fullJson)) throw new Error('JSON proof fails');
line('entry + JSON proof verify (dossier check), noble', `${perCall(() => verifyInclusionProofJson(e1, fullJson)).toFixed(1)} µs`, `(one noble hash of an entry: ${oneHashNoble.toFixed(2)} µs)`);

const oldSize = Math.floor(N / 3) + 7;
const cgen = time(() => consistencyProof(leafHashes, oldSize, fast));
const oldRoot = subtreeRoot(leafHashes, 0, oldSize, fast);
const cParams = { oldSize, newSize: N, oldRoot, newRoot: rootBytes, proof: cgen.value };
if (!verifyConsistency(cParams)) throw new Error('consistency proof fails');
const cBytes = cgen.value.length * 32;
line(`consistency proof bytes (${fmt(oldSize)} -> ${fmt(N)})`, `${cBytes}`, `(at most ~2·32·⌈log2 n⌉ = ${2 * target})`);
line('consistency proof generation, node:crypto', `${(cgen.s * 1e3).toFixed(0)} ms`);
line('consistency proof verify, noble', `${perCall(() => verifyConsistency(cParams)).toFixed(1)} µs`);

// What `log verify` pays per entry in shared code: canonical JSON, chain hash, leaf hash.
const chainN = Math.min(N, 200_000);
const chain = best(2, () => {
  let prev = GENESIS_PREV;
  for (let seq = 1; seq <= chainN; seq++) {
    const bytes = entryBytes(entry(seq, prev));
    prev = toHex(fast(bytes));
    leafHash(bytes, fast);
  }
});
const chainRate = chainN / chain.s;
line(`entry -> canonical -> chain + leaf hash /s (${fmt(chainN)})`, fmt(chainRate), 'shared-code share of log verify (100,000/s target for the whole)');
