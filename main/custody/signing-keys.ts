// Each user's Ed25519 key is theirs alone: the secret half is sealed in their own key slot and
// reaches memory only when they unlock (accounts/vault-session.ts), so only their own session
// can sign as them. The vault keeps the public halves, every key a user ever had, and the
// custody log announces each one, so swapping a key in the table is caught by `log verify`.
import type { Database } from '../vault/database';
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from './custody-log';
import { parseStoredEntry } from './stored-entry';

export interface SigningKey {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

// The unlocked user's key, by the connection of their session: the database never holds it.
const held = new WeakMap<Database, { userName: string; key: SigningKey }>();

/** Makes the session's own key the one its connection signs with. */
export function holdSigningKey(db: Database, userName: string, key: SigningKey): void {
  held.set(db, { userName, key });
}

/** Forgets the key when the session closes (the seed is zeroed). */
export function releaseSigningKey(db: Database): void {
  held.get(db)?.key.secretKey.fill(0);
  held.delete(db);
}

/**
 * Records a new public key for a user and announces it in the log; `details` says why (created
 * at activation, rotated because an old key was exposed, ...).
 */
export async function recordSigningKey(tx: Database, userName: string, publicKey: Uint8Array, details: Record<string, unknown>): Promise<void> {
  await tx.run('INSERT INTO signing_keys (public_key, user_name, created_at) VALUES (?, ?, ?)', [Buffer.from(publicKey), userName, new Date().toISOString()]);
  await appendCustody(tx, {
    actor: userName,
    action: 'key_change',
    subject: `user:${userName}`,
    details: { ...details, publicKey: toHex(publicKey), fingerprint: keyFingerprint(publicKey) },
  });
}

/** The signing key of the session open on db, if it is userName's; no one can load another user's key. */
export function loadSigningKey(db: Database, userName: string): Promise<SigningKey> {
  const mine = held.get(db);
  if (mine?.userName !== userName) {
    return Promise.reject(new CustodiaError('E_NO_SIGNING_KEY', `only ${userName}'s own unlocked session can sign as ${userName}`));
  }
  return Promise.resolve({ publicKey: mine.key.publicKey, secretKey: mine.key.secretKey });
}

/** The user's current public key (the newest they were given), or null before activation. */
export async function currentPublicKey(db: Database, userName: string): Promise<{ publicKey: Uint8Array; createdAt: string } | null> {
  const row = await db.get<{ public_key: Buffer; created_at: string }>(
    'SELECT public_key, created_at FROM signing_keys WHERE user_name = ? ORDER BY created_at DESC, rowid DESC LIMIT 1', [userName]);
  return row ? { publicKey: new Uint8Array(row.public_key), createdAt: row.created_at } : null;
}

/** Public keys the log itself vouches for (key_change entries), by hex key → user name. */
export async function loggedPublicKeys(db: Database): Promise<Map<string, string>> {
  // A range over the subject index: user entries are few, the log may hold millions.
  const rows = await db.all<{ entry: string }>(
    "SELECT entry FROM custody_log WHERE subject >= 'user:' AND subject < 'user;' AND action = 'key_change' ORDER BY seq");
  const keys = new Map<string, string>();
  for (const { entry } of rows) {
    const e = parseStoredEntry(entry);
    if (typeof e.details.publicKey === 'string') keys.set(e.details.publicKey, e.subject.replace(/^user:/, ''));
  }
  return keys;
}
