// Metadata read at import and sealed with the original: GPS, device and names corroborate a
// report, so they are kept, encrypted in the vault, committed to by the seal entry, and checked
// by `log verify`; the auditor never sees them.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/audit/verify-log';
import { getEvidenceMetadata } from '../../main/evidence/evidence-metadata';
import { ImageCollector } from '../../main/evidence/media-metadata';
import { readEvidence } from '../../main/evidence/read-evidence';
import { makeRichImage, tempDir } from '../media/fixtures';
import { addRoleUsers, tempVault, type TempVault } from '../vault/fixture';
import { code, entries, heicWithGps, importFile, insiderSql, sha256, withIncident } from './fixtures';

let media: { dir: string; cleanup: () => void };
let jpeg: string;
let png: string;
beforeAll(async () => {
  media = tempDir();
  jpeg = await makeRichImage(media.dir, 'jpeg');
  png = await makeRichImage(media.dir, 'png');
});
afterAll(() => media.cleanup());

let v: TempVault;
let incidentId: number;
beforeEach(async () => {
  v = await tempVault();
  incidentId = await withIncident(v.session);
});
afterEach(() => v.cleanup());

describe('image metadata at import', () => {
  it('a GPS-tagged JPEG gets a metadata row with its GPS, device and author, committed to by the seal', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const m = await getEvidenceMetadata(v.session, id);
    if (m.outcome !== 'extracted') throw new Error(`expected extracted metadata, got ${m.outcome}`);
    expect(m.report.gps?.lat).toBeCloseTo(-12.59, 5);
    expect(m.report.gps?.lon).toBeCloseTo(-69.19, 5);
    expect(m.report.identifying.map((t) => t.tag)).toEqual(expect.arrayContaining(['ifd0:Make', 'ifd0:Model', 'ifd0:Artist']));
    expect(m.report.blocks).toEqual(expect.arrayContaining(['EXIF', 'GPS', 'XMP']));
    const { body } = (await v.session.db.get<{ body: string }>('SELECT body FROM evidence_metadata WHERE evidence_id = ?', [id])) ?? { body: '' };
    const seal = (await entries(v.session, `evidence:${id}`)).find((e) => e.action === 'seal');
    expect(seal?.details).toMatchObject({ metadataSha256: sha256(body), metadataOutcome: 'extracted' });
    expect(m.sha256).toBe(sha256(body));
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });

  it('a PNG keeps its text chunks in the sealed metadata', async () => {
    const { id } = await importFile(v.session, incidentId, png);
    const m = await getEvidenceMetadata(v.session, id);
    if (m.outcome !== 'extracted') throw new Error(`expected extracted metadata, got ${m.outcome}`);
    expect(m.report.tags['png-text']).toMatchObject({ Author: 'Maria Quispe' });
  });

  it('a file that is not an image gets no metadata row and its seal commits to none', async () => {
    const note = join(v.dir, 'nota.txt');
    await writeFile(note, 'Deja de denunciar.\n');
    const { id } = await importFile(v.session, incidentId, note);
    expect(await getEvidenceMetadata(v.session, id)).toEqual({ evidenceId: id, outcome: 'none' });
    const seal = (await entries(v.session, `evidence:${id}`)).find((e) => e.action === 'seal');
    expect(seal?.details).not.toHaveProperty('metadataSha256');
  });

  it('the collector lets go of what is not an image or is above the size limit', () => {
    const image = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 1)]);
    const small = new ImageCollector(10_000);
    small.add(image.subarray(0, 3000));
    small.add(image.subarray(3000));
    expect(small.take()?.equals(image)).toBe(true);
    const over = new ImageCollector(4_000);
    over.add(image.subarray(0, 3000));
    over.add(image.subarray(3000));
    expect(over.take()).toBeUndefined();
    const text = new ImageCollector(10_000);
    text.add(Buffer.alloc(5000, 0x61));
    expect(text.take()).toBeUndefined();
  });

  it('the auditor gets no metadata (it holds GPS and names): no slot, so no session to ask with (T3)', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    await addRoleUsers(v);
    expect(await code(v.open('aud'))).toBe('E_BAD_PASSPHRASE');
    const lex = await v.open('lex');
    expect((await getEvidenceMetadata(lex, id)).outcome).toBe('extracted');
  });
});

