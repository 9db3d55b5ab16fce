// WebM and Matroska exhibits: Tags, Attachments, Info's Title, apps and date, track names and a
// Vorbis track's own comment header are voided in place; the file keeps its length, every
// cluster sits at the offset the SeekHead and Cues give; exiftool (mat2 does not read WebM) and
// the raw bytes find nothing. Hostile files (T7): lying and huge sizes, truncation, deep nesting,
// unknown sizes where none may be, a subtitle track.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanAvToBuffer } from '../../main/media/clean-av';
import { matroskaLeaks } from '../../main/media/matroska-clean';
import { FORBIDDEN, PERSON } from './av-fixtures';
import { EBML_HEADER, ebmlHeader, el, FRAME, openEl, taggedWebm, uint } from './matroska-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'custodia-mkv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exiftool(name: string, data: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return execFileSync('exiftool', ['-a', '-G1', '-u', file], { encoding: 'utf8' });
}

const offsets = (buf: Buffer, needle: Buffer): number[] => {
  const out: number[] = [];
  for (let at = buf.indexOf(needle); at >= 0; at = buf.indexOf(needle, at + 1)) out.push(at);
  return out;
};

describe('T5 WebM and Matroska exhibits carry no identifying metadata', () => {
  it.each([['a WebM with sized clusters', false], ['a live recording (Segment and Clusters of unknown size)', true]])('%s: metadata voided in place; clusters, Cues and SeekHead untouched', async (_, live) => {
    const original = taggedWebm({ live });
    const before = exiftool(`orig-${live}.webm`, original);
    expect(before).toContain(PERSON);
    expect(before).toMatch(/Writing App|Muxing App/);
    const c = await cleanAvToBuffer(original);
    expect(c.mediaType).toBe('video/webm');
    expect(c.removed).toEqual([
      'Attachments', 'Info/DateUTC', 'Info/MuxingApp', 'Info/Title', 'Info/WritingApp', 'SeekHead/Seek entry for Attachments',
      'SeekHead/Seek entry for Tags', 'Tags', 'Tracks/TrackEntry/CodecName', 'Tracks/TrackEntry/Name',
      'Vorbis comments in a track (ARTIST, TITLE, LOCATION)', 'Vorbis comments in a track encoder name',
    ]);
    expect(c.data.length).toBe(original.length);
    const after = exiftool(`clean-${live}.webm`, c.data);
    for (const word of [...FORBIDDEN, 'Lavf', 'Android', 'Pixel', 'libVorbis']) {
      expect(`${c.data.toString('latin1')}\n${after}`.includes(word), `WebM exhibit contains ${word}`).toBe(false);
    }
    const tags = after.split('\n').filter((l) => !/^\[(System|ExifTool|File)\]/.test(l)).join('\n');
    expect(tags).not.toMatch(/Title|Writing App|Muxing App|Date\/Time|Attached|Track Name|Codec Name/);
    expect(after).toMatch(/Video Codec ID\s+: V_VP8/);
    // Every frame at the offset it had, so the Cues and SeekHead positions still point at their clusters.
    expect(offsets(c.data, FRAME)).toEqual(offsets(original, FRAME));
    const cues = original.lastIndexOf(Buffer.from([0x1c, 0x53, 0xbb, 0x6b]));
    expect(c.data.subarray(cues)).toEqual(original.subarray(cues));
    expect(matroskaLeaks(c.data)).toEqual([]);
  });

  it('the re-inspection names what an uncleaned file still carries', () => {
    expect(matroskaLeaks(taggedWebm())).toEqual(expect.arrayContaining(['Tags', 'Info/Title', 'Vorbis comments in a track (ARTIST, TITLE, LOCATION)']));
  });

  it('a Void with old bytes in it is zeroed, and a Matroska (not WebM) file goes the same way', async () => {
    const segment = el(0x18538067, el(0x1549a966, el(0x2ad7b1, uint(1_000_000, 3)), el(0xec, `old title ${PERSON}`)));
    const c = await cleanAvToBuffer(Buffer.concat([ebmlHeader('matroska'), segment]));
    expect(c.mediaType).toBe('video/x-matroska');
    expect(c.removed).toEqual(['Void elements with content']);
    expect(c.data.toString('latin1')).not.toContain('Rosa');
  });

  it('an element the schema does not know inside Cues or a BlockGroup is voided; the block beside it is kept', async () => {
    const block = el(0xa1, Buffer.from([0x81, 0, 0, 0]), FRAME);
    const cues = el(0x1c53bb6b, el(0xbb, el(0xb3, uint(0)), el(0x4487, PERSON)));
    const cluster = el(0x1f43b675, el(0xe7, uint(0)), el(0xa0, block, el(0x4487, `nota ${PERSON}`)));
    const original = Buffer.concat([EBML_HEADER, el(0x18538067, el(0x1549a966, el(0x2ad7b1, uint(1_000_000, 3))), cues, cluster)]);
    const c = await cleanAvToBuffer(original);
    expect(c.removed).toEqual(['Cluster/BlockGroup/element 0x4487 (unknown)', 'Cues/CuePoint/element 0x4487 (unknown)']);
    expect(c.data.toString('latin1')).not.toContain('Rosa');
    expect(offsets(c.data, FRAME)).toEqual(offsets(original, FRAME));
  });
});

