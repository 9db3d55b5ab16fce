// Tamper cases for the records an insider would most want to change: users, cases and their
// status history, incidents and every version, drafts, tombstones and the vault's settings.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/custody/canonical-json';
import { incidentBodyHash } from '../../main/custody/record-hash';
import { INCIDENT } from '../vault/fixture';
import { swapRows, type TamperCase } from './tamper-matrix';
import { IDS } from './tamper-vault';

const AT = "'2026-12-01T10:00:00.000Z'";
/** Version 1 of incident 1 as the insider would have it: a forged body with a matching stored hash. */
const forged = canonicalJson({ ...INCIDENT, verbatim: 'Nos saludó en la calle' });
const FORGED_V1 = `UPDATE incident_versions SET body = '${forged}', sha256 = '${incidentBodyHash(forged)}' WHERE incident_id = ${IDS.edited} AND version = 1`;
/** The insider hides what they did from lists and search too (the derived rows agree again). */
const HIDE_INCIDENT_2 = `UPDATE incident_index SET deleted = 1 WHERE incident_id = ${IDS.byDoc}; DELETE FROM incident_search WHERE rowid = ${IDS.byDoc}`;

export const RECORD_CASES: TamperCase[] = [
  { table: 'users', op: 'insert', what: 'an admin added without a user_add entry', sql: `INSERT INTO users (name, role, created_at, created_by) VALUES ('mallory', 'admin', ${AT}, 'ana')`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'users', op: 'update', what: 'a documenter made admin', sql: "UPDATE users SET role = 'admin' WHERE name = 'doc'", codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'users', op: 'delete', what: 'a user removed', sql: "DELETE FROM users WHERE name = 'doc'", codes: ['E_RECORD_MISSING'] },
  { table: 'users', op: 'swap', what: 'two users swap roles', sql: "UPDATE users SET role = CASE name WHEN 'ana' THEN 'documenter' ELSE 'admin' END", codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'cases', op: 'insert', what: 'a case no entry created', sql: `INSERT INTO cases VALUES (9, 'Caso fantasma', ${AT}, 'ana')`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'cases', op: 'update', what: 'a case renamed', sql: `UPDATE cases SET title = 'Otro' WHERE id = ${IDS.openCase}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'cases', op: 'delete', what: 'a case and its status history removed', sql: `DELETE FROM case_status WHERE case_id = ${IDS.closedCase}; DELETE FROM cases WHERE id = ${IDS.closedCase}`, codes: ['E_RECORD_MISSING'] },
  { table: 'cases', op: 'swap', what: 'two cases swap titles', sql: `UPDATE cases SET title = CASE id WHEN 1 THEN 'Vigilancia sede' ELSE 'Amenazas km 108' END`, codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'case_status', op: 'insert', what: 'a closed case reopened without a case_edit entry', sql: `INSERT INTO case_status VALUES (${IDS.closedCase}, 4, 'open', ${AT}, 'ana')`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'case_status', op: 'update', what: 'who closed a case rewritten', sql: `UPDATE case_status SET changed_by = 'doc' WHERE case_id = ${IDS.closedCase} AND change = 1`, codes: ['E_STATUS_HISTORY_ALTERED'] },
  { table: 'case_status', op: 'delete', what: 'the latest closing removed (the case reads open)', sql: `DELETE FROM case_status WHERE case_id = ${IDS.closedCase} AND change = 3`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'case_status', op: 'swap', what: 'the first two changes swapped (still closed now)', sql: `UPDATE case_status SET status = CASE change WHEN 1 THEN 'open' ELSE 'closed' END WHERE case_id = ${IDS.closedCase} AND change IN (1, 2)`, codes: ['E_STATUS_HISTORY_ALTERED'] },

  { table: 'incidents', op: 'insert', what: 'an incident head no entry created', sql: `INSERT INTO incidents VALUES (9, ${IDS.openCase}, ${AT}, 'ana')`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'incidents', op: 'update', what: 'an incident moved to another case, list index updated too', sql: `UPDATE incidents SET case_id = ${IDS.closedCase} WHERE id = ${IDS.byDoc}; UPDATE incident_index SET case_id = ${IDS.closedCase} WHERE incident_id = ${IDS.byDoc}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'incidents', op: 'delete', what: 'an incident removed with its versions and derived rows, no tombstone', sql: `DELETE FROM incident_search WHERE rowid = ${IDS.byDoc}; DELETE FROM incident_index WHERE incident_id = ${IDS.byDoc}; DELETE FROM incident_versions WHERE incident_id = ${IDS.byDoc}; DELETE FROM incidents WHERE id = ${IDS.byDoc}`, codes: ['E_RECORD_MISSING'] },
  { table: 'incidents', op: 'swap', what: 'two incidents swap authors', sql: `UPDATE incidents SET created_by = CASE id WHEN ${IDS.edited} THEN 'doc' ELSE 'ana' END WHERE id IN (${IDS.edited}, ${IDS.byDoc})`, codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'incident_versions', op: 'insert', what: 'a version 3 no entry created, list index pointed at it', sql: `INSERT INTO incident_versions SELECT incident_id, 3, body, sha256, saved_at, saved_by FROM incident_versions WHERE incident_id = ${IDS.edited} AND version = 1; UPDATE incident_index SET version = 3, risk_level = 'high' WHERE incident_id = ${IDS.edited}; UPDATE incident_index SET sha256 = (SELECT sha256 FROM incident_versions WHERE incident_id = ${IDS.edited} AND version = 1) WHERE incident_id = ${IDS.edited}`, codes: ['E_DERIVED_STALE', 'E_RECORD_UNLOGGED'] },
  { table: 'incident_versions', op: 'update', what: 'an old version rewritten with a matching stored hash', sql: FORGED_V1, codes: ['E_VERSION_ALTERED'] },
  { table: 'incident_versions', op: 'delete', what: 'the latest version removed (the incident rolled back)', sql: `DELETE FROM incident_versions WHERE incident_id = ${IDS.edited} AND version = 2`, codes: ['E_DERIVED_STALE', 'E_RECORD_MISSING'] },
  { table: 'incident_versions', op: 'swap', what: 'two incidents swap their current bodies', sql: swapRows('incident_versions', ['body', 'sha256'], `incident_id = ${IDS.edited} AND version = 2`, `incident_id = ${IDS.byDoc}`), codes: ['E_DERIVED_STALE', 'E_RECORD_HASH_MISMATCH'] },

  { table: 'tombstones', op: 'insert', what: 'an incident hidden behind a tombstone no delete entry made, lists and search cleaned', sql: `INSERT INTO tombstones VALUES ('incident', ${IDS.byDoc}, 'duplicado', ${AT}, 'ana'); ${HIDE_INCIDENT_2}`, codes: ['E_TOMBSTONE_UNLOGGED'] },
  { table: 'tombstones', op: 'update', what: 'the reason of a deletion rewritten', sql: `UPDATE tombstones SET reason = 'pedido de la víctima' WHERE subject_type = 'incident'`, codes: ['E_TOMBSTONE_ALTERED'] },
  { table: 'tombstones', op: 'delete', what: 'a deleted incident brought back, in lists and search too', sql: `DELETE FROM tombstones WHERE subject_type = 'incident' AND subject_id = ${IDS.deleted}; UPDATE incident_index SET deleted = 0 WHERE incident_id = ${IDS.deleted}; INSERT INTO incident_search (rowid, place, verbatim, body) SELECT ${IDS.deleted}, place, verbatim, body FROM incident_search WHERE rowid = ${IDS.edited}`, codes: ['E_DERIVED_STALE', 'E_TOMBSTONE_MISSING'] },
  { table: 'tombstones', op: 'swap', what: 'two deletions swap reasons', sql: "UPDATE tombstones SET reason = CASE subject_type WHEN 'incident' THEN 'imported twice' ELSE 'duplicate of incident 1' END", codes: ['E_TOMBSTONE_ALTERED'] },

  { table: 'drafts', op: 'insert', what: 'a draft for another user no draft_save made', sql: `INSERT INTO drafts (case_id, draft_key, body, saved_at, saved_by) VALUES (1, 'new:1', '{}', ${AT}, 'doc')`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'drafts', op: 'update', what: 'a draft rewritten', sql: "UPDATE drafts SET body = '{\"place\":\"otra\"}' WHERE draft_key = 'new:1'", codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'drafts', op: 'delete', what: 'a draft removed without a discard entry', sql: "DELETE FROM drafts WHERE draft_key = 'new:1'", codes: ['E_RECORD_MISSING'] },
  { table: 'drafts', op: 'swap', what: 'two drafts swap bodies', sql: swapRows('drafts', ['body'], "draft_key = 'new:1'", "draft_key = 'incident:1'"), codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'vault_meta', op: 'insert', what: 'a setting no entry accounts for', sql: "INSERT INTO vault_meta VALUES ('dossier_footer', 'x')", codes: ['E_SETTING_ALTERED'] },
  { table: 'vault_meta', op: 'update', what: "the organisation's name (it goes on every dossier) edited", sql: "UPDATE vault_meta SET value = 'Otra ONG' WHERE key = 'organisation'", codes: ['E_SETTING_ALTERED'] },
  { table: 'vault_meta', op: 'delete', what: "the organisation's name removed", sql: "DELETE FROM vault_meta WHERE key = 'organisation'", codes: ['E_SETTING_ALTERED'] },
  { table: 'vault_meta', op: 'swap', what: 'organisation and creation time swapped (the vault id is bound to the key header: a vault whose id changed does not open)', sql: swapRows('vault_meta', ['value'], "key = 'organisation'", "key = 'created_at'"), codes: ['E_SETTING_ALTERED'] },

  // Free text the log commits to by hash (a read's purpose): the words stay in the vault.
  { table: 'custody_texts', op: 'insert', what: 'a text no entry committed to', sql: `INSERT INTO custody_texts VALUES ('${createHash('sha256').update('nunca se dijo').digest('hex')}', 'nunca se dijo')`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'custody_texts', op: 'update', what: "a read's purpose rewritten", sql: "UPDATE custody_texts SET text = 'sin motivo' WHERE text = 'copia para la fiscalía'", codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'custody_texts', op: 'delete', what: "a read's purpose removed", sql: "DELETE FROM custody_texts WHERE text = 'copia para la fiscalía'", codes: ['E_RECORD_MISSING'] },
  { table: 'custody_texts', op: 'swap', what: 'two purposes swapped', sql: swapRows('custody_texts', ['text'], "text = 'copia para la fiscalía'", "text = 'revisión de la abogada'"), codes: ['E_RECORD_HASH_MISMATCH'] },
];
