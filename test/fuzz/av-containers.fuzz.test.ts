// T7 fuzzed video, audio and PDF evidence: byte mutations of tagged MP4, MP3, WAV and PDF files
// (flips, edge values, truncation, splices that make lengths point astray, repeated slices that
// nest boxes). Cleaning answers an exhibit or a stable refusal, never a crash or a hang; and an
// MP4, MP3 or WAV exhibit that is answered never carries the person's name or the GPS.
import { describe, expect, it } from 'vitest';
import { cleanAvToBuffer } from '../../main/media/clean-av';
import type { ErrorCode } from '../../shared/errors/error-codes';
import { FORBIDDEN, taggedMp3, taggedMp4, taggedPdf, taggedWav } from '../media/av-fixtures';
import { FUZZ_SEED, failures, fuzzCases, inSandboxTmp, mutateBytes, outcome, prng } from './fuzz-kit';

const ALLOWED: ErrorCode[] = [
  'E_MALFORMED_MEDIA', 'E_MEDIA_TRUNCATED', 'E_MEDIA_BAD_LENGTH', 'E_MEDIA_TOO_DEEP', 'E_UNCLEANABLE_CONTENT', 'E_UNSUPPORTED_MEDIA',
  'E_METADATA_TOO_LARGE',
];

const FAMILIES: Array<[string, () => Promise<Buffer>, boolean]> = [
  ['MP4', async () => taggedMp4(), true],
  ['MP3', async () => taggedMp3(4), true],
  ['WAV', async () => taggedWav(), true],
  // A mutated PDF can move a name into a dictionary the cleaner keeps (its catalog); only robustness is claimed.
  ['PDF', taggedPdf, false],
];

describe('T7 fuzzed video, audio and PDF files never crash or hang the cleaners', () => {
  it.each(FAMILIES)(`${fuzzCases(150)} mutated %s files: a clean exhibit or a stable refusal`, async (name, make, noLeak) => {
    const original = await make();
    const rand = prng(FUZZ_SEED + name.charCodeAt(1));
    const { value: results, leftovers } = await inSandboxTmp(async () => {
      const out: string[] = [];
      for (let round = 0; round < fuzzCases(150); round++) {
        const input = mutateBytes(original, rand, [[0, Math.min(original.length, 2048)]]);
        out.push(await outcome(async () => {
          const c = await cleanAvToBuffer(input);
          const text = c.data.toString('latin1');
          const leak = FORBIDDEN.find((w) => text.includes(w));
          if (noLeak && leak) throw new Error(`case ${round}: the exhibit still carries ${leak}`);
        }, ALLOWED, 10_000));
      }
      return out;
    });
    expect(failures(results)).toEqual([]);
    expect(leftovers).toEqual([]);
    expect(results.filter((r) => r === 'ok').length).toBeGreaterThan(0);
  }, 120_000);
});
