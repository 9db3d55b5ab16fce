// Video, audio and PDF exhibits made in the vault (issue 11 item 5): each is a new item with its
// own sha256 and a `derive` entry naming what was removed; the sealed original keeps every tag
// and byte; `log verify` passes. A hostile file makes nothing and records nothing (T7).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/audit/verify-log';
import { makeExhibit } from '../../main/evidence/make-exhibit';
import { readEvidence } from '../../main/evidence/read-evidence';
import { counts, entries, importFile, sha256, withIncident } from '../evidence/fixtures';
import { tempVault, type TempVault } from '../vault/fixture';
import { exiftoolAll, FORBIDDEN, PERSON, taggedMp3, taggedMp4, taggedPdf } from './av-fixtures';
import { taggedWebm } from './matroska-fixtures';
import { amrNb, taggedFlac, taggedOpus } from './xiph-fixtures';

let v: TempVault;
let incidentId: number;
beforeEach(async () => {
  v = await tempVault();
  incidentId = await withIncident(v.session);
});
afterEach(() => v.cleanup());

describe('T5 video, audio and PDF exhibits in the vault; the sealed original keeps everything', () => {
  it.each([
    ['clip.mp4', 'video/mp4', () => Promise.resolve(taggedMp4())],
    ['nota.mp3', 'audio/mpeg', () => Promise.resolve(taggedMp3())],
    ['acta.pdf', 'application/pdf', taggedPdf],
    ['nota-de-voz.opus', 'audio/ogg', () => Promise.resolve(taggedOpus())],
    ['grabacion.flac', 'audio/flac', () => Promise.resolve(taggedFlac())],
    ['video.webm', 'video/webm', () => Promise.resolve(taggedWebm())],
  ])('%s: a clean derivative with its own hash; the original is unchanged', async (name, mediaType, make) => {
    const file = join(v.dir, name);
    await writeFile(file, await make());
    const original = await importFile(v.session, incidentId, file);
    const x = await makeExhibit(v.session, original.id);
    expect(x).toMatchObject({ derivedFrom: original.id, mediaType, created: true, pixelsIdentical: null });
    expect(x.sha256).not.toBe(original.sha256);
    expect(x.removed.length).toBeGreaterThan(0);

    const out = join(v.dir, `exhibit-${name}`);
    await readEvidence(v.session, x.id, out);
    const exhibit = await readFile(out);
    expect(sha256(exhibit)).toBe(x.sha256);
    const judged = `${exhibit.toString('latin1')}\n${exiftoolAll(out)}`;
    for (const word of FORBIDDEN) expect(judged.includes(word), `exhibit of ${name} contains ${word}`).toBe(false);

    const back = join(v.dir, `original-${name}`);
    await readEvidence(v.session, original.id, back);
    const kept = await readFile(back);
    expect(kept.equals(original.bytes)).toBe(true);
    expect(kept.toString('utf8').includes(PERSON) || exiftoolAll(back).includes(PERSON)).toBe(true);

    const [derive] = await entries(v.session, `evidence:${x.id}`);
    expect(derive).toMatchObject({ action: 'derive', details: { from: original.id, originalSha256: original.sha256, sha256: x.sha256, removed: x.removed } });
    expect((await verifyLog(v.session)).ok).toBe(true);
  });

  it('an AMR call recording, which has no place for metadata, is its own derivative with the same bytes', async () => {
    const file = join(v.dir, 'llamada.amr');
    await writeFile(file, amrNb());
    const original = await importFile(v.session, incidentId, file);
    const x = await makeExhibit(v.session, original.id);
    expect(x).toMatchObject({ derivedFrom: original.id, mediaType: 'audio/amr', created: true, removed: [], sha256: original.sha256 });
    expect(x.id).not.toBe(original.id);
    const [derive] = await entries(v.session, `evidence:${x.id}`);
    expect(derive).toMatchObject({ action: 'derive', details: { from: original.id, removed: [] } });
    expect((await verifyLog(v.session)).ok).toBe(true);
  });

  it('T7 a hostile MP4 makes no exhibit and records nothing', async () => {
    const file = join(v.dir, 'hostile.mp4');
    const mp4 = taggedMp4();
    await writeFile(file, mp4.subarray(0, mp4.indexOf('uuid') - 20));
    const original = await importFile(v.session, incidentId, file);
    const before = await counts(v.session);
    await expect(makeExhibit(v.session, original.id)).rejects.toMatchObject({ code: 'E_MEDIA_BAD_LENGTH' });
    expect(await counts(v.session)).toEqual(before);
  });
});
