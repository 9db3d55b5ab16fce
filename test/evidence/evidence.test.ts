import { afterEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { importEvidence, importEvidenceStream } from '../../main/evidence/import-evidence';
import { deleteEvidence, listEvidence } from '../../main/evidence/list-evidence';
import { openEvidenceStream, readEvidence } from '../../main/evidence/read-evidence';
import { sealedItem, verifiedChunks } from '../../main/evidence/stored-chunks';
import { vaultObjects } from '../../main/evidence/vault-objects';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import type { VaultSession } from '../../main/accounts/vault-session';
import { addRoleUsers, custodyActions, INCIDENT, tempVault, type TempVault, errorCode as code } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const CHUNK = 64 * 1024;

async function withIncident(s: VaultSession, incident: object = INCIDENT): Promise<number> {
  const c = await addCase(s, { title: 'Caso' });
  return (await addIncident(s, c.id, incident)).id;
}

/** Rows, and the objects on disk: an import that fails leaves neither. */
async function counts(s: VaultSession) {
  const rows = await s.db.get<{ items: number; objects: number; log: number }>(
    'SELECT (SELECT count(*) FROM evidence) AS items, (SELECT count(*) FROM evidence_objects) AS objects, (SELECT count(*) FROM custody_log) AS log');
  return { ...rows, files: (await vaultObjects(s).store.list()).length };
}

/** Reads an item back through the seal-checked reader, keeping nothing. */
async function checkStored(s: VaultSession, id: number): Promise<number> {
  const item = await sealedItem(s.db, id);
  for await (const chunk of verifiedChunks(s.db, vaultObjects(s), item)) void chunk;
  return item.bytes;
}

async function objectNames(s: VaultSession, id: number): Promise<string[]> {
  return (await s.db.all<{ name: string }>('SELECT name FROM evidence_objects WHERE evidence_id = ? ORDER BY seq', [id])).map((r) => r.name);
}

describe('evidence import and read-back', () => {
  it('streams a multi-chunk file in and out unchanged, logging receive, seal and view', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const original = randomBytes(5 * CHUNK + 123);
    const file = join(v.dir, 'video.mp4');
    await writeFile(file, original);
    const acquisition = { method: 'received', from: 'the defender', platform: 'WhatsApp', capturedAt: '2026-10-02T18:31:00-05:00' } as const;
    const got = await importEvidence(v.session, incidentId, file, acquisition, { chunkSize: CHUNK });
    expect(got).toEqual({ id: 1, sha256: sha(original), bytes: original.length, mediaType: 'application/octet-stream' });
    const names = await objectNames(v.session, 1);
    expect(names).toHaveLength(6);
    expect((await vaultObjects(v.session).store.list()).sort()).toEqual([...names].sort());
    const [item] = await listEvidence(v.session, { incidentId });
    expect(item).toMatchObject({ id: 1, incidentId, sha256: sha(original), bytes: original.length, originalName: 'video.mp4', acquisition, importedBy: 'ana', deleted: false });

    const out = join(v.dir, 'copy.bin');
    expect(await readEvidence(v.session, 1, out, { purpose: 'complaint' })).toEqual({ id: 1, sha256: sha(original), bytes: original.length, out });
    expect((await readFile(out)).equals(original)).toBe(true);
    const { stream } = await openEvidenceStream(v.session, 1);
    const parts: Buffer[] = [];
    for await (const p of stream) parts.push(p as Buffer);
    expect(Buffer.concat(parts).equals(original)).toBe(true);

    const log = await v.session.db.all<{ action: string; entry: string }>("SELECT action, entry FROM custody_log WHERE subject = 'evidence:1' ORDER BY seq");
    expect(log.map((l) => l.action)).toEqual(['receive', 'seal', 'view', 'view']);
    for (const l of log) expect(JSON.parse(l.entry).details.sha256).toBe(sha(original));
    // The purpose's words stay in the vault; the entry commits to them by hash.
    expect(JSON.parse(log[2]?.entry ?? '{}').details).toMatchObject({ purposeSha256: createHash('sha256').update('complaint').digest('hex') });
    expect(JSON.parse(log[2]?.entry ?? '{}').details.purpose).toBeUndefined();
  });

  it('sniffs the media type from the bytes, not the name', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const file = join(v.dir, 'notes.txt');
    await writeFile(file, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(100)]));
    expect((await importEvidence(v.session, incidentId, file, { method: 'screenshot' })).mediaType).toBe('image/png');
  });

  it('a deleted item is a tombstone: listed only on request, bytes still sealed', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const { id } = await importEvidenceStream(v.session, incidentId, Readable.from([Buffer.from('hola')]), { originalName: 'a.txt', acquisition: { method: 'other' } });
    await deleteEvidence(v.session, id, 'imported into the wrong incident');
    expect(await listEvidence(v.session)).toEqual([]);
    expect((await listEvidence(v.session, { includeDeleted: true })).map((e) => e.deleted)).toEqual([true]);
    expect(await checkStored(v.session, id)).toBe(4);
  });
});

