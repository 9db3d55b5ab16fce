// The evidence channels over a real vault: metadata from the report sealed at import (no byte
// read, no `view`), stored exhibits, display bytes of the exhibit only, and thumbnails made from
// the exhibit in memory for the session (T2, T5).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedThumbnails, forgetThumbnails } from '../../main/ipc/handlers/evidence-display';
import { exiftool, makeGpsPhoto } from '../e2e/harness/photos';
import { handlerClient, testContext } from './ipc-context';

const { ctx, dir, answer } = testContext();
const { value, code } = handlerClient(ctx);
const PASS = 'una frase de prueba larga';
type Entry = { seq: number; action: string; subject: string; details: Record<string, unknown> };
const log = async (): Promise<Entry[]> => (await value<{ entries: Entry[] }>('custody.timeline', { limit: 1000 })).entries;
type Detail = {
  metadataStatus: string; metadata: { tag: string; identifying: boolean }[]; gps: { lat: number; lon: number } | null;
  exhibits: { id: number; sha256: string; removed: string[] }[]; preview: { removed: string[] } | null;
};

let photoId: number;
let noteId: number;
let vaultId: string;

async function importFiles(incidentId: number, files: string[]): Promise<number[]> {
  answer('pickEvidenceFiles', files);
  const picked = await value<{ token: string }[]>('evidence.pick', {});
  const items = await value<{ id: number }[]>('evidence.import', { incidentId, tokens: picked.map((p) => p.token), acquisition: { method: 'received' } });
  return items.map((i) => i.id);
}

let oneTime = '';

