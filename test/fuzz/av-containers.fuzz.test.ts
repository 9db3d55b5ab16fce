// T7 fuzzed video, audio and PDF evidence: byte mutations of tagged MP4, MP3, WAV, Ogg, FLAC,
// WebM, AMR and PDF files (flips, edge values, truncation, splices that make lengths point astray,
// repeated slices that nest boxes). Ogg pages get their CRCs recomputed after the mutation, so the
// walk behind the checksum is fuzzed too. Cleaning answers an exhibit or a stable refusal, never a
// crash or a hang; and an exhibit that is answered (PDF aside) never carries the person's name or the GPS.
import { describe, expect, it } from 'vitest';
import { cleanAvToBuffer } from '../../main/media/clean-av';
import type { ErrorCode } from '../../shared/errors/error-codes';
import { FORBIDDEN, taggedMp3, taggedMp4, taggedPdf, taggedWav } from '../media/av-fixtures';
import { taggedWebm } from '../media/matroska-fixtures';
import { amrNb, recrcPages, taggedFlac, taggedOggFlac, taggedOpus, taggedVorbis } from '../media/xiph-fixtures';
import { FUZZ_SEED, failures, fuzzCases, inSandboxTmp, mutateBytes, outcome, prng } from './fuzz-kit';

const ALLOWED: ErrorCode[] = [
  'E_MALFORMED_MEDIA', 'E_MEDIA_TRUNCATED', 'E_MEDIA_BAD_LENGTH', 'E_MEDIA_TOO_DEEP', 'E_UNCLEANABLE_CONTENT', 'E_UNSUPPORTED_MEDIA',
  'E_METADATA_TOO_LARGE',
];

const same = (b: Buffer): Buffer => b;
const FAMILIES: Array<[string, () => Promise<Buffer>, boolean, (b: Buffer) => Buffer]> = [
  ['MP4', async () => taggedMp4(), true, same],
  ['MP3', async () => taggedMp3(4), true, same],
  ['WAV', async () => taggedWav(), true, same],
  ['Ogg Opus', async () => taggedOpus(2, [`ARTIST=${FORBIDDEN[0]} ${FORBIDDEN[1]}`, `LOCATION=${FORBIDDEN[5]}`]), true, recrcPages],
  ['Ogg Vorbis', async () => taggedVorbis(), true, recrcPages],
  ['Ogg FLAC', async () => taggedOggFlac(), true, recrcPages],
  ['FLAC', async () => taggedFlac(), true, same],
  ['WebM', async () => taggedWebm(), true, same],
  ['AMR', async () => amrNb(20), true, same],
  // A mutated PDF can move a name into a dictionary the cleaner keeps (its catalog); only robustness is claimed.
  ['PDF', taggedPdf, false, same],
];

describe('T7 fuzzed video, audio and PDF files never crash or hang the cleaners', () => {
  it.each(FAMILIES)(`${fuzzCases(150)} mutated %s files: a clean exhibit or a stable refusal`, async (name, make, noLeak, fix) => {
    const original = await make();
    const rand = prng(FUZZ_SEED + [...name].reduce((n, ch) => n * 31 + ch.charCodeAt(0), 0));
    const { value: results, leftovers } = await inSandboxTmp(async () => {
      const out: string[] = [];
      for (let round = 0; round < fuzzCases(150); round++) {
        const input = fix(mutateBytes(original, rand, [[0, Math.min(original.length, 2048)]]));
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
