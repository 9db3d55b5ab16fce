// Tamper cases for the derived tables: the incident list index, the search index and the FTS5
// tables behind it. None is committed to by an entry; each is compared with the versions and
// tombstones it derives from, so any change that would hide or misdescribe an incident shows.
import { swapRows, type TamperCase, type TamperExemption } from './tamper-matrix';
import { IDS } from './tamper-vault';

const { edited: ONE, byDoc: TWO } = IDS;

export const DERIVED_CASES: TamperCase[] = [
  { table: 'incident_index', op: 'insert', what: 'a list row for an incident that does not exist', sql: `INSERT INTO incident_index SELECT 9, case_id, version, sha256, occurred_utc, occurred_at, place, risk_level, type, channel, reported, deleted, country, region, days_to_report, authorities, measures_requested, measures_granted FROM incident_index WHERE incident_id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_index', op: 'update', what: 'an incident shown as low risk in lists', sql: `UPDATE incident_index SET risk_level = 'low' WHERE incident_id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_index', op: 'update', what: "the programme's figures told an incident was reported to the police", sql: `UPDATE incident_index SET authorities = 'police', days_to_report = 1 WHERE incident_id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_index', op: 'update', what: "measures shown as granted in the programme's figures", sql: `UPDATE incident_index SET measures_granted = 1 WHERE incident_id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_index', op: 'delete', what: 'an incident hidden from every list', sql: `DELETE FROM incident_index WHERE incident_id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_index', op: 'swap', what: 'two incidents swap places in the list', sql: swapRows('incident_index', ['place', 'risk_level'], `incident_id = ${ONE}`, `incident_id = ${TWO}`), codes: ['E_DERIVED_STALE'] },

  { table: 'incident_search', op: 'insert', what: 'a deleted incident made findable again', sql: `INSERT INTO incident_search (rowid, place, verbatim, body) SELECT ${IDS.deleted}, place, verbatim, body FROM incident_search WHERE rowid = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search', op: 'update', what: 'the words of an incident changed in search', sql: `UPDATE incident_search SET verbatim = 'nada' WHERE rowid = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search', op: 'delete', what: 'a search-index row deleted: the incident no search finds', sql: `DELETE FROM incident_search WHERE rowid = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search', op: 'swap', what: 'two incidents swap their searchable text', sql: `UPDATE incident_search SET rowid = -1 WHERE rowid = ${ONE}; UPDATE incident_search SET rowid = ${ONE} WHERE rowid = ${TWO}; UPDATE incident_search SET rowid = ${TWO} WHERE rowid = -1`, codes: ['E_DERIVED_STALE'] },

  { table: 'incident_search_content', op: 'insert', what: 'stored text for a row the index does not know', sql: `INSERT INTO incident_search_content SELECT 9, c0, c1, c2 FROM incident_search_content WHERE id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_content', op: 'update', what: 'the stored text changed under the index', sql: `UPDATE incident_search_content SET c1 = 'nada' WHERE id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_content', op: 'delete', what: 'the stored text removed under the index', sql: `DELETE FROM incident_search_content WHERE id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_content', op: 'swap', what: 'two rows of stored text swapped under the index', sql: `UPDATE incident_search_content SET id = -1 WHERE id = ${ONE}; UPDATE incident_search_content SET id = ${ONE} WHERE id = ${TWO}; UPDATE incident_search_content SET id = ${TWO} WHERE id = -1`, codes: ['E_DERIVED_STALE'] },

  { table: 'incident_search_docsize', op: 'insert', what: 'a document size for a row that does not exist', sql: `INSERT INTO incident_search_docsize SELECT 9, sz FROM incident_search_docsize WHERE id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_docsize', op: 'update', what: 'a document size changed', sql: `UPDATE incident_search_docsize SET sz = x'010101' WHERE id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_docsize', op: 'delete', what: 'a document size removed', sql: `DELETE FROM incident_search_docsize WHERE id = ${ONE}`, codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_docsize', op: 'swap', what: 'two document sizes swapped', sql: `UPDATE incident_search_docsize SET id = -1 WHERE id = ${ONE}; UPDATE incident_search_docsize SET id = ${ONE} WHERE id = ${TWO}; UPDATE incident_search_docsize SET id = ${TWO} WHERE id = -1`, codes: ['E_DERIVED_STALE'] },

  { table: 'incident_search_data', op: 'update', what: 'an index segment rewritten', sql: 'UPDATE incident_search_data SET block = zeroblob(length(block)) WHERE id = (SELECT max(id) FROM incident_search_data)', codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_data', op: 'delete', what: 'an index segment removed', sql: 'DELETE FROM incident_search_data WHERE id = (SELECT max(id) FROM incident_search_data)', codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_data', op: 'swap', what: 'the structure record and the averages swapped', sql: 'UPDATE incident_search_data SET id = -1 WHERE id = 1; UPDATE incident_search_data SET id = 1 WHERE id = 10; UPDATE incident_search_data SET id = 10 WHERE id = -1', codes: ['E_DERIVED_STALE'] },

  { table: 'incident_search_idx', op: 'update', what: 'a term moved to another page', sql: 'UPDATE incident_search_idx SET pgno = pgno + 7 WHERE (segid, term) = (SELECT segid, term FROM incident_search_idx ORDER BY segid DESC, term DESC LIMIT 1)', codes: ['E_DERIVED_STALE'] },

  { table: 'incident_search_config', op: 'update', what: "the index's format version changed", sql: "UPDATE incident_search_config SET v = 99 WHERE k = 'version'", codes: ['E_DERIVED_STALE'] },
  { table: 'incident_search_config', op: 'delete', what: "the index's format version removed", sql: "DELETE FROM incident_search_config WHERE k = 'version'", codes: ['E_DERIVED_STALE'] },
];

// FTS5's integrity check re-derives every term of every stored row and looks each up through the
// index, and checks the index holds nothing more: when it passes, every search answers as the
// stored text says, and that text is compared with the incidents row by row. These changes pass
// it, so they change no answer a search gives; every change that does is a case above.
const FTS_HARMLESS = 'FTS5 integrity-check passes, so no search result changes (see DERIVED_EXEMPTIONS comment)';

export const DERIVED_EXEMPTIONS: TamperExemption[] = [
  { table: 'incident_search_data', ops: ['insert'], why: `a block no segment of the structure record names is never read: ${FTS_HARMLESS}` },
  { table: 'incident_search_idx', ops: ['insert', 'delete', 'swap'], why: `the term index of a one-page segment is not consulted: ${FTS_HARMLESS}` },
  { table: 'incident_search_config', ops: ['insert', 'swap'], why: `a known option (pgsz, automerge, ...) only shapes later writes, an unknown one makes the table unreadable (the update case); one row, nothing to swap: ${FTS_HARMLESS}` },
];