describe('T9 an import that fails half way leaves no partial item', () => {
  it('a source that fails mid-stream: E_UNREADABLE_FILE, no item, no chunk, no custody entry', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const before = await counts(v.session);
    async function* failing() {
      yield randomBytes(CHUNK);
      yield randomBytes(CHUNK);
      throw new Error('EIO: i/o error, read');
    }
    expect(await code(importEvidenceStream(v.session, incidentId, failing(), { originalName: 'x', acquisition: { method: 'other' } }, { chunkSize: CHUNK }))).toBe('E_UNREADABLE_FILE');
    expect(await counts(v.session)).toEqual(before);
  });

  it('a full database at commit (a page limit): E_DISK_FULL, no row and no object left, the next import works', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const pages = await v.session.db.get<{ page_count: number }>('PRAGMA page_count');
    await v.session.db.get(`PRAGMA max_page_count = ${pages?.page_count ?? 0}`);
    const file = join(v.dir, 'small.bin');
    await writeFile(file, randomBytes(3 * CHUNK));
    // Each import adds a few rows; the one that needs a new page fails as a full disk would.
    let failed: string | undefined;
    let before = await counts(v.session);
    for (let i = 0; i < 400 && !failed; i++) {
      before = await counts(v.session);
      failed = await importEvidence(v.session, incidentId, file, { method: 'device_copy' }, { chunkSize: CHUNK }).then(() => undefined, (e: { code?: string }) => e.code);
    }
    expect(failed).toBe('E_DISK_FULL');
    expect(await counts(v.session)).toEqual(before);
    await v.session.db.get('PRAGMA max_page_count = 4294967294');
    expect((await importEvidence(v.session, incidentId, file, { method: 'device_copy' })).bytes).toBe(3 * CHUNK);
  });

  it('a missing file, a folder, an unknown incident or a bad acquisition: refused before anything is written', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const before = await counts(v.session);
    expect(await code(importEvidence(v.session, incidentId, join(v.dir, 'nope.jpg'), { method: 'other' }))).toBe('E_UNREADABLE_FILE');
    expect(await code(importEvidence(v.session, incidentId, v.dir, { method: 'other' }))).toBe('E_UNREADABLE_FILE');
    expect(await code(importEvidence(v.session, 999, `${v.path}.keys`, { method: 'other' }))).toBe('E_NOT_FOUND');
    expect(await code(importEvidence(v.session, incidentId, `${v.path}.keys`, { method: 'stolen' as 'other' }))).toBe('E_INVALID_INPUT');
    expect(await counts(v.session)).toEqual(before);
  });
});

