// Whether a case is open or closed, as a history: each change is a new row (the latest wins),
// committed to by a `case_edit` custody entry. Never edit after release; add a migration.
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 5,
  name: 'case-status',
  async up(db) {
    await db.exec(`
      CREATE TABLE case_status (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        change INTEGER NOT NULL,            -- 1, 2, …: the highest is the current status
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL REFERENCES users(name),
        PRIMARY KEY (case_id, change)
      ) STRICT;
      ${sealedTableTriggers('case_status')}
    `);
  },
};
