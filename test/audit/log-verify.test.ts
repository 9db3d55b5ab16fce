import { afterEach, describe, expect, it } from 'vitest';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { objectsPath } from '../../main/vault/object-store';
import { vaultObjects } from '../../main/evidence/vault-objects';
import { verifyLog } from '../../main/audit/verify-log';
import { appendCustody } from '../../main/custody/custody-log';
import { listCheckpoints } from '../../main/custody/checkpoints';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { rootAt } from '../../main/custody/merkle-store';
import { generateSigningKeyPair, signCheckpoint as signBody } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { editIncident } from '../../main/records/incidents';
import { INCIDENT } from '../vault/fixture';
import { populatedVault, tamper, type PopulatedVault } from './tamper-fixture';

let v: PopulatedVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

async function codes(vault: PopulatedVault, external = false): Promise<string[]> {
  const report = await verifyLog(vault.session, external ? { externalCheckpoint: vault.checkpoint } : {});
  if (process.env.DEBUG_VERIFY) console.log(report.problems);
  return [...new Set(report.problems.map((p) => p.code))];
}

describe('log verify on an intact vault', () => {
  it('passes, counts what it checked, and records the verification in the log', async () => {
    v = await populatedVault();
    const report = await verifyLog(v.session, { externalCheckpoint: v.checkpoint });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // vault, signing key, key slot, case, incident, its edit, second incident, evidence received and sealed
    expect(report.entries).toBe(9);
    expect(report.checkpoints).toBe(1);
    expect(report.records).toBe(4); // one case, two incidents, one user
    expect(report.evidence).toBe(1);
    const last = await v.session.db.get<{ action: string }>('SELECT action FROM custody_log ORDER BY seq DESC LIMIT 1');
    expect(last?.action).toBe('verify');
    expect((await verifyLog(v.session)).ok).toBe(true);
  });
});

