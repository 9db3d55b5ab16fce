// The attacks issue 10 found passing `log verify`, each as the insider ran it, with the code that
// now names it (the matrix files hold the same tables' other operations).
import type { TamperCase } from './tamper-matrix';
import { IDS } from './tamper-vault';

const AT = "'2026-12-01T10:00:00.000Z'";

export const ATTACK_CASES: TamperCase[] = [
  { table: 'evidence', op: 'delete', what: 'issue 10: a whole evidence item deleted, its rows, objects and metadata', sql: `DELETE FROM evidence_objects WHERE evidence_id = ${IDS.photo}; DELETE FROM evidence_metadata WHERE evidence_id = ${IDS.photo}; DELETE FROM evidence WHERE id = ${IDS.photo}`, codes: ['E_RECORD_MISSING'] },
  { table: 'tombstones', op: 'insert', what: 'issue 10: a photo hidden from lists and dossiers by a tombstone', sql: `INSERT INTO tombstones VALUES ('evidence', ${IDS.photo}, 'x', ${AT}, 'ana')`, codes: ['E_TOMBSTONE_UNLOGGED'] },
  { table: 'tombstones', op: 'insert', what: 'issue 10: a case hidden by a tombstone', sql: `INSERT INTO tombstones VALUES ('case', ${IDS.openCase}, 'x', ${AT}, 'ana')`, codes: ['E_TOMBSTONE_UNLOGGED'] },
  { table: 'tombstones', op: 'delete', what: 'issue 10: a deleted evidence item brought back', sql: `DELETE FROM tombstones WHERE subject_type = 'evidence' AND subject_id = ${IDS.deletedEvidence}`, codes: ['E_TOMBSTONE_MISSING'] },
  { table: 'tombstones', op: 'delete', what: 'issue 10: a deleted incident brought back (tombstone only)', sql: `DELETE FROM tombstones WHERE subject_type = 'incident' AND subject_id = ${IDS.deleted}`, codes: ['E_DERIVED_STALE', 'E_TOMBSTONE_MISSING'] },
  { table: 'incident_versions', op: 'update', what: 'issue 10: an old incident version rewritten (body only)', sql: `UPDATE incident_versions SET body = replace(body, 'desaparecer', 'visitar') WHERE incident_id = ${IDS.edited} AND version = 1`, codes: ['E_VERSION_ALTERED'] },
  { table: 'incident_search', op: 'delete', what: 'issue 10: a search-index row deleted, hiding an incident from search', sql: `DELETE FROM incident_search WHERE rowid = ${IDS.byDoc}`, codes: ['E_DERIVED_STALE'] },
  { table: 'vault_meta', op: 'update', what: "issue 10: vault_meta.organisation edited, the name on the next dossier", sql: "UPDATE vault_meta SET value = 'Empresa Minera SA' WHERE key = 'organisation'", codes: ['E_SETTING_ALTERED'] },
];
