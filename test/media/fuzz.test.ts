// T7 hostile files: random corruption of real files. Whatever the bytes, inspect and strip end
// either with a clean exhibit or a bad-input code (exit 4); never a crash, never E_INTERNAL.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CustodiaError, EXIT } from '../../shared/errors/error-codes';
import { inspectMedia } from '../../main/media/inspect';
import { stripMediaToBuffer } from '../../main/media/strip';
import { makeRichImage, tempDir, type ImageFormat } from './fixtures';
import { bounded, fuzzCases, inSandboxTmp } from '../fuzz/fuzz-kit';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Deterministic, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

function mutate(original: Buffer, rand: () => number): Buffer {
  const buf = Buffer.from(original);
  const kind = rand();
  if (kind < 0.4) {
    // Flip bytes in the first 2 KiB, where headers, lengths and metadata live.
    for (let i = 0; i < 1 + rand() * 8; i += 1) buf[Math.floor(rand() * Math.min(2048, buf.length))] = Math.floor(rand() * 256);
    return buf;
  }
  if (kind < 0.7) {
    for (let i = 0; i < 1 + rand() * 8; i += 1) buf[Math.floor(rand() * buf.length)] = Math.floor(rand() * 256);
    return buf;
  }
  if (kind < 0.85) return buf.subarray(0, Math.floor(rand() * buf.length));
  // Splice: a prefix joined to a later part of the file, so lengths and offsets point astray.
  return Buffer.concat([buf.subarray(0, Math.floor(rand() * buf.length)), original.subarray(Math.floor(rand() * original.length))]);
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    // Each case is bounded: a decoder stuck in a loop is a failure, not a slow test.
    await bounded(run, 20_000);
    return 'ok';
  } catch (e) {
    if (!(e instanceof CustodiaError)) return `crash: ${String(e)}`;
    return e.exitCode === EXIT.badInput ? 'refused' : `${e.code}: ${e.message}`;
  }
}

// `npm run fuzz` multiplies the rounds (CUSTODIA_FUZZ_SCALE).
const ROUNDS = fuzzCases(25);

describe('T7 hostile files: corrupted images never crash inspect or strip', () => {
  it.each<ImageFormat>(['jpeg', 'png', 'webp', 'gif', 'tiff'])(`%s: ${ROUNDS} mutations end clean or refused`, async (format) => {
    const original = readFileSync(await makeRichImage(dir, format, { width: 96, height: 64 }));
    const rand = prng(format.length * 7919);
    const { value: bad, leftovers } = await inSandboxTmp(async () => {
      const found: string[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const input = mutate(original, rand);
        for (const [name, run] of [['inspect', () => inspectMedia(input)], ['strip', () => stripMediaToBuffer(input)]] as const) {
          const result = await outcome(run);
          if (result !== 'ok' && result !== 'refused') found.push(`round ${round} ${name}: ${result}`);
        }
      }
      return found;
    });
    expect(bad).toEqual([]);
    // Nothing written to the temporary folder: stripping works in memory.
    expect(leftovers).toEqual([]);
  });
});