describe('T3: an insider with the database key alters the vault directly', () => {
  it('finds an incident edited directly with SQL: the current version, the older one, and the search index that no longer matches', async () => {
    v = await populatedVault();
    await tamper(v.session.db, "UPDATE incident_versions SET body = replace(body, 'desaparecer', 'visitar')");
    expect((await codes(v)).sort()).toEqual(['E_DERIVED_STALE', 'E_RECORD_HASH_MISMATCH', 'E_VERSION_ALTERED']);
  });

  it('finds an incident whose body and stored hash were both rewritten', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `UPDATE incident_versions SET body = replace(body, 'medium', 'low'),
      sha256 = lower(hex(zeroblob(32))) WHERE incident_id = ${v.incidentId}`);
    expect(await codes(v)).toContain('E_RECORD_HASH_MISMATCH');
  });

  it('finds an incident hidden from every list by editing the list index', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `UPDATE incident_index SET deleted = 1 WHERE incident_id = ${v.incidentId}`);
    expect(await codes(v)).toEqual(['E_DERIVED_STALE']);
  });

  it('finds an incident deleted directly with SQL, without a tombstone', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `PRAGMA foreign_keys = OFF; DELETE FROM incident_search WHERE rowid = ${v.incidentId};
      DELETE FROM incident_versions WHERE incident_id = ${v.incidentId}; DELETE FROM incidents WHERE id = ${v.incidentId}`);
    // The list index still has its row: the insider left a trace there too.
    expect((await codes(v)).sort()).toEqual(['E_DERIVED_STALE', 'E_RECORD_MISSING']);
  });

  it('finds an edited custody row', async () => {
    v = await populatedVault();
    await tamper(v.session.db, "UPDATE custody_log SET entry = replace(entry, 'incident_edit', 'incident_view') WHERE action = 'incident_edit'");
    expect(await codes(v)).toContain('E_ENTRY_HASH_MISMATCH');
  });

  it('finds an edited custody row whose stored hash was recomputed (the chain breaks)', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `UPDATE custody_log SET entry = replace(entry, '"riskLevel"', '"riskLevel"'), actor = 'mallory',
      entry = replace(entry, '"actor":"ana"', '"actor":"mallory"') WHERE seq = 4`);
    const row = await v.session.db.get<{ entry: string }>('SELECT entry FROM custody_log WHERE seq = 4');
    const { createHash } = await import('node:crypto');
    await tamper(v.session.db, `UPDATE custody_log SET hash = x'${createHash('sha256').update(row?.entry ?? '').digest('hex')}' WHERE seq = 4`);
    const found = await codes(v);
    expect(found).toContain('E_CHAIN_BROKEN');
    expect(found).toContain('E_ROOT_MISMATCH');
  });

  it('finds a deleted entry', async () => {
    v = await populatedVault();
    await tamper(v.session.db, 'DELETE FROM custody_log WHERE seq = 3');
    expect(await codes(v)).toContain('E_SEQ_GAP');
  });

  it('finds two swapped entries', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `
      UPDATE custody_log SET seq = -4 WHERE seq = 4; UPDATE custody_log SET seq = 4 WHERE seq = 5; UPDATE custody_log SET seq = 5 WHERE seq = -4;`);
    const found = await codes(v);
    expect(found).toContain('E_ENTRY_HASH_MISMATCH');
    expect(found).toContain('E_ROOT_MISMATCH');
  });

  it('finds a Merkle cache with a node removed', async () => {
    v = await populatedVault();
    await tamper(v.session.db, 'DELETE FROM merkle_nodes WHERE level = 0 AND idx = 2');
    expect(await codes(v)).toEqual(['E_ROOT_MISMATCH']);
  });

  it('refuses to hand out a proof from a Merkle cache whose node was altered', async () => {
    v = await populatedVault();
    await tamper(v.session.db, "UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 2");
    const { proveInclusion } = await import('../../main/custody/prove');
    const failure = await proveInclusion(v.session.db, 4, v.checkpoint).catch((e: { code?: string }) => e);
    expect(failure).toMatchObject({ code: 'E_ROOT_MISMATCH' });
    // A checkpoint signed over the altered cache has a root the entries do not make.
    await signSessionCheckpoint(v.session);
    expect(await codes(v)).toEqual(['E_ROOT_MISMATCH']);
  });

  it('finds a forged checkpoint signature', async () => {
    v = await populatedVault();
    const [cp] = await listCheckpoints(v.session.db);
    const forged = { ...cp, treeSize: 2, rootHash: toHex(await rootAt(v.session.db, 2)) };
    await tamper(v.session.db, `UPDATE checkpoints SET checkpoint = '${JSON.stringify(forged)}', tree_size = 2`);
    expect(await codes(v)).toEqual(['E_CHECKPOINT_SIGNATURE']);
  });

  it('finds a swapped signing key, even with every checkpoint re-signed by it', async () => {
    v = await populatedVault();
    const pair = generateSigningKeyPair();
    await tamper(v.session.db, `UPDATE signing_keys SET public_key = x'${toHex(pair.publicKey)}'`);
    for (const cp of await listCheckpoints(v.session.db)) {
      const resigned = signBody({ ...cp, signer: toHex(pair.publicKey) }, pair.secretKey);
      await tamper(v.session.db, `UPDATE checkpoints SET checkpoint = '${JSON.stringify(resigned)}' WHERE tree_size = ${cp.treeSize}`);
    }
    expect(await codes(v)).toEqual(['E_CHECKPOINT_KEY_UNKNOWN']);
  });

  it('finds a truncated tail against a checkpoint kept outside the vault', async () => {
    v = await populatedVault();
    await editIncident(v.session, v.incidentId, { ...INCIDENT, notes: 'later entry' });
    // The insider cuts the log back to before the external checkpoint, cleaning up after themself.
    const keep = 5; // vault, signing key, key slot, case, first incident

    await tamper(v.session.db, `DELETE FROM custody_log WHERE seq > ${keep}; DELETE FROM merkle_nodes;
      DELETE FROM checkpoints; DELETE FROM incident_versions WHERE version > 1 OR incident_id > ${v.incidentId}; PRAGMA foreign_keys = OFF;
      DELETE FROM incident_search; DELETE FROM incidents WHERE id > ${v.incidentId}; DELETE FROM evidence_objects; DELETE FROM evidence`);
    // Thorough: the evidence objects go too, so none is left unnamed.
    await rm(objectsPath(v.path), { recursive: true });
    await rebuildTree(v);
    await signSessionCheckpoint(v.session);
    expect(await codes(v)).toEqual([]);
    expect(await codes(v, true)).toEqual(['E_CONSISTENCY']);
  });

  it('finds history rewritten and re-signed by an insider with a real key, against an earlier checkpoint', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `DELETE FROM custody_log WHERE seq >= 5; DELETE FROM merkle_nodes; DELETE FROM checkpoints;
      PRAGMA foreign_keys = OFF; DELETE FROM incident_search; DELETE FROM incident_versions; DELETE FROM incidents;
      DELETE FROM evidence_objects; DELETE FROM evidence;`);
    await rm(objectsPath(v.path), { recursive: true });
    await rebuildTree(v);
    // A different history of the same length, properly chained and signed.
    await v.session.db.transaction(async (tx) => {
      while ((await tx.get<{ n: number }>('SELECT count(*) AS n FROM custody_log'))!.n < v!.checkpoint.treeSize) {
        await appendCustody(tx, { actor: 'ana', action: 'verify', subject: 'vault', details: { ok: true } });
      }
    });
    await signSessionCheckpoint(v.session);
    expect(await codes(v)).toEqual([]);
    expect(await codes(v, true)).toEqual(['E_CONSISTENCY']);
  });

  it('finds an altered evidence object', async () => {
    v = await populatedVault();
    const row = await v.session.db.get<{ name: string }>('SELECT name FROM evidence_objects WHERE evidence_id = ? AND seq = 1', [v.evidenceId]);
    const path = vaultObjects(v.session).store.pathOf(row?.name ?? '');
    const bytes = await readFile(path);
    bytes[40] = (bytes[40] ?? 0) ^ 0x20;
    await writeFile(path, bytes);
    expect(await codes(v)).toEqual(['E_OBJECT_ALTERED']);
  });

  it('finds an evidence object row removed, and the object it named left unnamed', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `DELETE FROM evidence_objects WHERE evidence_id = ${v.evidenceId} AND seq = 2`);
    expect(await codes(v)).toEqual(['E_EVIDENCE_HASH_MISMATCH', 'E_OBJECT_ORPHAN']);
  });

  it('finds evidence whose acquisition record was rewritten (who handed it over)', async () => {
    v = await populatedVault();
    await tamper(v.session.db, `UPDATE evidence SET acquisition = replace(acquisition, 'Defensora A', 'anonymous') WHERE id = ${v.evidenceId}`);
    expect(await codes(v)).toEqual(['E_RECORD_HASH_MISMATCH']);
  });

  it('finds a flipped byte in the database file', async () => {
    v = await populatedVault();
    await v.session.close();
    const fh = await open(v.path, 'r+');
    const { size } = await fh.stat();
    const at = Math.floor(size / 2);
    const b = Buffer.alloc(1);
    await fh.read(b, 0, 1, at);
    b[0] = (b[0] as number) ^ 0x40;
    await fh.write(b, 0, 1, at);
    await fh.close();
    const session = await v.open().catch((e: { code?: string }) => e);
    if ('code' in session && !('db' in session)) {
      expect(session.code).toBe('E_DB_CORRUPT');
    } else {
      expect(await codes(v)).toContain('E_DB_CORRUPT');
    }
  });
});

