// Video, audio and PDF exhibits: what each cleaner removes, judged from outside by exiftool,
// mat2, pdfinfo and strings; what the media data keeps (byte for byte); and hostile files (T7):
// truncated, lying lengths, nesting, huge declared sizes, each refused with its own code and
// nothing written.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanAvToBuffer, cleanIsoBmffFile } from '../../main/media/clean-av';
import { countRevisions } from '../../main/media/pdf-clean';
import { box, exiftoolAll, FORBIDDEN, MEDIA_DATA, mp3Frames, PERSON, taggedMp3, taggedMp4, taggedPdf, taggedWav } from './av-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'custodia-av-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function judged(name: string, data: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return [data.toString('latin1'), exiftoolAll(file), execFileSync('mat2', ['--show', file], { encoding: 'utf8' })].join('\n');
}

const noneOf = (text: string, what: string): void => {
  for (const word of FORBIDDEN) expect(text.includes(word), `${what} contains ${word}`).toBe(false);
};

describe('T5 video, audio and PDF exhibits carry no identifying metadata', () => {
  it('MP4: udta GPS and names, meta keys, XMP and times are blanked in place; media data and offsets unchanged', async () => {
    const original = taggedMp4();
    expect(judged('orig.mp4', original)).toContain(PERSON);
    const c = await cleanAvToBuffer(original);
    expect(c.mediaType).toBe('video/mp4');
    expect(c.data.length).toBe(original.length);
    expect(c.removed).toEqual(expect.arrayContaining(['creation and modification times', 'moov/udta (©xyz, ©nam, ©mak, ©mod)', 'uuid']));
    noneOf(judged('clean.mp4', c.data), 'MP4 exhibit');
    expect(judged('clean2.mp4', c.data)).not.toMatch(/GPS|Make|Model|Apple|iPhone/);
    // The media data and the chunk offset that points at it are exactly as they were.
    expect(c.data.subarray(c.data.length - MEDIA_DATA.length)).toEqual(MEDIA_DATA);
    const stco = original.indexOf('stco');
    expect(c.data.subarray(stco, stco + 16)).toEqual(original.subarray(stco, stco + 16));
  });

  it('MP4 file to file: the same bytes as the streaming cleaner, and an existing OUT is refused and kept', async () => {
    const input = join(dir, 'in.mp4');
    writeFileSync(input, taggedMp4());
    const out = join(dir, 'out.mp4');
    const r = await cleanIsoBmffFile(input, out);
    expect(readFileSync(out)).toEqual((await cleanAvToBuffer(taggedMp4())).data);
    expect(r.removed).toEqual((await cleanAvToBuffer(taggedMp4())).removed);
    await expect(cleanIsoBmffFile(input, out)).rejects.toMatchObject({ code: 'E_EXISTS' });
    expect(existsSync(out)).toBe(true);
  });

  it('M4A and 3GP brands go through the same walker', async () => {
    for (const brand of ['M4A ', '3gp5']) {
      const c = await cleanAvToBuffer(taggedMp4({ brand }));
      expect(c.mediaType).toBe(brand === 'M4A ' ? 'audio/mp4' : 'video/3gpp');
      noneOf(c.data.toString('latin1'), brand);
    }
  });

  it('MP3: ID3v2, APE and ID3v1 are removed and the frames are kept byte for byte', async () => {
    const c = await cleanAvToBuffer(taggedMp3(20));
    expect(c.removed).toEqual(['APE', 'ID3v1', 'ID3v2']);
    expect(c.data).toEqual(mp3Frames(20));
    const text = judged('clean.mp3', c.data);
    noneOf(text, 'MP3 exhibit');
    expect(text).toMatch(/No metadata found/);
  });

  it('PDF: Info, XMP, thumbnails and the earlier revision are gone; the page text stays', async () => {
    const original = await taggedPdf();
    expect(countRevisions(original)).toBe(2);
    const c = await cleanAvToBuffer(original);
    expect(c.removed).toEqual(expect.arrayContaining(['Info dictionary', 'XMP metadata', 'earlier revisions (incremental updates)', 'thumbnails']));
    expect(countRevisions(c.data)).toBe(1);
    const file = join(dir, 'clean.pdf');
    noneOf(judged('clean.pdf', c.data), 'PDF exhibit');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).not.toMatch(/^(Author|Creator|Producer|Title):/m);
    expect(info).toMatch(/^Metadata Stream:\s+no/m);
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Acta de la asamblea comunal');
    expect(execFileSync('strings', [file], { encoding: 'utf8' })).not.toMatch(/Rosa|Quispe|Mamani/);
  });

  it('WAV: LIST/INFO and id3 chunks are dropped; fmt and data kept byte for byte', async () => {
    const original = taggedWav();
    expect(judged('orig.wav', original)).toContain(PERSON);
    const c = await cleanAvToBuffer(original);
    expect(c.removed).toEqual(['LIST INFO', 'id3']);
    const text = judged('clean.wav', c.data);
    noneOf(text, 'WAV exhibit');
    expect(text).toMatch(/No metadata found/);
    const data = original.indexOf('data');
    expect(c.data.subarray(c.data.indexOf('data'))).toEqual(original.subarray(data, data + 8 + 1600));
  });

  it('a type with no cleaner (an office document, a ZIP) is refused, never returned as an exhibit', async () => {
    await expect(cleanAvToBuffer(Buffer.from('PK\x03\x04\x14\0\0\0word/document.xml', 'latin1'))).rejects.toMatchObject({ code: 'E_UNSUPPORTED_MEDIA' });
  });
});

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const ftyp = box('ftyp', Buffer.from('isom', 'latin1'), u32(0));

