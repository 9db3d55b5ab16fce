// The incident list index (main/records/incident-index.ts): a summary of the current version of
// each incident, so a page of 100,000 incidents is one indexed query, not a parse of every
// version. Derived data, rebuilt here from the versions; not committed to by custody entries.
// Also a draft key, so the app's form autosave finds its draft again. Never edit after release:
// the backfill is SQL of its own, so a later change to the records code cannot change how an old
// vault migrates.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 4,
  name: 'incident-index',
  async up(db) {
    await db.exec(`
      CREATE TABLE incident_index (
        incident_id INTEGER PRIMARY KEY REFERENCES incidents(id),
        case_id INTEGER NOT NULL REFERENCES cases(id),
        version INTEGER NOT NULL,           -- the current version, the one the row describes
        sha256 TEXT NOT NULL,               -- of that version's canonical body (what custody committed to)
        occurred_utc TEXT NOT NULL,         -- occurredAt as a UTC ISO instant with milliseconds: sorts as text
        occurred_at TEXT NOT NULL,          -- occurredAt as recorded (its offset-local month groups the dashboard)
        place TEXT NOT NULL,
        risk_level TEXT NOT NULL,
        type TEXT NOT NULL,
        channel TEXT NOT NULL,
        reported INTEGER NOT NULL CHECK (reported IN (0, 1)),  -- reportedTo is non-empty
        deleted INTEGER NOT NULL CHECK (deleted IN (0, 1))
      ) STRICT;
      CREATE INDEX evidence_incident ON evidence(incident_id);

      ALTER TABLE drafts ADD COLUMN draft_key TEXT;
      CREATE INDEX drafts_key ON drafts(saved_by, draft_key, id);
    `);
    // Indexes after the backfill: one sort each instead of 100,000 random b-tree inserts, which
    // with 64 KiB encrypted pages and a small page cache cost minutes on a large vault.
    await db.exec(`
      INSERT INTO incident_index (incident_id, case_id, version, sha256, occurred_utc, occurred_at, place, risk_level, type, channel, reported, deleted)
      SELECT i.id, i.case_id, v.version, v.sha256,
        strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(v.body, '$.occurredAt')),
        json_extract(v.body, '$.occurredAt'), json_extract(v.body, '$.place'), json_extract(v.body, '$.riskLevel'),
        json_extract(v.body, '$.type'), json_extract(v.body, '$.channel'),
        coalesce(json_array_length(v.body, '$.reportedTo'), 0) > 0,
        EXISTS (SELECT 1 FROM tombstones t WHERE t.subject_type = 'incident' AND t.subject_id = i.id)
      FROM incidents i JOIN incident_versions v ON v.incident_id = i.id
        AND v.version = (SELECT max(version) FROM incident_versions w WHERE w.incident_id = i.id)
      ORDER BY i.id;
    `);
    await db.exec(`
      -- Both cover every filter column, so any filter and its count walk one index in time order
      -- without reading table rows: each such read is a random encrypted 64 KiB page, and
      -- per-column indexes cost a read per matching incident. The time index also holds all a
      -- list row shows, so the first page after unlock reads a few index pages and nothing else.
      CREATE INDEX incident_index_time ON incident_index(deleted, occurred_utc, incident_id, case_id, version, risk_level, type, channel, reported, occurred_at, place, sha256);
      CREATE INDEX incident_index_case ON incident_index(deleted, case_id, occurred_utc, incident_id, version, risk_level, type, channel, reported);
      -- The dashboard's counts walk this one in group order: no sort, no table row read.
      CREATE INDEX incident_index_stats ON incident_index(deleted, substr(occurred_at, 1, 7), risk_level, type, reported);
    `);
  },
};
