// Shared tools of the fuzz tests (T7): a seeded generator (a failure names its seed and round
// and replays), byte mutations that aim at headers, lengths and offsets, a bound on every case,
// and a sandbox TMPDIR that must stay empty. `npm run fuzz` raises the counts (CUSTODIA_FUZZ_SCALE).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CustodiaError, type ErrorCode } from '../../shared/errors/error-codes';

/** How many cases a family runs: `base` in `npm test`, `base × CUSTODIA_FUZZ_SCALE` in `npm run fuzz`. */
export function fuzzCases(base: number): number {
  const scale = Number(process.env.CUSTODIA_FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export const FUZZ_SEED = Number(process.env.CUSTODIA_FUZZ_SEED ?? 20261201);

/** xorshift32: deterministic, so a failure can be replayed from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

export const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const INTERESTING = [0x00, 0xff, 0x7f, 0x80, 0xfe, 0x01, 0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a];

/** Flips, overwrites with edge values, truncates, splices or duplicates; `hot` marks where structure lives. */
export function mutateBytes(original: Buffer, rand: () => number, hot: Array<[number, number]> = []): Buffer {
  const buf = Buffer.from(original);
  if (buf.length === 0) return Buffer.from([Math.floor(rand() * 256)]);
  const at = (): number => {
    const [from, to] = hot.length > 0 && rand() < 0.6 ? pick(rand, hot) : [0, buf.length];
    return Math.min(buf.length - 1, from + Math.floor(rand() * Math.max(1, to - from)));
  };
  const kind = rand();
  if (kind < 0.35) {
    for (let i = 0; i < 1 + rand() * 6; i += 1) buf[at()] = Math.floor(rand() * 256);
    return buf;
  }
  if (kind < 0.55) {
    for (let i = 0; i < 1 + rand() * 4; i += 1) buf[at()] = pick(rand, INTERESTING);
    return buf;
  }
  if (kind < 0.7) return buf.subarray(0, Math.floor(rand() * buf.length));
  if (kind < 0.85) {
    // Splice: a prefix joined to a later part, so lengths and offsets point astray.
    return Buffer.concat([buf.subarray(0, at()), original.subarray(Math.floor(rand() * original.length))]);
  }
  // Repeat a slice in place: more entries, longer fields, nested structure.
  const from = at();
  const slice = buf.subarray(from, Math.min(buf.length, from + 1 + Math.floor(rand() * 64)));
  return Buffer.concat([buf.subarray(0, from), slice, slice, buf.subarray(from)]);
}

/** A case that neither returns nor throws within `ms` is a hang. */
export async function bounded<T>(run: () => Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms: a hang`)), ms);
  });
  try {
    return await Promise.race([run(), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** "ok", "refused:<code>" for an allowed code, else a line describing what went wrong. */
export async function outcome(run: () => Promise<unknown>, allowed: readonly ErrorCode[], ms = 20_000): Promise<string> {
  try {
    await bounded(run, ms);
    return 'ok';
  } catch (e) {
    if (!(e instanceof CustodiaError)) return `crash: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
    return allowed.includes(e.code) ? `refused:${e.code}` : `unexpected ${e.code}: ${e.message}`;
  }
}

/** Runs fn with TMPDIR pointing at a fresh folder, and fails if anything was left in it. */
export async function inSandboxTmp<T>(fn: (sandbox: string) => Promise<T>): Promise<{ value: T; leftovers: string[] }> {
  const sandbox = mkdtempSync(join(tmpdir(), 'custodia-fuzz-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = sandbox;
  try {
    const value = await fn(sandbox);
    return { value, leftovers: readdirSync(sandbox, { recursive: true }).map(String) };
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    rmSync(sandbox, { recursive: true, force: true });
  }
}

/** The lines of a summary worth failing on: everything but ok and allowed refusals. */
export const failures = (results: readonly string[]): string[] => results.filter((r) => r !== 'ok' && !r.startsWith('refused:'));