/** An insider who truncates the log rebuilds the Merkle cache, the list index and the search index so the vault looks consistent. */
async function rebuildTree(vault: PopulatedVault): Promise<void> {
  const { rebuildIncidentIndex } = await import('../../main/records/incident-index');
  const { searchRow } = await import('../../main/records/incidents');
  await tamper(vault.session.db, 'DELETE FROM incident_index; DELETE FROM incident_search');
  await rebuildIncidentIndex(vault.session.db);
  const versions = await vault.session.db.all<{ id: number; body: string }>(
    'SELECT incident_id AS id, body FROM incident_versions v WHERE version = (SELECT max(version) FROM incident_versions w WHERE w.incident_id = v.incident_id)');
  for (const r of versions) await vault.session.db.run('INSERT INTO incident_search (rowid, place, verbatim, body) VALUES (?, ?, ?, ?)', searchRow(r.id, JSON.parse(r.body)));
  const { appendLeaves } = await import('../../main/custody/merkle-store');
  const { leafHash } = await import('../../shared/custody/merkle');
  const rows = await vault.session.db.all<{ seq: number; entry: string }>('SELECT seq, entry FROM custody_log ORDER BY seq');
  await vault.session.db.transaction(async (tx) => {
    await appendLeaves(tx, 0, rows.map((r) => leafHash(Buffer.from(r.entry, 'utf8'))));
  });
}
