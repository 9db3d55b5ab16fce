// Ogg (Opus, Vorbis, FLAC), native FLAC and AMR exhibits: what each cleaner removes, judged from
// outside by exiftool, mat2 and the raw bytes; that the audio is kept packet for packet and frame
// for frame, in pages whose CRCs and numbering a reader of our own accepts; and hostile files
// (T7): truncated, lying lengths, huge declared sizes, bytes outside pages or frames, each
// refused with a stable code.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanAvToBuffer } from '../../main/media/clean-av';
import { identifyingKind } from '../../main/media/identifying-tags';
import { FORBIDDEN, PERSON } from './av-fixtures';
import {
  amrNb, amrWb, flacBlock, flacFrame, flacFrames, oggStream, OPUS_PACKET, readOgg, recrcPages, streamInfo, taggedFlac, taggedOggFlac, taggedOpus, taggedVorbis,
  VORBIS_ID, VORBIS_SETUP,
} from './xiph-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'custodia-xiph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** exiftool's tags that name a person, device, place or time (file-system dates aside). */
function identifyingByExiftool(file: string): string[] {
  const [tags] = JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', '-u', file], { encoding: 'utf8' })) as Record<string, unknown>[];
  return Object.keys(tags!).filter((k) => !k.startsWith('System:') && !k.startsWith('File:') && identifyingKind(k.split(':').pop()!) !== undefined);
}

function judge(name: string, data: Buffer): { text: string; identifying: string[]; mat2: string } {
  const file = join(dir, name);
  writeFileSync(file, data);
  const mat2 = execFileSync('mat2', ['--show', file], { encoding: 'utf8' });
  const exif = execFileSync('exiftool', ['-a', '-G1', '-u', file], { encoding: 'utf8' });
  return { text: [data.toString('latin1'), exif, mat2].join('\n'), identifying: identifyingByExiftool(file), mat2 };
}

const noneOf = (text: string, what: string): void => {
  for (const word of [...FORBIDDEN, 'libopus', 'libVorbis', 'libFLAC', 'WhatsApp']) expect(text.includes(word), `${what} contains ${word}`).toBe(false);
};

