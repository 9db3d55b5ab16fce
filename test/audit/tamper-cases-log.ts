// Tamper cases for the custody log itself and what vouches for it: the entries, the Merkle
// tree's stored nodes, the signed checkpoints and the users' signing keys.
import { createHash } from 'node:crypto';
import { swapRows, type TamperCase } from './tamper-matrix';

// Entries commit to a deletion's reason by hash; the words stay in the tombstone.
const reasonHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const SWAP_SEQ = (a: number, b: number) => `UPDATE custody_log SET seq = -1 WHERE seq = ${a}; UPDATE custody_log SET seq = ${a} WHERE seq = ${b}; UPDATE custody_log SET seq = ${b} WHERE seq = -1`;

export const LOG_CASES: TamperCase[] = [
  { table: 'custody_log', op: 'insert', what: 'an entry slipped in past the end', sql: 'INSERT INTO custody_log SELECT seq + 5, entry, hash, actor, action, subject FROM custody_log ORDER BY seq DESC LIMIT 1', codes: ['E_ENTRY_HASH_MISMATCH', 'E_ROOT_MISMATCH', 'E_SEQ_GAP'] },
  { table: 'custody_log', op: 'update', what: "a deletion's reason rewritten in its entry", sql: `UPDATE custody_log SET entry = replace(entry, '${reasonHash('imported twice')}', '${reasonHash('never imported')}') WHERE action = 'delete' AND subject = 'evidence:4'`, codes: ['E_CHAIN_BROKEN', 'E_ENTRY_HASH_MISMATCH', 'E_ROOT_MISMATCH', 'E_TOMBSTONE_ALTERED'], external: ['E_CHAIN_BROKEN', 'E_CONSISTENCY', 'E_ENTRY_HASH_MISMATCH', 'E_ROOT_MISMATCH', 'E_TOMBSTONE_ALTERED'] },
  { table: 'custody_log', op: 'delete', what: 'an entry in the middle removed', sql: "DELETE FROM custody_log WHERE action = 'delete' AND subject = 'incident:3'", codes: ['E_CHAIN_BROKEN', 'E_ROOT_MISMATCH', 'E_SEQ_GAP', 'E_TOMBSTONE_UNLOGGED'], external: ['E_CHAIN_BROKEN', 'E_CONSISTENCY', 'E_ROOT_MISMATCH', 'E_SEQ_GAP', 'E_TOMBSTONE_UNLOGGED'] },
  { table: 'custody_log', op: 'swap', what: 'two entries swapped', sql: SWAP_SEQ(5, 6), codes: ['E_CHAIN_BROKEN', 'E_ENTRY_HASH_MISMATCH', 'E_ROOT_MISMATCH'], external: ['E_CHAIN_BROKEN', 'E_CONSISTENCY', 'E_ENTRY_HASH_MISMATCH', 'E_ROOT_MISMATCH'] },

  { table: 'merkle_nodes', op: 'insert', what: 'a stored node the entries do not make', sql: 'INSERT INTO merkle_nodes VALUES (0, 999, zeroblob(32))', codes: ['E_ROOT_MISMATCH'] },
  { table: 'merkle_nodes', op: 'update', what: 'a stored leaf changed', sql: 'UPDATE merkle_nodes SET hash = zeroblob(32) WHERE level = 0 AND idx = 4', codes: ['E_ROOT_MISMATCH'] },
  { table: 'merkle_nodes', op: 'delete', what: 'a stored node removed', sql: 'DELETE FROM merkle_nodes WHERE level = 1 AND idx = 0', codes: ['E_ROOT_MISMATCH'] },
  { table: 'merkle_nodes', op: 'swap', what: 'two leaves swapped', sql: 'UPDATE merkle_nodes SET idx = -1 WHERE level = 0 AND idx = 2; UPDATE merkle_nodes SET idx = 2 WHERE level = 0 AND idx = 3; UPDATE merkle_nodes SET idx = 3 WHERE level = 0 AND idx = -1', codes: ['E_ROOT_MISMATCH'] },

  { table: 'checkpoints', op: 'insert', what: 'an unsigned checkpoint added', sql: "INSERT INTO checkpoints SELECT id + 1, tree_size, replace(checkpoint, '\"signature\":\"', '\"signature\":\"AA') FROM checkpoints ORDER BY id DESC LIMIT 1", codes: ['E_CHECKPOINT_SIGNATURE'] },
  { table: 'checkpoints', op: 'update', what: "a checkpoint's row size edited", sql: 'UPDATE checkpoints SET tree_size = 1 WHERE id = 2', codes: ['E_CHECKPOINT_ALTERED'] },
  { table: 'checkpoints', op: 'delete', what: 'an earlier checkpoint removed', sql: 'DELETE FROM checkpoints WHERE id = 1', codes: ['E_CHECKPOINT_MISSING'] },
  { table: 'checkpoints', op: 'swap', what: 'two checkpoints swapped', sql: 'UPDATE checkpoints SET id = -1 WHERE id = 1; UPDATE checkpoints SET id = 1 WHERE id = 2; UPDATE checkpoints SET id = 2 WHERE id = -1', codes: ['E_CHECKPOINT_ALTERED'] },

  { table: 'signing_keys', op: 'insert', what: 'a key for a user the log never gave one', sql: "INSERT INTO signing_keys (public_key, user_name, created_at) VALUES (randomblob(32), 'mallory', '2026-12-01T10:00:00.000Z')", codes: ['E_CHECKPOINT_KEY_UNKNOWN'] },
  { table: 'signing_keys', op: 'update', what: "a user's public key replaced", sql: "UPDATE signing_keys SET public_key = zeroblob(32) WHERE user_name = 'doc'", codes: ['E_CHECKPOINT_KEY_UNKNOWN'] },
  { table: 'signing_keys', op: 'delete', what: "a user's key removed", sql: "DELETE FROM signing_keys WHERE user_name = 'doc'", codes: ['E_SIGNING_KEY_MISSING'] },
  { table: 'signing_keys', op: 'swap', what: 'two users swap keys', sql: "UPDATE signing_keys SET user_name = '-' WHERE user_name = 'ana'; UPDATE signing_keys SET user_name = 'ana' WHERE user_name = 'doc'; UPDATE signing_keys SET user_name = 'doc' WHERE user_name = '-'", codes: ['E_BAD_VAULT_HEADER'], refusedAtOpen: true },
  // Each user's receiving key, to which a re-key seals the new database key: swapped, a removed
  // insider would be handed the next key.
  { table: 'box_keys', op: 'insert', what: 'a receiving key for a user the log never gave one', sql: "INSERT INTO box_keys VALUES ('mallory', randomblob(32), '2026-12-01T10:00:00.000Z')", codes: ['E_RECORD_UNLOGGED'] },
  { table: 'box_keys', op: 'update', what: "a user's receiving key replaced by the insider's", sql: "UPDATE box_keys SET public_key = randomblob(32) WHERE user_name = 'doc'", codes: ['E_RECORD_HASH_MISMATCH'] },
  { table: 'box_keys', op: 'delete', what: "a user's receiving key removed", sql: "DELETE FROM box_keys WHERE user_name = 'doc'", codes: ['E_RECORD_MISSING'] },
  { table: 'box_keys', op: 'swap', what: 'two users swap receiving keys', sql: swapRows('box_keys', ['public_key'], "user_name = 'ana'", "user_name = 'doc'"), codes: ['E_BAD_VAULT_HEADER'], refusedAtOpen: true },
];
