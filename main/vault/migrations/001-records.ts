// Users, cases, incidents (versions, tombstones, full-text index), evidence and its chunks,
// drafts. Never edit after release; add a migration. Nothing here is ever overwritten: edits
// add versions and deletes add tombstones, and triggers refuse UPDATE/DELETE of sealed rows so
// a bug cannot quietly rewrite history (a direct edit with SQL is what `log verify` catches).
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 1,
  name: 'records',
  async up(db) {
    await db.exec(`
      CREATE TABLE vault_meta (
        key TEXT PRIMARY KEY,               -- 'vault_id' (must match the key header), 'created_at'
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE users (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL CHECK (role IN ('admin', 'documenter', 'legal', 'auditor')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,           -- the admin who added them (themself for the first)
        removed_at TEXT,                    -- kept after removal: custody entries name them
        removed_by TEXT
      ) STRICT;

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(name)
      ) STRICT;

      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(name)
      ) STRICT;

      CREATE TABLE incident_versions (
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        version INTEGER NOT NULL,           -- 1, 2, …: the highest is the current one
        body TEXT NOT NULL,                 -- RFC 8785 canonical JSON of the interchange format
        sha256 TEXT NOT NULL,               -- hex sha256 of body, as committed to by the custody entry
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users(name),
        PRIMARY KEY (incident_id, version)
      ) STRICT;

      CREATE TABLE tombstones (
        subject_type TEXT NOT NULL CHECK (subject_type IN ('case', 'incident', 'evidence')),
        subject_id INTEGER NOT NULL,
        reason TEXT NOT NULL,
        deleted_at TEXT NOT NULL,
        deleted_by TEXT NOT NULL REFERENCES users(name),
        PRIMARY KEY (subject_type, subject_id)
      ) STRICT;

      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id),
        sha256 TEXT NOT NULL,               -- hex sha256 of the original bytes, computed while importing
        bytes INTEGER NOT NULL,
        media_type TEXT NOT NULL,           -- sniffed from the bytes, not taken from the name
        original_name TEXT NOT NULL,
        acquisition TEXT NOT NULL,          -- canonical JSON {method, from, platform, capturedAt}
        chunk_size INTEGER NOT NULL,
        chunk_count INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL REFERENCES users(name)
      ) STRICT;

      -- The item row is written after its chunks (its hash is known only then), hence DEFERRABLE.
      CREATE TABLE evidence_chunks (
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED,
        seq INTEGER NOT NULL,               -- 0-based position in the original
        data BLOB NOT NULL,
        PRIMARY KEY (evidence_id, seq)
      ) STRICT;

      -- Unvalidated work in progress from the app's incident form; not a record until saved.
      CREATE TABLE drafts (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases(id),
        body TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by TEXT NOT NULL REFERENCES users(name)
      ) STRICT;

      -- Current text of each live incident (rowid = incident id) for the app's search.
      CREATE VIRTUAL TABLE incident_search USING fts5(place, verbatim, body, tokenize = 'unicode61 remove_diacritics 2');

      ${sealedTableTriggers('incident_versions')}
      ${sealedTableTriggers('tombstones')}
      ${sealedTableTriggers('evidence')}
      ${sealedTableTriggers('evidence_chunks')}
    `);
  },
};