describe('T5 Ogg, FLAC and AMR exhibits carry no identifying metadata', () => {
  it('Opus: OpusTags (artist, GPS, a cover in METADATA_BLOCK_PICTURE, the encoder) emptied; two header pages become one; audio packets kept', async () => {
    const original = taggedOpus();
    const before = readOgg(original);
    const [serial] = [...before.packets.keys()];
    writeFileSync(join(dir, 'orig.ogg'), original);
    expect(identifyingByExiftool(join(dir, 'orig.ogg'))).toEqual(expect.arrayContaining(['Vorbis:Artist', 'Vorbis:Location']));
    const c = await cleanAvToBuffer(original);
    expect(c.mediaType).toBe('audio/ogg');
    expect(c.removed).toEqual(['Opus comments (ARTIST, TITLE, LOCATION, METADATA_BLOCK_PICTURE)', 'Opus comments encoder name']);
    const j = judge('clean.ogg', c.data);
    noneOf(j.text, 'Opus exhibit');
    expect(j.identifying).toEqual([]);
    expect(j.mat2).toMatch(/No metadata found/);
    const after = readOgg(c.data);
    const [head, tags, ...audio] = after.packets.get(serial!)!;
    expect(tags).toEqual(Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]));
    expect(head).toEqual(before.packets.get(serial!)![0]);
    expect(audio).toEqual(before.packets.get(serial!)!.slice(2));
    expect(audio.every((p) => p.equals(OPUS_PACKET))).toBe(true);
    // The 80 KB comment took two pages; the empty one takes one, and the audio pages are renumbered to follow.
    expect(before.pages.get(serial!)! - after.pages.get(serial!)!).toBe(1);
  });

  it('Vorbis: the comment header is emptied (framing bit kept); identification and setup headers and audio kept byte for byte', async () => {
    const original = taggedVorbis();
    const c = await cleanAvToBuffer(original);
    expect(c.removed).toEqual(['Vorbis comments (ARTIST, TITLE, LOCATION)', 'Vorbis comments encoder name']);
    const j = judge('clean-vorbis.ogg', c.data);
    noneOf(j.text, 'Vorbis exhibit');
    expect(j.identifying).toEqual([]);
    expect(j.mat2).toMatch(/No metadata found/);
    const [id, comment, setup, ...audio] = readOgg(c.data).packets.get(7)!;
    expect(id).toEqual(VORBIS_ID);
    expect(comment).toEqual(Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), Buffer.alloc(8), Buffer.from([1])]));
    expect(setup).toEqual(VORBIS_SETUP);
    expect(audio).toEqual(readOgg(original).packets.get(7)!.slice(3));
  });

  it('FLAC in Ogg: PICTURE dropped, the comment block emptied, the header count rewritten; frames kept', async () => {
    const original = taggedOggFlac();
    const c = await cleanAvToBuffer(original);
    expect(c.removed).toEqual(['FLAC comments (ARTIST, TITLE, LOCATION)', 'FLAC comments encoder name', 'PICTURE']);
    const j = judge('clean-flac.ogg', c.data);
    noneOf(j.text, 'Ogg FLAC exhibit');
    expect(j.identifying).toEqual([]);
    expect(j.mat2).toMatch(/No metadata found/);
    const [first, comment, ...frames] = readOgg(c.data).packets.get(99)!;
    expect(first!.readUInt16BE(7)).toBe(1);
    expect(comment).toEqual(Buffer.from([0x84, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(frames).toEqual(readOgg(original).packets.get(99)!.slice(3));
  });

  it('native FLAC: STREAMINFO and SEEKTABLE kept, comments, PICTURE, APPLICATION, padding and ID3v1 gone; frames byte for byte', async () => {
    const original = taggedFlac();
    writeFileSync(join(dir, 'orig.flac'), original);
    expect(identifyingByExiftool(join(dir, 'orig.flac'))).toEqual(expect.arrayContaining(['Vorbis:Artist', 'ID3v1:Artist']));
    const c = await cleanAvToBuffer(original);
    expect(c.removed).toEqual(['APPLICATION', 'FLAC comments (ARTIST, TITLE, LOCATION)', 'FLAC comments encoder name', 'FLAC padding with content', 'ID3v1', 'PICTURE']);
    const j = judge('clean.flac', c.data);
    noneOf(j.text, 'FLAC exhibit');
    expect(j.identifying).toEqual([]);
    expect(j.mat2).toMatch(/No metadata found/);
    expect(j.text).toMatch(/Seek Table/);
    // fLaC, STREAMINFO (not last), SEEKTABLE (last), then the frames.
    expect(c.data[4]).toBe(0x00);
    expect(c.data[4 + 38]).toBe(0x83);
    expect(c.data.subarray(4 + 38 + 22)).toEqual(flacFrames());
  });

  it('a comment field named after the person is counted, never named, in what the report and the custody log say was removed', async () => {
    const c = await cleanAvToBuffer(taggedOpus(1, [`${PERSON}=testigo`, PERSON, 'ARTIST=x']));
    expect(c.removed).toEqual(['Opus comments (ARTIST, 2 other fields)', 'Opus comments encoder name']);
  });

  it('Opus: bytes after the 19-byte identification header (read by no decoder) are cut off', async () => {
    const head = Buffer.concat([readOgg(taggedOpus(1)).packets.get(0x1234abcd)![0]!, Buffer.from(PERSON)]);
    const tags = Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)]);
    const c = await cleanAvToBuffer(oggStream(2, [{ packets: [head], granule: 0n }, { packets: [tags], granule: 0n }, { packets: [OPUS_PACKET], granule: 960n }]));
    expect(c.removed).toEqual(['bytes after the Opus identification header']);
    expect(readOgg(c.data).packets.get(2)![0]!.length).toBe(19);
    expect(c.data.toString('latin1')).not.toContain('Rosa');
  });

  it('FLAC: a SEEKTABLE holding anything but seek points (a name) is dropped, not kept', async () => {
    const text = Buffer.from(`${PERSON} 98765`.padEnd(36, '.'), 'latin1');
    const flac = Buffer.concat([Buffer.from('fLaC', 'latin1'), flacBlock(0, streamInfo(3)), flacBlock(3, text, true), flacFrames(3)]);
    const c = await cleanAvToBuffer(flac);
    expect(c.removed).toEqual(['SEEKTABLE that does not describe the audio']);
    expect(c.data.toString('latin1')).not.toContain('Rosa');
  });

  it.each([['AMR-NB', amrNb()], ['AMR-WB', amrWb()]])('%s has no place for metadata: every frame accounted for, the exhibit is the same bytes', async (name, original) => {
    const c = await cleanAvToBuffer(original);
    expect(c.mediaType).toBe('audio/amr');
    expect(c.removed).toEqual([]);
    expect(c.data).toEqual(original);
    const file = join(dir, `${name}.amr`);
    writeFileSync(file, c.data);
    expect(identifyingByExiftool(file)).toEqual([]);
  });
});

