// What the programme's figures count (issue 12: the numbers organisations report to funders),
// kept in the list index so a dashboard over 100,000 incidents reads no incident body: the
// region and country, the days from the incident to its first dated complaint, the authorities
// told, and whether measures
// were requested and granted. Backfilled here from each incident's current version exactly as
// main/records/incident-index.ts derives them (log verify compares the two). Never edit after
// release; add a migration.
import type { Migration } from './migration';

export const migration: Migration = {
  version: 11,
  name: 'programme-figures',
  async up(db) {
    await db.exec(`
      ALTER TABLE incident_index ADD COLUMN country TEXT;
      ALTER TABLE incident_index ADD COLUMN region TEXT;
      ALTER TABLE incident_index ADD COLUMN days_to_report INTEGER;  -- from occurredAt's own date to the earliest reportedTo[].on
      ALTER TABLE incident_index ADD COLUMN authorities TEXT NOT NULL DEFAULT '';  -- distinct, sorted, space-separated
      ALTER TABLE incident_index ADD COLUMN measures_requested INTEGER NOT NULL DEFAULT 0 CHECK (measures_requested IN (0, 1));
      ALTER TABLE incident_index ADD COLUMN measures_granted INTEGER NOT NULL DEFAULT 0 CHECK (measures_granted IN (0, 1));
    `);
    await db.exec(`
      UPDATE incident_index SET
        country = (SELECT json_extract(v.body, '$.placeDetail.country') FROM incident_versions v WHERE v.incident_id = incident_index.incident_id AND v.version = incident_index.version),
        region = (SELECT json_extract(v.body, '$.placeDetail.region') FROM incident_versions v WHERE v.incident_id = incident_index.incident_id AND v.version = incident_index.version),
        days_to_report = (SELECT CAST(round(julianday(min(json_extract(r.value, '$.on'))) - julianday(substr(v.body ->> '$.occurredAt', 1, 10))) AS INTEGER)
          FROM incident_versions v, json_each(v.body, '$.reportedTo') r
          WHERE v.incident_id = incident_index.incident_id AND v.version = incident_index.version),
        authorities = coalesce((SELECT group_concat(a, ' ') FROM (
          SELECT DISTINCT json_extract(r.value, '$.authority') AS a FROM incident_versions v, json_each(v.body, '$.reportedTo') r
          WHERE v.incident_id = incident_index.incident_id AND v.version = incident_index.version ORDER BY a)), ''),
        measures_requested = coalesce((SELECT length(json_extract(v.body, '$.measuresRequested')) > 0 FROM incident_versions v
          WHERE v.incident_id = incident_index.incident_id AND v.version = incident_index.version), 0),
        measures_granted = EXISTS (SELECT 1 FROM incident_versions v, json_each(v.body, '$.reportedTo') r
          WHERE v.incident_id = incident_index.incident_id AND v.version = incident_index.version AND json_extract(r.value, '$.status') = 'measures_granted');
    `);
    await db.exec(`
      -- The programme's figures walk this one in their group order: no sort, no table row read;
      -- a period is filtered on its last column.
      CREATE INDEX incident_index_programme ON incident_index(deleted, country, region, authorities, measures_requested, measures_granted, days_to_report, occurred_utc);
    `);
  },
};
