// Exhibits made in the vault: a new evidence item without identifying metadata (judged by
// exiftool), linked to its original by a `derive` entry that `log verify` re-checks; the
// original never changes.
import { writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/audit/verify-log';
import { getEvidenceMetadata } from '../../main/evidence/evidence-metadata';
import { deleteEvidence, listEvidence } from '../../main/evidence/list-evidence';
import { exhibitOf, listExhibits } from '../../main/evidence/list-exhibits';
import { makeExhibit } from '../../main/evidence/make-exhibit';
import { readEvidence } from '../../main/evidence/read-evidence';
import { exiftoolRead, identifyingPerExiftool, makeRichImage, metadataGroupsPerExiftool, tempDir } from '../media/fixtures';
import { addRoleUsers, tempVault, type TempVault } from '../vault/fixture';
import { code, counts, entries, heicWithGps, importFile, insiderSql, objectFile, sha256, withIncident } from './fixtures';

let media: { dir: string; cleanup: () => void };
let jpeg: string;
let png: string;
beforeAll(async () => {
  media = tempDir();
  jpeg = await makeRichImage(media.dir, 'jpeg', { width: 640, height: 480 });
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

/** Copies an item out of the vault, the way a user would, for exiftool to judge. */
async function bytesOf(id: number, name: string): Promise<{ path: string; bytes: Buffer }> {
  const path = join(v.dir, name);
  await readEvidence(v.session, id, path);
  return { path, bytes: await readFile(path) };
}

describe('T5 a JPEG exhibit carries no identifying tag, and its pixels are the original\'s', () => {
  it('is a new item, clean by exiftool, linked by one derive entry; the original is unchanged and log verify passes', async () => {
    const original = await importFile(v.session, incidentId, jpeg);
    const before = identifyingPerExiftool(exiftoolRead(jpeg));
    expect(before.length).toBeGreaterThanOrEqual(8);
    const x = await makeExhibit(v.session, original.id);
    expect(x).toMatchObject({ derivedFrom: original.id, incidentId, mediaType: 'image/jpeg', originalName: 'rich-jpeg-1.exhibit.jpg', created: true, pixelsIdentical: true });
    expect(x.id).not.toBe(original.id);
    expect(x.exhibitPixelSha256).toBe(x.originalPixelSha256);
    expect(x.removed).toEqual(expect.arrayContaining(['EXIF', 'XMP']));

    const exhibit = await bytesOf(x.id, 'exhibit.jpg');
    expect(sha256(exhibit.bytes)).toBe(x.sha256);
    const judged = exiftoolRead(exhibit.path);
    expect(identifyingPerExiftool(judged)).toEqual([]);
    expect(metadataGroupsPerExiftool(judged)).toEqual([]);
    for (const tag of ['GPSLatitude', 'Make', 'Model', 'SerialNumber', 'Artist']) {
      expect(Object.keys(judged).filter((k) => k.endsWith(`:${tag}`))).toEqual([]);
    }

    const back = await bytesOf(original.id, 'original.jpg');
    expect(sha256(back.bytes)).toBe(original.sha256);
    expect(back.bytes.equals(original.bytes)).toBe(true);

    const derive = await entries(v.session, `evidence:${x.id}`);
    expect(derive[0]).toMatchObject({
      action: 'derive', actor: 'ana',
      details: {
        evidenceId: x.id, from: original.id, originalSha256: original.sha256, sha256: x.sha256, operation: 'strip-metadata',
        removed: x.removed, kept: x.kept, pixelsIdentical: true, originalPixelSha256: x.originalPixelSha256, exhibitPixelSha256: x.exhibitPixelSha256,
      },
    });
    expect(derive.filter((e) => e.action === 'derive')).toHaveLength(1);
    const originalLog = await entries(v.session, `evidence:${original.id}`);
    expect(originalLog.map((e) => e.action)).toEqual(['receive', 'seal', 'view', 'view']);
    expect(originalLog[2]?.details).toMatchObject({ sha256: original.sha256, exhibit: x.id });

    const listed = await listEvidence(v.session, { incidentId });
    expect(listed.map((e) => [e.id, e.derivedFrom])).toEqual([[original.id, null], [x.id, original.id]]);
    expect((await listExhibits(v.session, original.id)).map((e) => [e.id, e.sha256, e.pixelsIdentical])).toEqual([[x.id, x.sha256, true]]);
    expect((await exhibitOf(v.session, original.id))?.id).toBe(x.id);
    const m = await getEvidenceMetadata(v.session, x.id);
    expect(m.outcome === 'extracted' && m.report.identifying).toEqual([]);

    const report = await verifyLog(v.session);
    expect(report.problems).toEqual([]);
    expect(report.evidence).toBe(2);
  });

  it('asking again returns the same exhibit: nothing new is stored or logged', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const first = await makeExhibit(v.session, id);
    const before = await counts(v.session);
    const again = await makeExhibit(v.session, id);
    expect(again).toEqual({ ...first, created: false });
    expect(await counts(v.session)).toEqual(before);
  });

  it('a deleted exhibit is not the exhibit of the item any more, and a new one can be made', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const first = await makeExhibit(v.session, id);
    await deleteEvidence(v.session, first.id, 'made by mistake');
    expect(await exhibitOf(v.session, id)).toBeNull();
    const second = await makeExhibit(v.session, id);
    expect(second.created).toBe(true);
    expect(second.id).not.toBe(first.id);
    expect((await listExhibits(v.session, id, { includeDeleted: true })).map((e) => [e.id, e.deleted])).toEqual([[first.id, true], [second.id, false]]);
  });
});

describe('T5 a PNG exhibit is re-encoded without its text chunks', () => {
  it('is clean by exiftool, a new encoding of the same pixels (PNG is lossless), and verifies', async () => {
    const original = await importFile(v.session, incidentId, png);
    const x = await makeExhibit(v.session, original.id);
    expect(x).toMatchObject({ mediaType: 'image/png', originalName: 'rich-png-1.exhibit.png', pixelsIdentical: true });
    expect(x.exhibitPixelSha256).toBe(x.originalPixelSha256);
    expect(x.removed).toEqual(expect.arrayContaining(['PNG tEXt', 'PNG zTXt', 'PNG iTXt']));
    const exhibit = await bytesOf(x.id, 'exhibit.png');
    expect(identifyingPerExiftool(exiftoolRead(exhibit.path))).toEqual([]);
    expect(exhibit.bytes.toString('latin1')).not.toMatch(/Maria Quispe|tEXt|iTXt|zTXt/);
    expect(exhibit.bytes.equals(original.bytes)).toBe(false);
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });
});

describe('what cannot be made into an exhibit is refused before any byte is read; nothing is stored', () => {
  it('an exhibit of an exhibit: E_INVALID_INPUT', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const x = await makeExhibit(v.session, id);
    const before = await counts(v.session);
    expect(await code(makeExhibit(v.session, x.id))).toBe('E_INVALID_INPUT');
    expect(await counts(v.session)).toEqual(before);
  });

  it('a non-image and an HEIC photo: E_UNSUPPORTED_MEDIA; a missing item: E_NOT_FOUND', async () => {
    const note = join(v.dir, 'nota.txt');
    await writeFile(note, 'Deja de denunciar.\n');
    const text = await importFile(v.session, incidentId, note);
    const heic = await importFile(v.session, incidentId, await heicWithGps(media.dir));
    const before = await counts(v.session);
    expect(await code(makeExhibit(v.session, text.id))).toBe('E_UNSUPPORTED_MEDIA');
    await expect(makeExhibit(v.session, heic.id)).rejects.toMatchObject({ code: 'E_UNSUPPORTED_MEDIA', message: expect.stringMatching(/HEVC/) });
    expect(await code(makeExhibit(v.session, 99))).toBe('E_NOT_FOUND');
    expect(await counts(v.session)).toEqual(before);
  });

  it('a deleted original: E_NOT_FOUND', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    await deleteEvidence(v.session, id, 'duplicate');
    expect(await code(makeExhibit(v.session, id))).toBe('E_NOT_FOUND');
  });
});

