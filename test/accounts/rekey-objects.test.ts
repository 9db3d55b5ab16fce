// A re-key copies the database, never the evidence (issue 14): every object stays the file it
// was, and reads back under the new database key. And T3: someone removed who kept the old
// database key and a copy of the old database gains nothing on evidence added after removal,
// whose object key exists only in the new database.
import { createHash } from 'node:crypto';
import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { removeUser } from '../../main/accounts/users';
import { sessionKey, type VaultSession } from '../../main/accounts/vault-session';
import { rotateVaultKey } from '../../main/accounts/rotate-vault-key';
import { verifyLog } from '../../main/audit/verify-log';
import { importEvidenceStream } from '../../main/evidence/import-evidence';
import { openEvidenceStream } from '../../main/evidence/read-evidence';
import { openKeyedDatabase } from '../../main/vault/keyed-database';
import { objectsPath } from '../../main/vault/object-store';
import { withIncident } from '../evidence/fixtures';
import { addActiveUser, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

/** Each object file with its inode, change time and hash: a re-key must leave all of them as they were. */
async function objectFiles(path: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const dir = objectsPath(path);
  for (const name of (await readdir(dir, { recursive: true })).filter((n) => /[0-9a-f]{64}$/.test(n)).sort()) {
    const s = await stat(join(dir, name));
    out[name] = `${s.ino}:${s.ctimeMs}:${createHash('sha256').update(await readFile(join(dir, name))).digest('hex')}`;
  }
  return out;
}

async function readBack(s: VaultSession, id: number): Promise<Buffer> {
  const { stream } = await openEvidenceStream(s, id);
  const parts: Buffer[] = [];
  for await (const p of stream) parts.push(p as Buffer);
  return Buffer.concat(parts);
}

describe('a re-key leaves the evidence objects alone', () => {
  it('no object is rewritten, moved or copied; every item reads back under the new key and log verify passes', async () => {
    v = await tempVault();
    const incidentId = await withIncident(v.session);
    const bytes = randomBytes(5 * 1024 * 1024 + 3);
    const { id } = await importEvidenceStream(v.session, incidentId, Readable.from([bytes]), { originalName: 'video.mp4', acquisition: { method: 'other' } });
    const before = await objectFiles(v.path);
    expect(Object.keys(before).length).toBeGreaterThan(1);
    await rotateVaultKey(v.session, { reason: 'test' });
    expect(await objectFiles(v.path)).toEqual(before);
    expect((await readBack(v.session, id)).equals(bytes)).toBe(true);
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });
});

describe('T3 a removed user who kept the old database key', () => {
  it('finds in their old copy no row, no name and no key of an object added after the removal', async () => {
    v = await tempVault();
    await addActiveUser(v, 'doc', 'documenter');
    const incidentId = await withIncident(v.session);
    // What the insider took before being removed: the database file and the key that opened it.
    const stolen = join(v.dir, 'stolen.custodia');
    const oldKey = Buffer.from(sessionKey(v.session));
    await v.session.close();
    await copyFile(v.path, stolen);
    v.session = await v.open();
    await removeUser(v.session, 'doc');
    const { id } = await importEvidenceStream(v.session, incidentId, Readable.from([randomBytes(300_000)]), { originalName: 'after.jpg', acquisition: { method: 'other' } });
    expect(await v.session.db.all('SELECT name FROM evidence_objects WHERE evidence_id = ?', [id])).not.toEqual([]);

    // The old key opens the stolen copy, and nothing in it names the new object or holds its key.
    const old = await openKeyedDatabase({ path: stolen, key: oldKey, pageSize: 65536, create: false });
    try {
      expect(await old.all('SELECT name FROM evidence_objects WHERE evidence_id = ?', [id])).toEqual([]);
    } finally {
      await old.close();
    }
    // Nor does it open the current database (where the new key lives).
    await v.session.close();
    await expect(openKeyedDatabase({ path: v.path, key: oldKey, pageSize: 65536, create: false })).rejects.toMatchObject({ code: 'E_DB_CORRUPT' });
    v.session = await v.open();
  });
});
