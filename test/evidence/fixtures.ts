// A real vault with an incident, and real photos made by sharp and tagged by exiftool (the
// media tests' generators), kept in a folder of their own so the vault's folder holds only the
// vault's files.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { importEvidence } from '../../main/evidence/import-evidence';
import { vaultObjects } from '../../main/evidence/vault-objects';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import type { VaultSession } from '../../main/accounts/vault-session';
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import { tamper } from '../audit/tamper-fixture';
import { makeRichImage } from '../media/fixtures';
import { INCIDENT } from '../vault/fixture';

export const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

export async function withIncident(s: VaultSession): Promise<number> {
  const c = await addCase(s, { title: 'Amenazas km 108' });
  return (await addIncident(s, c.id, INCIDENT)).id;
}

export async function importFile(s: VaultSession, incidentId: number, path: string): Promise<{ id: number; sha256: string; bytes: Buffer }> {
  const got = await importEvidence(s, incidentId, path, { method: 'received', from: 'Defensora A', platform: 'WhatsApp' });
  const bytes = await readFile(path);
  expect(got.sha256).toBe(sha256(bytes));
  return { id: got.id, sha256: got.sha256, bytes };
}

export { errorCode as code } from '../vault/fixture';

export async function entries(s: VaultSession, subject: string): Promise<CustodyEntry[]> {
  const rows = await s.db.all<{ entry: string }>('SELECT entry FROM custody_log WHERE subject = ? ORDER BY seq', [subject]);
  return rows.map((r) => JSON.parse(r.entry) as CustodyEntry);
}

export interface Counts {
  items: number; objects: number; metadata: number; derivations: number; log: number;
  /** Object files in the vault's objects folder. */
  files: number;
}

export async function counts(s: VaultSession): Promise<Counts> {
  const rows = await s.db.get<Omit<Counts, 'files'>>(`SELECT
    (SELECT count(*) FROM evidence) AS items, (SELECT count(*) FROM evidence_objects) AS objects,
    (SELECT count(*) FROM evidence_metadata) AS metadata, (SELECT count(*) FROM evidence_derivations) AS derivations,
    (SELECT count(*) FROM custody_log) AS log`);
  if (!rows) throw new Error('no counts');
  return { ...rows, files: (await vaultObjects(s).store.list()).length };
}

/** One of an item's object files, as someone with the folder (not the key) could reach it. */
export async function objectFile(s: VaultSession, evidenceId: number, seq = 0): Promise<string> {
  const row = await s.db.get<{ name: string }>('SELECT name FROM evidence_objects WHERE evidence_id = ? AND seq = ?', [evidenceId, seq]);
  return vaultObjects(s).store.pathOf(row?.name ?? '');
}

/** Raw SQL with every append-only trigger dropped, as an insider with the database key could run it. */
export async function insiderSql(s: VaultSession, sql: string): Promise<void> {
  for (const t of ['evidence_metadata', 'evidence_derivations']) {
    await s.db.exec(`DROP TRIGGER IF EXISTS ${t}_no_update; DROP TRIGGER IF EXISTS ${t}_no_delete;`);
  }
  await tamper(s.db, sql);
}

/**
 * An HEIF container branded heic carrying GPS, as an iPhone sends it (sharp cannot write HEVC,
 * so the payload is AV1, as in the media tests): its metadata can be read, its pixels not cleaned.
 */
export async function heicWithGps(dir: string): Promise<string> {
  const path = join(dir, 'IMG_0001.heic');
  const bytes = await readFile(await makeRichImage(dir, 'avif'));
  bytes.write('heic', 8, 'latin1');
  await writeFile(path, bytes);
  return path;
}
