// Keys that belong to people: secret keys leave the database. Until now every user's Ed25519
// seed sat in signing_keys, where any slot holder could read it; from here the table keeps
// public keys only (every key a user ever had, so old checkpoints stay checkable), the secret
// halves live sealed in each user's own slot of the key header, and box_keys holds the X25519
// key each user receives the database key under. The old seeds are dropped now for everyone:
// they were exposed, so each owner gets a new key at their next unlock (accounts/personal-slot.ts).
// Never edit after release; add a migration.
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 9,
  name: 'personal-keys',
  async up(db) {
    // Freed pages are zeroed, so the dropped seeds do not linger in the file's free list.
    await db.exec('PRAGMA secure_delete = ON');
    await db.exec(`
      CREATE TABLE signing_public_keys (
        public_key BLOB PRIMARY KEY,        -- 32 raw Ed25519 bytes; a key_change entry announced it
        user_name TEXT NOT NULL REFERENCES users(name),
        created_at TEXT NOT NULL
      ) STRICT;
      INSERT INTO signing_public_keys (public_key, user_name, created_at)
        SELECT public_key, user_name, created_at FROM signing_keys;
      DROP TABLE signing_keys;
      ALTER TABLE signing_public_keys RENAME TO signing_keys;
      CREATE INDEX signing_keys_by_user ON signing_keys (user_name, created_at);
      ${sealedTableTriggers('signing_keys')}

      CREATE TABLE box_keys (
        user_name TEXT PRIMARY KEY REFERENCES users(name),
        public_key BLOB NOT NULL,           -- 32 raw X25519 bytes; re-keys wrap the database key to it
        created_at TEXT NOT NULL
      ) STRICT;

      ALTER TABLE users ADD COLUMN activated_at TEXT; -- NULL: added, one-time passphrase not yet replaced
      UPDATE users SET activated_at = created_at;
    `);
  },
};
