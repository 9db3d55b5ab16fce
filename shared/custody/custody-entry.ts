// One custody log entry (main/custody/README.md). Its RFC 8785 canonical JSON is what is
// hashed into the chain and into the Merkle tree, so the field set here is a format: never
// rename a field, only add optional ones in a new format version.
import { toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical-json';
import { leafHash } from './merkle';
import { sha256, type HashFn } from './sha256';
import type { CustodyAction } from '../vocabulary/custody-actions';

export { CUSTODY_ACTIONS, type CustodyAction } from '../vocabulary/custody-actions';

export interface CustodyEntry {
  /** 1-based; leaf index in the Merkle tree is seq - 1. */
  seq: number;
  /** ISO 8601 UTC time the entry was appended. */
  at: string;
  /** User name of whoever acted. */
  actor: string;
  action: CustodyAction;
  /** What the entry is about, e.g. `incident:3`, `evidence:7`, `user:ana`, `vault`. */
  subject: string;
  /** Action-specific facts; always includes the sha256 of the content concerned when there is one. */
  details: Record<string, unknown>;
  /** Lowercase hex SHA-256 of the previous entry's canonical bytes; 64 zeros for the first. */
  prev: string;
}

export const GENESIS_PREV = '0'.repeat(64);

/** The entry's RFC 8785 canonical JSON in UTF-8: what is chained, hashed and made a Merkle leaf. */
export function entryBytes(e: CustodyEntry): Uint8Array {
  return utf8(canonicalJson(e));
}

/** Lowercase hex SHA-256 of entryBytes(e): the value the next entry's `prev` holds. */
export function entryHash(e: CustodyEntry, hash: HashFn = sha256): string {
  return toHex(hash(entryBytes(e)));
}

/** The entry's Merkle leaf hash, H(0x00 || entryBytes(e)); its leaf index is seq - 1. */
export function entryLeafHash(e: CustodyEntry, hash: HashFn = sha256): Uint8Array {
  return leafHash(entryBytes(e), hash);
}