describe('T7 hostile files: a truncated JPEG', () => {
  it('imports as an original, but its exhibit is refused with E_MALFORMED_MEDIA and nothing is stored', async () => {
    const whole = await readFile(jpeg);
    const cut = join(v.dir, 'cut.jpg');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.7)));
    const { id, sha256: sealed } = await importFile(v.session, incidentId, cut);
    const before = await counts(v.session);
    expect(await code(makeExhibit(v.session, id))).toBe('E_MALFORMED_MEDIA');
    expect(await counts(v.session)).toEqual(before);
    expect((await listEvidence(v.session)).map((e) => e.sha256)).toEqual([sealed]);
  });
});

describe('T3 an altered original or a forged exhibit link is found', () => {
  it('an original whose object was altered on disk is refused with E_OBJECT_ALTERED and no exhibit is made from it', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const path = await objectFile(v.session, id);
    const bytes = await readFile(path);
    await writeFile(path, bytes.fill(0, 20, 40));
    const before = await counts(v.session);
    expect(await code(makeExhibit(v.session, id))).toBe('E_OBJECT_ALTERED');
    expect(await counts(v.session)).toEqual(before);
  });

  it('an exhibit re-pointed to another original with SQL: log verify reports E_RECORD_HASH_MISMATCH', async () => {
    const a = await importFile(v.session, incidentId, jpeg);
    const b = await importFile(v.session, incidentId, png);
    const x = await makeExhibit(v.session, a.id);
    await insiderSql(v.session, `UPDATE evidence_derivations SET derived_from = ${b.id} WHERE evidence_id = ${x.id}`);
    const report = await verifyLog(v.session);
    expect(report.problems).toEqual([expect.objectContaining({ code: 'E_RECORD_HASH_MISMATCH', message: expect.stringContaining(`evidence:${x.id}`) })]);
  });

  it('an exhibit\'s sealed metadata edited with SQL: E_RECORD_HASH_MISMATCH', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const x = await makeExhibit(v.session, id);
    await insiderSql(v.session, `UPDATE evidence_metadata SET body = replace(body, '"identifying":[]', '"identifying":[{"kind":"person","tag":"x","value":"y"}]') WHERE evidence_id = ${x.id}`);
    expect((await verifyLog(v.session)).problems.map((p) => p.code)).toEqual(['E_RECORD_HASH_MISMATCH']);
  });
});

describe('roles: documenters, legal and admins make exhibits; the auditor never reads the bytes', () => {
  it('legal may; a documenter may too; the auditor holds no slot to try with (T3)', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    await addRoleUsers(v);
    const lex = await v.open('lex');
    expect((await makeExhibit(lex, id)).created).toBe(true);
    const doc = await v.open('doc');
    expect((await makeExhibit(doc, id)).created).toBe(false);
    expect(await code(v.open('aud'))).toBe('E_BAD_PASSPHRASE');
  });
});
