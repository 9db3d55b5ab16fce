// Custody log tables: the entries (hash chain), the Merkle tree's perfect subtrees, signed
// checkpoints and the users' Ed25519 signing keys. Never edit after release; add a migration.
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 2,
  name: 'custody-log',
  async up(db) {
    await db.exec(`
      CREATE TABLE custody_log (
        seq INTEGER PRIMARY KEY,            -- 1-based; Merkle leaf index is seq - 1
        entry TEXT NOT NULL,                -- RFC 8785 canonical JSON of the entry: the authoritative form
        hash BLOB NOT NULL,                 -- sha256(entry), what the next entry's prev names
        actor TEXT NOT NULL,                -- copies of entry fields, for queries only; verify checks them
        action TEXT NOT NULL,
        subject TEXT NOT NULL
      ) STRICT;
      CREATE INDEX custody_log_subject ON custody_log(subject, seq);

      -- Hashes of the perfect (power-of-two, aligned) subtrees: level 0 holds leaf hashes.
      -- A cache for O(log n) roots and proofs; log verify recomputes and compares every row.
      CREATE TABLE merkle_nodes (
        level INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (level, idx)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE checkpoints (
        id INTEGER PRIMARY KEY,
        tree_size INTEGER NOT NULL,
        checkpoint TEXT NOT NULL            -- the signed checkpoint as JSON
      ) STRICT;

      CREATE TABLE signing_keys (
        user_name TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,           -- 32 raw Ed25519 bytes; the log's key_change entry commits to it
        secret_key BLOB NOT NULL,           -- 32-byte seed; only ever inside the encrypted vault
        created_at TEXT NOT NULL
      ) STRICT;

      ${sealedTableTriggers('custody_log')}
      ${sealedTableTriggers('merkle_nodes')}
      ${sealedTableTriggers('checkpoints')}
      ${sealedTableTriggers('signing_keys')}
    `);
  },
};
