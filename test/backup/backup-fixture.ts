// A vault with incidents, users and evidence whose text, names and metadata carry a marker, backed
// up to temp folders; helpers to read every item's bytes and to search a whole target for the marker.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openVault, type VaultSession } from '../../main/accounts/vault-session';
import { importEvidence } from '../../main/evidence/import-evidence';
import { openEvidenceStream } from '../../main/evidence/read-evidence';
import { addCase } from '../../main/records/cases';
import { addIncident } from '../../main/records/incidents';
import { INCIDENT, PASSPHRASE } from '../vault/fixture';

export const MARKER = 'MARCADOR-RESPALDO-5c2e08';

export async function tempDir(label: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `custodia-${label}-`));
}

/** A case, an incident and `files` items (random bytes of the given MiB, one text naming the marker) imported from `sources`. */
export async function fillVault(s: VaultSession, sources: string, mib: readonly number[]): Promise<number> {
  const c = await addCase(s, { title: `Caso ${MARKER}` });
  const incident = (await addIncident(s, c.id, { ...INCIDENT, verbatim: `${INCIDENT.verbatim} ${MARKER}` })).id;
  const text = join(sources, `${MARKER}.txt`);
  await writeFile(text, `${MARKER} `.repeat(50_000));
  await importEvidence(s, incident, text, { method: 'received', from: `Defensora ${MARKER}`, platform: 'WhatsApp' });
  await addFiles(s, incident, sources, mib);
  return incident;
}

export async function addFiles(s: VaultSession, incident: number, sources: string, mib: readonly number[]): Promise<void> {
  for (const [i, size] of mib.entries()) {
    const file = join(sources, `photo-${Date.now()}-${i}.bin`);
    await writeFile(file, randomBytes(size * 1024 * 1024));
    await importEvidence(s, incident, file, { method: 'received' });
  }
}

/** Every live item's bytes by id, read back through the vault (name, tag and sha256 checked). */
export async function itemBytes(s: VaultSession): Promise<Map<number, Buffer>> {
  const ids = await s.db.all<{ id: number }>('SELECT id FROM live_evidence ORDER BY id');
  const out = new Map<number, Buffer>();
  for (const { id } of ids) {
    const { stream } = await openEvidenceStream(s, id);
    const parts: Buffer[] = [];
    for await (const chunk of stream) parts.push(chunk as Buffer);
    out.set(id, Buffer.concat(parts));
  }
  return out;
}

export async function itemsOf(path: string, user = 'ana'): Promise<Map<number, Buffer>> {
  const s = await openVault({ path, user, passphrase: PASSPHRASE });
  try {
    return await itemBytes(s);
  } finally {
    await s.close();
  }
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Files under dir holding the marker in UTF-8 or UTF-16. */
export async function holdingMarker(dir: string, marker = MARKER): Promise<string[]> {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const found: string[] = [];
  for (const f of await filesUnder(dir)) {
    const bytes = await readFile(f);
    if (needles.some((n) => bytes.includes(n))) found.push(f);
  }
  return found;
}