describe('T7 hostile files: a malformed image is still evidence', () => {
  it('a truncated JPEG is imported and sealed as an original, with the failure and its code sealed instead of metadata', async () => {
    const whole = await readFile(jpeg);
    const cut = join(v.dir, 'cut.jpg');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { id, sha256: sealed, bytes } = await importFile(v.session, incidentId, cut);
    const m = await getEvidenceMetadata(v.session, id);
    expect(m).toMatchObject({ outcome: 'failed', error: { code: 'E_MALFORMED_MEDIA' } });
    const seal = (await entries(v.session, `evidence:${id}`)).find((e) => e.action === 'seal');
    expect(seal?.details).toMatchObject({ sha256: sealed, mediaType: 'image/jpeg', metadataOutcome: 'failed' });
    const out = join(v.dir, 'back.jpg');
    await readEvidence(v.session, id, out);
    expect(sha256(await readFile(out))).toBe(sha256(bytes));
    expect((await verifyLog(v.session)).ok).toBe(true);
  });

  it('an HEIC photo (not decodable here) still has its GPS read from the container and sealed', async () => {
    const { id } = await importFile(v.session, incidentId, await heicWithGps(media.dir));
    const m = await getEvidenceMetadata(v.session, id);
    if (m.outcome !== 'extracted') throw new Error(`expected extracted metadata, got ${m.outcome}`);
    expect(m.report.mediaType).toBe('image/heic');
    expect(m.report.gps?.lat).toBeCloseTo(-12.59, 5);
    expect((await verifyLog(v.session)).ok).toBe(true);
  });

  it('an image whose container cannot be parsed at all is sealed with E_MALFORMED_MEDIA recorded', async () => {
    const junk = join(v.dir, 'IMG_0002.heic');
    await writeFile(junk, Buffer.concat([Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic', 'latin1'), Buffer.alloc(512, 7)]));
    const { id } = await importFile(v.session, incidentId, junk);
    expect(await getEvidenceMetadata(v.session, id)).toMatchObject({ outcome: 'failed', error: { code: 'E_MALFORMED_MEDIA' } });
  });
});

describe('T3 sealed metadata edited with SQL is found', () => {
  it('log verify reports E_RECORD_HASH_MISMATCH for a moved GPS position, and the app is refused the altered row', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    await insiderSql(v.session, `UPDATE evidence_metadata SET body = replace(body, '-12.59', '-13.59') WHERE evidence_id = ${id}`);
    expect((await v.session.db.get<{ body: string }>('SELECT body FROM evidence_metadata'))?.body).toContain('-13.59');
    const report = await verifyLog(v.session);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'E_RECORD_HASH_MISMATCH', message: expect.stringContaining(`evidence:${id}`) })]);
    expect(await code(getEvidenceMetadata(v.session, id))).toBe('E_RECORD_HASH_MISMATCH');
  });

  it('a deleted metadata row, and one slipped in for an item sealed without metadata, are both found', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const note = join(v.dir, 'nota.txt');
    await writeFile(note, 'texto');
    const { id: noteId } = await importFile(v.session, incidentId, note);
    const body = (await v.session.db.get<{ body: string }>('SELECT body FROM evidence_metadata WHERE evidence_id = ?', [id]))?.body ?? '';
    await insiderSql(v.session, `DELETE FROM evidence_metadata WHERE evidence_id = ${id}`);
    await v.session.db.run('INSERT INTO evidence_metadata (evidence_id, body) VALUES (?, ?)', [noteId, body]);
    const problems = (await verifyLog(v.session)).problems;
    expect(problems.map((p) => p.code)).toEqual(['E_RECORD_HASH_MISMATCH', 'E_RECORD_HASH_MISMATCH']);
    expect(problems.map((p) => p.message).join('\n')).toMatch(new RegExp(`evidence:${id}: its sealed metadata is gone[\\s\\S]*evidence:${noteId}: it has metadata`));
  });
});
