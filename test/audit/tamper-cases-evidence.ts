// Tamper cases for evidence: the items, their chunks, the media metadata sealed with them and the
// link from an exhibit to its original.
import { swapRows, type TamperCase } from './tamper-matrix';
import { IDS } from './tamper-vault';

const { textEvidence: TEXT, photo: PHOTO, exhibit: EXHIBIT, deletedEvidence: DELETED } = IDS;

export const EVIDENCE_CASES: TamperCase[] = [
  { table: 'evidence', op: 'insert', what: 'an item (row and chunk) no seal entry made', sql: `INSERT INTO evidence SELECT 9, incident_id, sha256, bytes, media_type, 'nuevo.txt', acquisition, chunk_size, chunk_count, imported_at, imported_by FROM evidence WHERE id = ${DELETED}; INSERT INTO evidence_chunks SELECT 9, seq, data FROM evidence_chunks WHERE evidence_id = ${DELETED}`, codes: ['E_RECORD_UNLOGGED'] },
  { table: 'evidence', op: 'update', what: 'an item renamed', sql: `UPDATE evidence SET original_name = 'otra.txt' WHERE id = ${TEXT}`, codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'evidence', op: 'delete', what: 'a whole item removed: its row and every chunk', sql: `DELETE FROM evidence_chunks WHERE evidence_id = ${TEXT}; DELETE FROM evidence WHERE id = ${TEXT}`, codes: ['E_RECORD_MISSING'] },
  { table: 'evidence', op: 'swap', what: 'two items swap who handed them over', sql: swapRows('evidence', ['acquisition'], `id = ${TEXT}`, `id = ${DELETED}`), codes: ['E_RECORD_HASH_MISMATCH'] },

  { table: 'evidence_chunks', op: 'insert', what: 'a chunk appended to a sealed item', sql: `INSERT INTO evidence_chunks VALUES (${TEXT}, 99, x'00')`, codes: ['E_EVIDENCE_HASH_MISMATCH'] },
  { table: 'evidence_chunks', op: 'insert', what: 'chunks stored for an item that does not exist', sql: 'INSERT INTO evidence_chunks VALUES (99, 0, x\'00\')', codes: ['E_RECORD_UNLOGGED'] },
  { table: 'evidence_chunks', op: 'update', what: 'bytes of a chunk changed', sql: `UPDATE evidence_chunks SET data = zeroblob(length(data)) WHERE evidence_id = ${TEXT} AND seq = 1`, codes: ['E_EVIDENCE_HASH_MISMATCH'] },
  { table: 'evidence_chunks', op: 'delete', what: 'a chunk removed', sql: `DELETE FROM evidence_chunks WHERE evidence_id = ${TEXT} AND seq = 2`, codes: ['E_EVIDENCE_HASH_MISMATCH'] },
  { table: 'evidence_chunks', op: 'swap', what: 'the last two chunks of an item swapped', sql: `UPDATE evidence_chunks SET seq = -1 WHERE evidence_id = ${TEXT} AND seq = 2; UPDATE evidence_chunks SET seq = 2 WHERE evidence_id = ${TEXT} AND seq = 3; UPDATE evidence_chunks SET seq = 3 WHERE evidence_id = ${TEXT} AND seq = -1`, codes: ['E_EVIDENCE_HASH_MISMATCH'] },

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
