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
import { amrNb, readOgg, recrcPages, taggedFlac, taggedOggFlac, taggedOpus, taggedVorbis } from '../media/xiph-fixtures';
import { FUZZ_SEED, failures, fuzzCases, inSandboxTmp, mutateBytes, outcome, prng } from './fuzz-kit';

const ALLOWED: ErrorCode[] = [
  'E_MALFORMED_MEDIA', 'E_MEDIA_TRUNCATED', 'E_MEDIA_BAD_LENGTH', 'E_MEDIA_TOO_DEEP', 'E_UNCLEANABLE_CONTENT', 'E_UNSUPPORTED_MEDIA',
  'E_METADATA_TOO_LARGE',
];

const same = (b: Buffer): Buffer => b;
const raw = (b: Buffer): string => b.toString('latin1');
/** An Ogg exhibit's header packets (where tags live); its sound packets are opaque bytes copied as they are, gaps in page numbers too. */
function oggHeaders(b: Buffer): string {
  return [...readOgg(b, { gaps: true }).packets.values()].map((packets) => {
    const [first] = packets;
    const count = first?.toString('latin1', 0, 5) === '\x7fFLAC' ? 1 + first.readUInt16BE(7) : first?.toString('latin1', 0, 4) === 'Opus' ? 2 : 3;
    return packets.slice(0, count).map(raw).join('');
  }).join('');
}

/** Name, tagged file, what is done after each mutation, and where an answered exhibit must not name the person (none: only robustness is claimed). */
const FAMILIES: Array<[string, () => Promise<Buffer>, (b: Buffer) => Buffer, ((b: Buffer) => string) | undefined]> = [
  ['MP4', async () => taggedMp4(), same, raw],
  ['MP3', async () => taggedMp3(4), same, raw],
  ['WAV', async () => taggedWav(), same, raw],
  ['Ogg Opus', async () => taggedOpus(2, [`ARTIST=${FORBIDDEN[0]} ${FORBIDDEN[1]}`, `LOCATION=${FORBIDDEN[5]}`]), recrcPages, oggHeaders],
  ['Ogg Vorbis', async () => taggedVorbis(), recrcPages, oggHeaders],
  ['Ogg FLAC', async () => taggedOggFlac(), recrcPages, oggHeaders],
  ['FLAC', async () => taggedFlac(), same, raw],
  ['WebM', async () => taggedWebm(), same, raw],
  ['AMR', async () => amrNb(20), same, raw],
  // A mutated PDF can move a name into a dictionary the cleaner keeps (its catalog); only robustness is claimed.
  ['PDF', taggedPdf, same, undefined],
];

describe('T7 fuzzed video, audio and PDF files never crash or hang the cleaners', () => {
  it.each(FAMILIES)(`${fuzzCases(150)} mutated %s files: a clean exhibit or a stable refusal`, async (name, make, fix, metadataOf) => {
    const original = await make();
    const rand = prng(FUZZ_SEED + [...name].reduce((n, ch) => n * 31 + ch.charCodeAt(0), 0));
    const { value: results, leftovers } = await inSandboxTmp(async () => {
      const out: string[] = [];
      for (let round = 0; round < fuzzCases(150); round++) {
        const input = fix(mutateBytes(original, rand, [[0, Math.min(original.length, 2048)]]));
        out.push(await outcome(async () => {
          const c = await cleanAvToBuffer(input);
          const text = metadataOf?.(c.data) ?? '';
          const leak = FORBIDDEN.find((w) => text.includes(w));
          if (leak) throw new Error(`case ${round}: the exhibit still carries ${leak}`);
        }, ALLOWED, 10_000));
      }
      return out;
    });
    expect(failures(results)).toEqual([]);
    expect(leftovers).toEqual([]);
    expect(results.filter((r) => r === 'ok').length).toBeGreaterThan(0);
  }, 120_000);
});
