// Plaintext files being written outside the vault (an evidence copy, a dossier), noted before
// their first byte so that a crash leaves nothing readable behind: the next open removes or
// finishes them (vault/pending-files.ts). Bookkeeping, not a record: rows live for the length
// of one write. Never edit after release; add a migration.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 6,
  name: 'pending-files',
  async up(db) {
    await db.exec(`
      CREATE TABLE pending_files (
        temp_path TEXT PRIMARY KEY,
        final_path TEXT NOT NULL,
        started_at TEXT NOT NULL,
        publish INTEGER NOT NULL DEFAULT 0 CHECK (publish IN (0, 1)) -- 1: complete and logged, to be renamed into place
      ) STRICT;
    `);
  },
};
