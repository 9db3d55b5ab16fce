// Media metadata sealed with its original, and the link from a derivative (exhibit) to the item
// it was made from. Never edit after release; add a migration. Both tables are append-only like
// the evidence they describe; `log verify` checks them against the custody entries that sealed them.
import type { Migration } from './migration';
import { sealedTableTriggers } from './sealed-table';

export const migration: Migration = {
  version: 3,
  name: 'media',
  async up(db) {
    await db.exec(`
      -- One row per image whose metadata was read at intake (images within the media module's
      -- size limit); other items have none. Written in the item's own transaction, before its row.
      CREATE TABLE evidence_metadata (
        evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED,
        body TEXT NOT NULL                  -- RFC 8785 canonical JSON {outcome: 'extracted', report} or
                                            -- {outcome: 'failed', error: {code, message}}; the item's seal
                                            -- (or derive) entry holds its sha256 as details.metadataSha256
      ) STRICT;

      -- A derivative is an evidence item of its own (bytes, chunks, sha256); this says what it came from.
      CREATE TABLE evidence_derivations (
        evidence_id INTEGER PRIMARY KEY REFERENCES evidence(id) DEFERRABLE INITIALLY DEFERRED,
        derived_from INTEGER NOT NULL REFERENCES evidence(id),
        operation TEXT NOT NULL             -- e.g. 'strip-metadata'; committed to by the derive entry's recordSha256
      ) STRICT;
      CREATE INDEX evidence_derivations_from ON evidence_derivations(derived_from);

      ${sealedTableTriggers('evidence_metadata')}
      ${sealedTableTriggers('evidence_derivations')}
    `);
  },
};