describe('T3 an altered, missing or swapped evidence object is caught on read-back', () => {
  async function twoItems(t: TempVault): Promise<{ id: number; other: number; outDir: string }> {
    const incidentId = await withIncident(t.session);
    const { id } = await importEvidenceStream(t.session, incidentId, Readable.from([randomBytes(3 * CHUNK)]), { originalName: 'p.jpg', acquisition: { method: 'other' } }, { chunkSize: CHUNK });
    const other = (await importEvidenceStream(t.session, incidentId, Readable.from([randomBytes(3 * CHUNK)]), { originalName: 'q.jpg', acquisition: { method: 'other' } }, { chunkSize: CHUNK })).id;
    const outDir = join(t.dir, 'out');
    await mkdir(outDir);
    return { id, other, outDir };
  }

  async function readBackCode(t: TempVault, id: number, outDir: string): Promise<string | undefined> {
    const got = await code(readEvidence(t.session, id, join(outDir, 'p.jpg')));
    // Nothing of a refused read is left: no output file, no temp file.
    expect(await readdir(outDir)).toEqual([]);
    return got;
  }

  it('one bit of an object flipped on disk: E_OBJECT_ALTERED', async () => {
    v = await tempVault();
    const { id, outDir } = await twoItems(v);
    const path = vaultObjects(v.session).store.pathOf((await objectNames(v.session, id))[1] ?? '');
    const bytes = await readFile(path);
    bytes[100] = (bytes[100] ?? 0) ^ 1;
    await writeFile(path, bytes);
    expect(await readBackCode(v, id, outDir)).toBe('E_OBJECT_ALTERED');
  });

  it('an object deleted: E_OBJECT_MISSING', async () => {
    v = await tempVault();
    const { id, outDir } = await twoItems(v);
    await unlink(vaultObjects(v.session).store.pathOf((await objectNames(v.session, id))[2] ?? ''));
    expect(await readBackCode(v, id, outDir)).toBe('E_OBJECT_MISSING');
  });

  it("another item's object copied over one of this item's: its name no longer matches, E_OBJECT_ALTERED", async () => {
    v = await tempVault();
    const { id, other, outDir } = await twoItems(v);
    const { store } = vaultObjects(v.session);
    await copyFile(store.pathOf((await objectNames(v.session, other))[1] ?? ''), store.pathOf((await objectNames(v.session, id))[1] ?? ''));
    expect(await readBackCode(v, id, outDir)).toBe('E_OBJECT_ALTERED');
  });

  it("an insider points a row at another item's object, key and all: the associated data does not match, E_OBJECT_ALTERED", async () => {
    v = await tempVault();
    const { id, other, outDir } = await twoItems(v);
    await v.session.db.exec('DROP TRIGGER evidence_objects_no_update');
    await v.session.db.run(`UPDATE evidence_objects SET (name, key) = (SELECT name, key FROM evidence_objects WHERE evidence_id = ? AND seq = 1)
      WHERE evidence_id = ? AND seq = 1`, [other, id]);
    expect(await readBackCode(v, id, outDir)).toBe('E_OBJECT_ALTERED');
  });

  it('an object row removed (the sealed trigger refuses; an insider drops it): E_EVIDENCE_HASH_MISMATCH', async () => {
    v = await tempVault();
    const { id, outDir } = await twoItems(v);
    await expect(v.session.db.run('DELETE FROM evidence_objects WHERE evidence_id = ? AND seq = 2', [id])).rejects.toThrow(/sealed/);
    await v.session.db.exec('DROP TRIGGER evidence_objects_no_delete');
    await v.session.db.run('DELETE FROM evidence_objects WHERE evidence_id = ? AND seq = 2', [id]);
    expect(await readBackCode(v, id, outDir)).toBe('E_EVIDENCE_HASH_MISMATCH');
    expect(await code(checkStored(v.session, id))).toBe('E_EVIDENCE_HASH_MISMATCH');
    expect((await sealedItem(v.session.db, id)).chunkCount).toBe(3);
  });
});

describe('roles on evidence', () => {
  it('the auditor never gets evidence bytes (no slot, T3); legal may read but not import; refusals are denied entries', async () => {
    v = await tempVault();
    await addRoleUsers(v);
    const incidentId = await withIncident(v.session);
    const file = join(v.dir, 'a.bin');
    await writeFile(file, randomBytes(1000));
    const { id } = await importEvidence(v.session, incidentId, file, { method: 'other' });
    expect(await code(v.open('aud'))).toBe('E_BAD_PASSPHRASE');
    const legal = await v.open('lex');
    expect(await code(importEvidence(legal, incidentId, file, { method: 'other' }))).toBe('E_FORBIDDEN');
    expect((await readEvidence(legal, id, join(v.dir, 'lex.bin'))).bytes).toBe(1000);
    const actions = await custodyActions(legal);
    expect(actions.slice(-2)).toEqual(['denied', 'view']);
    const denied = await legal.db.all<{ actor: string; subject: string }>("SELECT actor, subject FROM custody_log WHERE action = 'denied' ORDER BY seq");
    expect(denied).toEqual([{ actor: 'lex', subject: `incident:${incidentId}` }]);
  });
});

describe('T9 a vault copied without its objects folder', () => {
  it('opens with a notice naming the missing folder, and each read says E_OBJECT_MISSING', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const { id } = await importEvidenceStream(v.session, incidentId, Readable.from([randomBytes(1000)]), { originalName: 'a.bin', acquisition: { method: 'other' } });
    await v.session.close();
    await rm(`${v.path}.objects`, { recursive: true });
    await v.open();
    expect(v.session.notices.some((n) => n.includes('objects folder') && n.includes('missing'))).toBe(true);
    expect(await code(checkStored(v.session, id))).toBe('E_OBJECT_MISSING');
  });
});