describe('T7 hostile Ogg, FLAC and AMR files are refused with a stable code', () => {
  const code = async (b: Buffer): Promise<unknown> => cleanAvToBuffer(b).then(() => 'accepted', (e: { code?: string }) => e.code);

  it('Ogg: cut inside a page, a flipped byte (CRC), bytes between pages, a page of a stream never begun', async () => {
    const ogg = taggedOpus(2);
    expect(await code(ogg.subarray(0, ogg.length - 5))).toBe('E_MEDIA_TRUNCATED');
    const flipped = Buffer.from(ogg);
    flipped.writeUInt8(flipped.readUInt8(ogg.length - 2) ^ 1, ogg.length - 2);
    expect(await code(flipped)).toBe('E_MALFORMED_MEDIA');
    const at = ogg.indexOf('OggS', 100);
    expect(await code(Buffer.concat([ogg.subarray(0, at), Buffer.from(`hidden ${PERSON}`), ogg.subarray(at)]))).toBe('E_MALFORMED_MEDIA');
    const stray = oggStream(5, [{ packets: [OPUS_PACKET], granule: 0n }]);
    stray[5] = 0; // not a first page: no BOS flag (CRC recomputed by hand below)
    expect(await code(Buffer.concat([ogg.subarray(0, at), recrcPages(stray)]))).toBe('E_MALFORMED_MEDIA');
  });

  it('Ogg: lying comment lengths and a huge field count, with valid CRCs, are E_MEDIA_BAD_LENGTH', async () => {
    const head = Buffer.concat([Buffer.from('OpusHead', 'latin1'), Buffer.from([1, 1, 0, 0]), Buffer.from([0x80, 0xbb, 0, 0]), Buffer.from([0, 0, 0])]);
    const lying = (body: Buffer): Buffer => oggStream(1, [{ packets: [head], granule: 0n }, { packets: [Buffer.concat([Buffer.from('OpusTags', 'latin1'), body])], granule: 0n }, { packets: [OPUS_PACKET], granule: 960n }]);
    const u32 = (n: number): Buffer => Buffer.from([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24]);
    expect(await code(lying(Buffer.concat([u32(0x7fffffff), Buffer.from('x')])))).toBe('E_MEDIA_BAD_LENGTH');
    expect(await code(lying(Buffer.concat([u32(0), u32(0xffffffff), u32(3), Buffer.from('A=b')])))).toBe('E_MEDIA_BAD_LENGTH');
    expect(await code(lying(Buffer.concat([u32(0), u32(1), u32(0xfffffff0)])))).toBe('E_MEDIA_BAD_LENGTH');
  });

  it('Ogg: headers cut off, audio on a header page, a second comment header among the sound packets, a video (Theora) stream', async () => {
    const ogg = taggedVorbis();
    expect(await code(ogg.subarray(0, ogg.indexOf('OggS', 10)))).toBe('E_MEDIA_TRUNCATED');
    const squeezed = oggStream(3, [{ packets: [VORBIS_ID], granule: 0n }, { packets: [taggedVorbisComment(), VORBIS_SETUP, Buffer.alloc(9)], granule: 0n }]);
    expect(await code(squeezed)).toBe('E_MALFORMED_MEDIA');
    const opusHead = readOgg(taggedOpus(1)).packets.get(0x1234abcd)![0]!;
    const tagsAgain = Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(4), Buffer.from([1, 0, 0, 0, 6, 0, 0, 0]), Buffer.from('A=Rosa')]);
    const second = oggStream(8, [{ packets: [opusHead], granule: 0n }, { packets: [Buffer.concat([Buffer.from('OpusTags', 'latin1'), Buffer.alloc(8)])], granule: 0n }, { packets: [tagsAgain], granule: 960n }]);
    await expect(cleanAvToBuffer(second)).rejects.toMatchObject({ code: 'E_MALFORMED_MEDIA', message: expect.stringMatching(/not sound/) });
    const theora = oggStream(4, [{ packets: [Buffer.concat([Buffer.from('\x80theora', 'latin1'), Buffer.alloc(35)])], granule: 0n }]);
    expect(await code(theora)).toBe('E_UNCLEANABLE_CONTENT');
  });

  it('FLAC: a block past the end, a huge declared block, a cut frame, text after the frames, no STREAMINFO', async () => {
    const flac = taggedFlac();
    const lying = Buffer.from(flac);
    lying.writeUIntBE(0xffffff, 4 + 38 + 22 + 1, 3); // the comment block declares 16 MiB
    expect(await code(lying)).toBe('E_MEDIA_BAD_LENGTH');
    const frames = flacFrames(3);
    const bare = (audio: Buffer): Buffer => Buffer.concat([Buffer.from('fLaC\x80\0\0\x22', 'latin1'), streamInfo(3), audio]);
    expect(await code(bare(frames))).toBe('accepted');
    expect(await code(bare(frames.subarray(0, frames.length - 3)))).toBe('E_MEDIA_TRUNCATED');
    expect(await code(bare(Buffer.concat([frames, Buffer.from(`nota: ${PERSON}`)])))).toBe('E_MEDIA_TRUNCATED');
    expect(await code(bare(Buffer.concat([Buffer.from('junk'), flacFrame(0)])))).toBe('E_MALFORMED_MEDIA');
    expect(await code(Buffer.concat([Buffer.from('fLaC\x84\0\0\x08', 'latin1'), Buffer.alloc(8), frames]))).toBe('E_MALFORMED_MEDIA');
    expect(await code(flac.subarray(0, 30))).toBe('E_MEDIA_BAD_LENGTH');
  });

  it('AMR: a cut frame, text after the frames, a reserved frame type, multichannel AMR', async () => {
    const amr = amrNb(3);
    expect(await code(amr.subarray(0, amr.length - 4))).toBe('E_MEDIA_TRUNCATED');
    expect(await code(Buffer.concat([amr, Buffer.from(PERSON)]))).toBe('E_MALFORMED_MEDIA');
    expect(await code(Buffer.concat([amr, Buffer.from([0x48])]))).toBe('E_MALFORMED_MEDIA');
    expect(await code(Buffer.from('#!AMR_MC1.0\n\0\0\0\x01', 'latin1'))).toBe('E_UNSUPPORTED_MEDIA');
  });
});

function taggedVorbisComment(): Buffer {
  return Buffer.concat([Buffer.from('\x03vorbis', 'latin1'), Buffer.alloc(8), Buffer.from([1])]);
}
