// T7 fuzzed checkpoint files (kept outside the vault, so they arrive from anywhere): byte
// mutations and field edits of a real signed checkpoint. Parsing answers a checkpoint (whose
// signature then verifies or not) or E_BAD_CHECKPOINT_FILE; never a crash or a hang.
import { describe, expect, it } from 'vitest';
import { parseCheckpointFile } from '../../main/custody/checkpoint-file';
import { toHex } from '../../shared/custody/bytes';
import { generateSigningKeyPair, signCheckpoint, verifyCheckpointSignature, type Checkpoint } from '../../shared/custody/checkpoint';
import { isNoteCheckpoint, noteSigner, signCheckpointNote } from '../../shared/custody/tlog-checkpoint';
import { FUZZ_SEED, failures, fuzzCases, mutateBytes, outcome, pick, prng } from './fuzz-kit';

const ODD_VALUES: unknown[] = [-1, 2 ** 53, 1e308, 0.5, '', 'f'.repeat(64), 'F'.repeat(64), 'z'.repeat(128), null, [], {}, '\u0000', 'é'.repeat(300)];

describe('T7 fuzzed checkpoint files never crash', () => {
  it(`${fuzzCases(300)} mutated checkpoints: a checkpoint or E_BAD_CHECKPOINT_FILE`, async () => {
    const { secretKey, publicKey } = generateSigningKeyPair();
    const cp = signCheckpoint({ origin: 'custodia/test-vault', treeSize: 42, rootHash: 'ab'.repeat(32), time: '2026-12-01T22:00:00.000Z', signer: toHex(publicKey) }, secretKey);
    const text = JSON.stringify(cp, null, 2);
    expect(verifyCheckpointSignature(parseCheckpointFile('cp.json', text) as Checkpoint)).toBe(true);
    const rand = prng(FUZZ_SEED + 6);
    const results: string[] = [];
    let verified = 0;
    for (let round = 0; round < fuzzCases(300); round++) {
      let input: string;
      if (rand() < 0.5) input = mutateBytes(Buffer.from(text), rand).toString('utf8');
      else {
        const edited = JSON.parse(text) as Record<string, unknown>;
        edited[pick(rand, [...Object.keys(cp), 'extra'])] = pick(rand, ODD_VALUES);
        input = JSON.stringify(edited);
      }
      const r = await outcome(async () => {
        const parsed = parseCheckpointFile('cp.json', input);
        // A mutation that drops the leading brace makes it a (malformed) note: never a verified one.
        if (isNoteCheckpoint(parsed)) throw new Error(`a mutated JSON checkpoint parsed as a note: ${input.slice(0, 200)}`);
        if (!verifyCheckpointSignature(parsed)) return;
        verified += 1;
        // A checkpoint that still verifies must say exactly what was signed: a forgery would not.
        if (JSON.stringify(parsed) !== JSON.stringify(cp)) throw new Error(`a changed checkpoint verifies: ${input.slice(0, 200)}`);
      }, ['E_BAD_CHECKPOINT_FILE'], 5_000);
      results.push(r === 'ok' || r.startsWith('refused:') ? r : `seed ${FUZZ_SEED + 6} round ${round}: ${r}`);
    }
    expect(failures(results)).toEqual([]);
    expect(results).toContain('refused:E_BAD_CHECKPOINT_FILE');
    expect(verified).toBeGreaterThan(0);
  });

  it(`${fuzzCases(300)} mutated checkpoint notes: a note whose signature then verifies or not, or E_BAD_CHECKPOINT_FILE`, async () => {
    const { secretKey, publicKey } = generateSigningKeyPair();
    const head = { origin: 'custodia/test-vault', treeSize: 42, rootHash: 'ab'.repeat(32) };
    const text = signCheckpointNote(head, secretKey);
    const rand = prng(FUZZ_SEED + 7);
    const results: string[] = [];
    let verified = 0;
    for (let round = 0; round < fuzzCases(300); round++) {
      const input = mutateBytes(Buffer.from(text), rand).toString('utf8');
      const r = await outcome(async () => {
        const parsed = parseCheckpointFile('cp.note', input);
        if (!isNoteCheckpoint(parsed) || !noteSigner(parsed.note, parsed.origin, [publicKey])) return;
        verified += 1;
        if (parsed.origin !== head.origin || parsed.treeSize !== head.treeSize || parsed.rootHash !== head.rootHash) throw new Error(`a changed note verifies: ${JSON.stringify(input)}`);
      }, ['E_BAD_CHECKPOINT_FILE'], 5_000);
      results.push(r === 'ok' || r.startsWith('refused:') ? r : `seed ${FUZZ_SEED + 7} round ${round}: ${r}`);
    }
    expect(failures(results)).toEqual([]);
    expect(results).toContain('refused:E_BAD_CHECKPOINT_FILE');
    expect(verified + results.filter((r) => r === 'ok').length).toBeGreaterThan(0);
  });
});
