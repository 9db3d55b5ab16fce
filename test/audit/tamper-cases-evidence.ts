// Tamper cases for evidence: the items, their object rows, the media metadata sealed with them and
// the link from an exhibit to its original (the objects' files: tamper-evidence.test.ts).
import { swapRows, type TamperCase } from './tamper-matrix';
import { IDS } from './tamper-vault';

const { textEvidence: TEXT, photo: PHOTO, exhibit: EXHIBIT, deletedEvidence: DELETED } = IDS;

export const EVIDENCE_CASES: TamperCase[] = [
  // The insider can copy rows but not make objects for a new place: they fail their tag there.
  { table: 'evidence', op: 'insert', what: 'an item (row and objects) no seal entry made', sql: `INSERT INTO evidence SELECT 9, incident_id, sha256, bytes, media_type, 'nuevo.txt', acquisition, chunk_size, chunk_count, imported_at, imported_by FROM evidence WHERE id = ${DELETED}; INSERT INTO evidence_objects SELECT 9, seq, name, key FROM evidence_objects WHERE evidence_id = ${DELETED}`, codes: ['E_OBJECT_ALTERED', 'E_RECORD_UNLOGGED'] },
  { table: 'evidence', op: 'update', what: 'an item renamed', sql: `UPDATE evidence SET original_name = 'otra.txt' WHERE id = ${TEXT}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  // Its objects, named by nothing, are swept at the next unlock (a storage entry): only the loss is reported.
  { table: 'evidence', op: 'delete', what: 'a whole item removed: its row and every object row', sql: `DELETE FROM evidence_objects WHERE evidence_id = ${TEXT}; DELETE FROM evidence WHERE id = ${TEXT}`, codes: ['E_RECORD_MISSING'] },
  { table: 'evidence', op: 'swap', what: 'two items swap who handed them over', sql: swapRows('evidence', ['acquisition'], `id = ${TEXT}`, `id = ${DELETED}`), codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'evidence_objects', op: 'insert', what: "one of the item's own objects appended as a further chunk", sql: `INSERT INTO evidence_objects SELECT evidence_id, 99, name, key FROM evidence_objects WHERE evidence_id = ${TEXT} AND seq = 0`, codes: ['E_OBJECT_ALTERED'] },
  { table: 'evidence_objects', op: 'insert', what: 'object rows for an item that does not exist', sql: `INSERT INTO evidence_objects SELECT 99, seq, name, key FROM evidence_objects WHERE evidence_id = ${TEXT}`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'evidence_objects', op: 'update', what: "a chunk pointed at another item's object, with its key", sql: `UPDATE evidence_objects SET (name, key) = (SELECT name, key FROM evidence_objects WHERE evidence_id = ${DELETED} AND seq = 0) WHERE evidence_id = ${TEXT} AND seq = 1`, codes: ['E_OBJECT_ALTERED'] },
  { table: 'evidence_objects', op: 'update', what: "an object's key replaced", sql: `UPDATE evidence_objects SET key = zeroblob(32) WHERE evidence_id = ${TEXT} AND seq = 1`, codes: ['E_OBJECT_ALTERED'] },
  { table: 'evidence_objects', op: 'delete', what: 'an object row removed', sql: `DELETE FROM evidence_objects WHERE evidence_id = ${TEXT} AND seq = 2`, codes: ['E_EVIDENCE_HASH_MISMATCH'] },
  { table: 'evidence_objects', op: 'swap', what: 'the last two chunks of an item swapped', sql: `UPDATE evidence_objects SET seq = -1 WHERE evidence_id = ${TEXT} AND seq = 2; UPDATE evidence_objects SET seq = 2 WHERE evidence_id = ${TEXT} AND seq = 3; UPDATE evidence_objects SET seq = 3 WHERE evidence_id = ${TEXT} AND seq = -1`, codes: ['E_OBJECT_ALTERED'] },

  { table: 'evidence_metadata', op: 'insert', what: 'metadata given to an item sealed without any', sql: `INSERT INTO evidence_metadata SELECT ${TEXT}, body FROM evidence_metadata WHERE evidence_id = ${PHOTO}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence_metadata', op: 'insert', what: 'metadata stored for an item that does not exist', sql: `INSERT INTO evidence_metadata SELECT 99, body FROM evidence_metadata WHERE evidence_id = ${PHOTO}`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'evidence_metadata', op: 'update', what: 'the GPS position of a photo edited', sql: `UPDATE evidence_metadata SET body = replace(body, '"outcome"', '"outcome" ') WHERE evidence_id = ${PHOTO}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence_metadata', op: 'delete', what: 'the sealed metadata of a photo removed', sql: `DELETE FROM evidence_metadata WHERE evidence_id = ${PHOTO}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence_metadata', op: 'swap', what: 'original and exhibit swap metadata', sql: swapRows('evidence_metadata', ['body'], `evidence_id = ${PHOTO}`, `evidence_id = ${EXHIBIT}`), codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'evidence_derivations', op: 'insert', what: 'an original passed off as an exhibit of another item', sql: `INSERT INTO evidence_derivations VALUES (${TEXT}, ${PHOTO}, 'strip-metadata')`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence_derivations', op: 'update', what: "an exhibit's operation rewritten", sql: `UPDATE evidence_derivations SET operation = 'none' WHERE evidence_id = ${EXHIBIT}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence_derivations', op: 'delete', what: 'an exhibit cut from its original', sql: `DELETE FROM evidence_derivations WHERE evidence_id = ${EXHIBIT}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence_derivations', op: 'swap', what: 'exhibit and original swap places', sql: `UPDATE evidence_derivations SET evidence_id = ${PHOTO}, derived_from = ${EXHIBIT} WHERE evidence_id = ${EXHIBIT}`, codes: ['E_RECORD_HASH_MISMATCH'] },
];
