// Which records are deleted, said once: deleted_* name the tombstoned ids of each kind (with the
// tombstone's reason, time and user), live_* the rows still in use. Every query that shows,
// counts or picks records reads these views instead of repeating the tombstone test. The
// views hold no data of their own; the rows stay in their tables (deleted means tombstoned,
// never removed). Never edit after release; add a migration.
import type { Migration } from './migration';

const KINDS = [['case', 'cases'], ['incident', 'incidents'], ['evidence', 'evidence']] as const;

export const migration: Migration = {
  version: 7,
  name: 'live-views',
  async up(db) {
    for (const [kind, table] of KINDS) {
      await db.exec(`
        CREATE VIEW deleted_${table} AS
          SELECT subject_id AS id, reason, deleted_at, deleted_by FROM tombstones WHERE subject_type = '${kind}';
        CREATE VIEW live_${table} AS
          SELECT * FROM ${table} WHERE id NOT IN (SELECT id FROM deleted_${table});
      `);
    }
  },
};