describe('T7 hostile media files are refused with a stable code', () => {
  it('a truncated MP4: cut inside a box header is E_MEDIA_TRUNCATED, inside moov E_MEDIA_BAD_LENGTH', async () => {
    const mp4 = taggedMp4();
    await expect(cleanAvToBuffer(Buffer.concat([mp4, Buffer.from([0, 0, 0])]))).rejects.toMatchObject({ code: 'E_MEDIA_TRUNCATED' });
    const moovEnd = mp4.indexOf('uuid') - 4;
    await expect(cleanAvToBuffer(mp4.subarray(0, moovEnd - 10))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    const out = join(dir, 'trunc-out.mp4');
    const input = join(dir, 'trunc.mp4');
    writeFileSync(input, mp4.subarray(0, moovEnd - 10));
    await expect(cleanIsoBmffFile(input, out)).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    expect(existsSync(out)).toBe(false);
  });

  it('a child box longer than its parent is E_MEDIA_BAD_LENGTH', async () => {
    const lying = Buffer.concat([u32(100), Buffer.from('udta', 'latin1'), Buffer.alloc(8)]);
    await expect(cleanAvToBuffer(Buffer.concat([ftyp, box('moov', lying)]))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    const tiny = Buffer.concat([u32(4), Buffer.from('trak', 'latin1')]);
    await expect(cleanAvToBuffer(Buffer.concat([ftyp, box('moov', tiny)]))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
  });

  it('a huge declared size (64-bit mdat of 2^60 bytes, a 4 GiB moov) is refused before any allocation', async () => {
    const huge = Buffer.concat([u32(1), Buffer.from('mdat', 'latin1'), Buffer.from('1000000000000000', 'hex')]);
    await expect(cleanAvToBuffer(Buffer.concat([ftyp, huge]))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    const bigMoov = Buffer.concat([u32(0xfffffff0), Buffer.from('moov', 'latin1')]);
    await expect(cleanAvToBuffer(Buffer.concat([ftyp, bigMoov]))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    const input = join(dir, 'bigmoov.mp4');
    writeFileSync(input, Buffer.concat([ftyp, bigMoov, Buffer.alloc(64)]));
    await expect(cleanIsoBmffFile(input, join(dir, 'bigmoov-out.mp4'))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
  });

  it('boxes nested 40 deep are E_MEDIA_TOO_DEEP', async () => {
    let inner = box('trak');
    for (let i = 0; i < 40; i++) inner = box('trak', inner);
    await expect(cleanAvToBuffer(Buffer.concat([ftyp, box('moov', inner)]))).rejects.toMatchObject({ code: 'E_MEDIA_TOO_DEEP' });
  });

  it('a timed-metadata track (GPS samples in mdat) is E_UNCLEANABLE_CONTENT, not blanked', async () => {
    await expect(cleanAvToBuffer(taggedMp4({ handler: 'meta' }))).rejects.toMatchObject({ code: 'E_UNCLEANABLE_CONTENT' });
  });

  it('MP3: a lying ID3v2 size, a truncated frame and garbage between frames', async () => {
    const mp3 = taggedMp3(3);
    const lying = Buffer.from(mp3);
    lying.set([0x7f, 0x7f, 0x7f, 0x7f], 6);
    await expect(cleanAvToBuffer(lying)).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    await expect(cleanAvToBuffer(mp3Frames(3).subarray(0, 417 * 2 + 100))).rejects.toMatchObject({ code: 'E_MEDIA_TRUNCATED' });
    const hidden = Buffer.concat([mp3Frames(1), Buffer.from(`hidden ${PERSON}`), mp3Frames(1)]);
    await expect(cleanAvToBuffer(hidden)).rejects.toMatchObject({ code: 'E_MALFORMED_MEDIA' });
  });

  it('WAV: a chunk past the RIFF, a RIFF past the file, a cut chunk header', async () => {
    const wav = taggedWav();
    const lying = Buffer.from(wav);
    lying.writeUInt32LE(0x7fffffff, wav.indexOf('LIST') + 4);
    await expect(cleanAvToBuffer(lying)).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    await expect(cleanAvToBuffer(wav.subarray(0, wav.length - 100))).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    const cut = Buffer.from(wav.subarray(0, 12 + 24 + 4));
    cut.writeUInt32LE(cut.length - 8, 4);
    await expect(cleanAvToBuffer(cut)).rejects.toMatchObject({ code: 'E_MEDIA_TRUNCATED' });
  });

  it('PDF: a truncated file is E_MALFORMED_MEDIA', async () => {
    const pdf = await taggedPdf();
    await expect(cleanAvToBuffer(pdf.subarray(0, 200))).rejects.toMatchObject({ code: 'E_MALFORMED_MEDIA' });
  });
});
