// T7 fuzzed dossier ZIPs: mutations aimed at local headers and the central directory of a real
// dossier. verify answers a result or refuses with a stable code; never a crash, a hang, or a
// file written. A few runs go through the CLI: exit 0, 1 or 4, no stack trace.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyDossier } from '../../main/dossier/verify-dossier';
import { writeDossier } from '../../main/dossier/write-dossier';
import type { ErrorCode } from '../../shared/errors/error-codes';
import { bundleCli, runCli } from '../dossier/helpers/cli';
import { buildDossierInput } from '../dossier/helpers/dossier-fixture';
import { FUZZ_SEED, failures, fuzzCases, inSandboxTmp, mutateBytes, outcome, prng } from './fuzz-kit';

const ALLOWED: ErrorCode[] = [
  'E_MALFORMED_DOSSIER', 'E_HOSTILE_ARCHIVE', 'E_ZIP_OVERLAP', 'E_ZIP_HEADER_MISMATCH', 'E_ZIP_CRC_MISMATCH',
];

let dir: string;
let good: Buffer;
let hot: Array<[number, number]>;

/** Where the structure is: every local header and the central directory with its end record. */
function structure(zip: Buffer): Array<[number, number]> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const cdStart = zip.readUInt32LE(eocd + 16);
  const spans: Array<[number, number]> = [[cdStart, zip.length]];
  for (let at = cdStart, i = 0; i < count; i++) {
    const local = zip.readUInt32LE(at + 42);
    spans.push([local, local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)]);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return spans;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'custodia-fuzz-zip-'));
  await writeDossier((await buildDossierInput()).input, join(dir, 'good.zip'));
  good = readFileSync(join(dir, 'good.zip'));
  hot = structure(good);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('T7 fuzzed dossier ZIPs never crash, hang or write', () => {
  it(`${fuzzCases(200)} mutated dossiers: a verdict or a stable refusal`, async () => {
    const rand = prng(FUZZ_SEED);
    const input = join(dir, 'in');
    const { value: results, leftovers } = await inSandboxTmp(async () => {
      const out: string[] = [];
      for (let round = 0; round < fuzzCases(200); round++) {
        writeFileSync(input, mutateBytes(good, rand, hot));
        const r = await outcome(() => verifyDossier(input), ALLOWED);
        out.push(r === 'ok' || r.startsWith('refused:') ? r : `seed ${FUZZ_SEED} round ${round}: ${r}`);
      }
      return out;
    });
    expect(failures(results)).toEqual([]);
    expect(leftovers).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['good.zip', 'in']);
    // The mutations reach the new checks, not only the old ones.
    expect(new Set(results).size).toBeGreaterThan(3);
  });

  it('through the CLI: exit 0, 1 or 4 and no stack trace', async () => {
    const cli = await bundleCli();
    try {
      const rand = prng(FUZZ_SEED + 1);
      const cwd = mkdtempSync(join(dir, 'cwd-'));
      for (let round = 0; round < fuzzCases(6); round++) {
        const path = join(dir, `cli-${round}.zip`);
        writeFileSync(path, mutateBytes(good, rand, hot));
        const r = runCli(cli, ['dossier', 'verify', path, '--json'], { cwd, env: { TMPDIR: cwd } });
        expect([0, 1, 4], `round ${round}: ${r.stderr}`).toContain(r.status);
        expect(r.stderr).not.toMatch(/\n\s+at /);
        rmSync(path);
      }
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cli, { force: true });
    }
  });
});