describe('T7 hostile WebM files are refused with a stable code', () => {
  const code = async (b: Buffer): Promise<unknown> => cleanAvToBuffer(b).then(() => 'accepted', (e: { code?: string }) => e.code);
  const file = (...segment: Buffer[]): Buffer => Buffer.concat([EBML_HEADER, el(0x18538067, ...segment)]);
  const info = el(0x1549a966, el(0x2ad7b1, uint(1_000_000, 3)));

  it('truncated anywhere: E_MEDIA_TRUNCATED or E_MEDIA_BAD_LENGTH, never an exhibit', async () => {
    const webm = taggedWebm();
    for (const cut of [10, EBML_HEADER.length + 3, 300, webm.length - 7]) {
      expect(['E_MEDIA_TRUNCATED', 'E_MEDIA_BAD_LENGTH', 'E_MALFORMED_MEDIA']).toContain(await code(webm.subarray(0, cut)));
    }
    expect(await code(webm.subarray(0, webm.length - 7))).toBe('E_MEDIA_BAD_LENGTH');
  });

  it('a child longer than its parent, and a declared size of 2^56 - 2 bytes, are E_MEDIA_BAD_LENGTH before anything is read', async () => {
    const lyingChild = el(0x1549a966, Buffer.from([0x7b, 0xa9, 0x90]), Buffer.from('short'));
    expect(await code(file(lyingChild))).toBe('E_MEDIA_BAD_LENGTH');
    const huge = Buffer.concat([Buffer.from([0x12, 0x54, 0xc3, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]), Buffer.from(PERSON)]);
    expect(await code(file(info, huge))).toBe('E_MEDIA_BAD_LENGTH');
    expect(await code(Buffer.concat([EBML_HEADER, Buffer.from([0x18, 0x53, 0x80, 0x67, 0x01, 0, 0, 0, 0x10, 0, 0, 0])]))).toBe('E_MEDIA_BAD_LENGTH');
  });

  it('nesting 10,000 deep inside an element the schema does not walk is voided whole, never recursed into', async () => {
    let deep = el(0x4487, PERSON);
    for (let i = 0; i < 10_000; i++) deep = el(0x67c8, deep);
    const c = await cleanAvToBuffer(file(info, el(0x1254c367, deep)));
    expect(c.removed).toEqual(['Tags']);
    expect(c.data.toString('latin1')).not.toContain('Rosa');
  });

  it('an unknown size where none may be, an invalid ID or size byte, no EBML header, no Segment: E_MALFORMED_MEDIA', async () => {
    expect(await code(file(info, openEl(0x1254c367, el(0x4487, PERSON))))).toBe('E_MALFORMED_MEDIA');
    expect(await code(file(info, Buffer.from([0x05, 0x81, 0x00])))).toBe('E_MALFORMED_MEDIA');
    expect(await code(file(info, Buffer.from([0x7b, 0xa9, 0x00, 0x00])))).toBe('E_MALFORMED_MEDIA');
    expect(await code(Buffer.concat([EBML_HEADER, el(0xec, Buffer.alloc(4))]))).toBe('E_MALFORMED_MEDIA');
  });

  it('a subtitle track (its blocks are text), or private data of a codec not known to hold no tags, is E_UNCLEANABLE_CONTENT', async () => {
    expect(await code(taggedWebm({ subtitles: true }))).toBe('E_UNCLEANABLE_CONTENT');
    const renamed = taggedWebm();
    renamed.write('A_VORBIT', renamed.indexOf('A_VORBIS'), 'latin1');
    await expect(cleanAvToBuffer(renamed)).rejects.toMatchObject({ code: 'E_UNCLEANABLE_CONTENT', message: expect.stringMatching(/A_VORBIT/) });
  });
});
