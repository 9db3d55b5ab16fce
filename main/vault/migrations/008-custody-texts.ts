// Free text a custody entry commits to only by hash (a view's purpose, a dossier's recipient and
// purpose): the entry carries `<field>Sha256`, the words stay here, inside the encrypted vault,
// so the log can be handed to an auditor as a plain package (main/audit/log-package.ts). Rows
// are history: sealed like the tombstones. Never edit after release; add a migration.
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 8,
  name: 'custody-texts',
  async up(db) {
    await db.exec(`
      CREATE TABLE custody_texts (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64), -- lowercase hex SHA-256 of the UTF-8 text
        text TEXT NOT NULL
      ) STRICT;
      ${sealedTableTriggers('custody_texts')}
    `);
  },
};
