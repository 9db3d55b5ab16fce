// A vault as Custodia kept it before evidence objects (schema 9): every chunk a row of
// evidence_chunks, no objects folder. Made from a vault of today by moving each item's objects
// back into the table, through the seal-checked reader, with the schema of migration 001.
import { rm } from 'node:fs/promises';
import type { VaultSession } from '../../main/accounts/vault-session';
import { sealedItem, verifiedChunks } from '../../main/evidence/stored-chunks';
import { vaultObjects } from '../../main/evidence/vault-objects';
import { objectsPath } from '../../main/vault/object-store';
import { sealedTableTriggers } from '../../main/vault/migrations/sealed-table';

/** Closes the session; the vault at its path is then a schema-9 vault holding its chunks in the database. */
export async function backToChunks(s: VaultSession): Promise<void> {
  const ids = (await s.db.all<{ id: number }>('SELECT id FROM evidence ORDER BY id')).map((r) => r.id);
  await s.db.transaction(async (tx) => {
    await tx.exec(`CREATE TABLE evidence_chunks (
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (evidence_id, seq)
      ) STRICT; ${sealedTableTriggers('evidence_chunks')}`);
    for (const id of ids) {
      let seq = 0;
      for await (const chunk of verifiedChunks(tx, vaultObjects(s), await sealedItem(tx, id))) {
        await tx.run('INSERT INTO evidence_chunks (evidence_id, seq, data) VALUES (?, ?, ?)', [id, seq++, chunk]);
      }
    }
    // Migration 011 came after: its list-index columns go too, so the vault is schema 9 throughout.
    await tx.exec(`DROP TABLE evidence_objects; DROP INDEX incident_index_programme;
      ${['country', 'region', 'days_to_report', 'authorities', 'measures_requested', 'measures_granted'].map((c) => `ALTER TABLE incident_index DROP COLUMN ${c};`).join(' ')}
      PRAGMA user_version = 9`);
  });
  const dir = objectsPath(s.path);
  await s.close();
  await rm(dir, { recursive: true, force: true });
}