beforeAll(async () => {
  answer('chooseVaultLocation', join(dir, 'v.custodia'));
  vaultId = (await value<{ vaultId: string }>('vault.create', { label: 'Org', user: 'ana', passphrase: PASS })).vaultId;
  oneTime = (await value<{ oneTimePassphrase: string }>('users.add', { name: 'olga', role: 'documenter' })).oneTimePassphrase;
  expect(await value('users.add', { name: 'otto', role: 'auditor' })).toEqual({ oneTimePassphrase: null });
  const caseId = (await value<{ id: number }>('cases.add', { title: 'Caso' })).id;
  const incident = { occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tres Islas', channel: 'phone', verbatim: 'x', riskLevel: 'high', type: 'threat' };
  const incidentId = (await value<{ id: number }>('incidents.add', { caseId, incident })).id;
  const photo = join(dir, 'IMG_2041.jpg');
  await makeGpsPhoto(photo, { lat: -12.59, lon: -69.19, hue: 200 });
  const note = join(dir, 'nota.txt');
  writeFileSync(note, 'amenaza escrita');
  [photoId, noteId] = (await importFiles(incidentId, [photo, note])) as [number, number];
}, 60_000);
afterAll(async () => {
  if (ctx.session) await ctx.session.vault.close();
});

describe('T5 evidence shown from what was sealed at import', () => {
  it('evidence.get reads the sealed metadata: GPS highlighted, no evidence byte read, the metadata shown logged as a view (T4)', async () => {
    const before = await log();
    const d = await value<Detail>('evidence.get', { id: photoId });
    expect(d.metadataStatus).toBe('extracted');
    expect(d.gps?.lat).toBeCloseTo(-12.59, 4);
    expect(d.gps?.lon).toBeCloseTo(-69.19, 4);
    expect(d.metadata.filter((m) => m.identifying).map((m) => m.tag)).toEqual(expect.arrayContaining(['GPSLatitude', 'Make', 'Artist']));
    expect(d.exhibits).toEqual([]);
    expect(d.preview?.removed.length).toBeGreaterThan(0);
    const added = (await log()).slice(before.length);
    expect(added.map((e) => [e.action, e.subject, e.details])).toEqual([['view', `evidence:${photoId}`, { evidenceId: photoId, what: 'metadata' }]]);
    const after = await log();
    expect(await value<Detail>('evidence.get', { id: noteId })).toMatchObject({ metadataStatus: 'none', metadata: [], gps: null });
    expect(await log()).toEqual(after);
  });

  it('before an exhibit exists: no exhibit bytes and a placeholder thumbnail, never the original', async () => {
    expect(await code('evidence.view', { id: photoId, which: 'exhibit' })).toBe('E_NOT_FOUND');
    expect(await value('evidence.thumbnail', { id: photoId })).toBeNull();
    expect((await log()).filter((e) => e.action === 'view' && e.details.what !== 'metadata')).toEqual([]);
  });

  it('evidence.makeExhibit stores the exhibit once; asking again returns the same item', async () => {
    const made = await value<{ id: number; sha256: string; removed: string[] }>('evidence.makeExhibit', { id: photoId });
    expect(made.removed.length).toBeGreaterThan(0);
    const again = await value<{ id: number; sha256: string }>('evidence.makeExhibit', { id: photoId });
    expect(again).toMatchObject({ id: made.id, sha256: made.sha256 });
    const d = await value<Detail>('evidence.get', { id: photoId });
    expect(d.exhibits?.map((x) => x.id)).toEqual([made.id]);
    expect((await log()).filter((e) => e.action === 'derive').map((e) => e.subject)).toEqual([`evidence:${made.id}`]);
  });

  it('evidence.view of the exhibit hands the stored exhibit, without GPS, and logs a view of the exhibit, not the original', async () => {
    const exhibit = (await value<Detail>('evidence.get', { id: photoId })).exhibits![0]!;
    const before = (await log()).length;
    const shown = await value<{ mediaType: string; base64: string }>('evidence.view', { id: photoId, which: 'exhibit' });
    const bytes = Buffer.from(shown.base64, 'base64');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(exhibit.sha256);
    const file = join(dir, 'shown.jpg');
    writeFileSync(file, bytes);
    const tags = exiftool(file);
    for (const t of ['GPSLatitude', 'GPSLongitude', 'Make', 'Model', 'Artist']) expect(tags[t]).toBeUndefined();
    const added = (await log()).slice(before);
    expect(added.map((e) => [e.action, e.subject])).toEqual([['view', `evidence:${exhibit.id}`]]);
  });

  it('a thumbnail is a small JPEG of the exhibit with no metadata, logged once per session as a view of the exhibit', async () => {
    const exhibit = (await value<Detail>('evidence.get', { id: photoId })).exhibits![0]!;
    const before = (await log()).length;
    const thumb = await value<{ mediaType: string; base64: string }>('evidence.thumbnail', { id: photoId });
    expect(thumb.mediaType).toBe('image/jpeg');
    const file = join(dir, 'thumb.jpg');
    writeFileSync(file, Buffer.from(thumb.base64, 'base64'));
    const tags = exiftool(file);
    expect(Math.max(Number(tags.ImageWidth), Number(tags.ImageHeight))).toBeLessThanOrEqual(256);
    for (const t of ['GPSLatitude', 'Make', 'Model', 'Artist', 'DateTimeOriginal', 'ExifVersion']) expect(tags[t]).toBeUndefined();
    expect(await value('evidence.thumbnail', { id: photoId })).toEqual(thumb);
    const added = (await log()).slice(before);
    const thumbnailPurpose = createHash('sha256').update('thumbnail').digest('hex');
    expect(added.map((e) => [e.action, e.subject, e.details.purposeSha256])).toEqual([['view', `evidence:${exhibit.id}`, thumbnailPurpose]]);
    expect(cachedThumbnails(ctx.session!.vault)).toBe(1);
    // What the lock calls: the session's thumbnails are gone, the next one is made (and logged) again.
    forgetThumbnails(ctx.session!.vault);
    expect(cachedThumbnails(ctx.session!.vault)).toBe(0);
    expect(await value('evidence.thumbnail', { id: photoId })).toEqual(thumb);
    expect((await log()).slice(before).filter((e) => e.details.purposeSha256 === thumbnailPurpose)).toHaveLength(2);
  });

  it('T2: a lock empties the thumbnails at once; a new unlock starts with none; the auditor (no slot, T3) unlocks nothing', async () => {
    await value('evidence.thumbnail', { id: photoId });
    const locked = ctx.session!.vault;
    expect(cachedThumbnails(locked)).toBe(1);
    await value('vault.lock', {});
    expect(ctx.session).toBeNull();
    expect(cachedThumbnails(locked)).toBe(0);
    expect(await code('vault.unlock', { vaultId, user: 'otto', passphrase: PASS })).toBe('E_BAD_PASSPHRASE');
    expect(ctx.session).toBeNull();
    // olga's first unlock: the app's activation replaces the one-time passphrase with her own.
    await value('session.activate', { vaultId, user: 'olga', oneTimePassphrase: oneTime, newPassphrase: PASS });
    expect(cachedThumbnails(ctx.session!.vault)).toBe(0);
  });
});
