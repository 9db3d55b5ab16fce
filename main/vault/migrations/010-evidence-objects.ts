// Evidence bytes leave the database: each chunk becomes an encrypted object in FILE.objects/
// (vault/object-store.ts), and this table names it and holds the only copy of its key. The old
// chunk table stays until evidence/move-chunks-out.ts has moved every item's chunks, one item per
// transaction (resumable), and then drops it. Never edit after release; add a migration.
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 10,
  name: 'evidence-objects',
  async up(db) {
    await db.exec(`
      -- Written with the item in one transaction, after each object is on disk; DEFERRABLE as for chunks.
      CREATE TABLE evidence_objects (
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED,
        seq INTEGER NOT NULL,               -- 0-based chunk index in the original
        name TEXT NOT NULL,                 -- lowercase hex sha256 of the object's bytes (its file name)
        key BLOB NOT NULL,                  -- 32 random bytes: the object's AES-256-GCM key, held nowhere else
        PRIMARY KEY (evidence_id, seq)
      ) STRICT;
      CREATE INDEX evidence_objects_by_name ON evidence_objects (name);
      ${sealedTableTriggers('evidence_objects')}
    `);
  },
};
