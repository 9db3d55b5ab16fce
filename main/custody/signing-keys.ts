// Each user's Ed25519 key lives inside the encrypted vault; its public half is also written
// into the custody log, so swapping a key in the table is caught by `log verify`.
import type { Database } from '../vault/database';
import { generateSigningKeyPair, keyFingerprint } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from './custody-log';
import { parseStoredEntry } from './stored-entry';

export interface SigningKey {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

export async function createSigningKey(tx: Database, userName: string): Promise<{ publicKey: string }> {
  const pair = generateSigningKeyPair();
  await tx.run('INSERT INTO signing_keys (user_name, public_key, secret_key, created_at) VALUES (?, ?, ?, ?)', [
    userName, Buffer.from(pair.publicKey), Buffer.from(pair.secretKey), new Date().toISOString(),
  ]);
  const publicKey = toHex(pair.publicKey);
  await appendCustody(tx, {
    actor: userName,
    action: 'key_change',
    subject: `user:${userName}`,
    details: { change: 'signing_key_created', publicKey, fingerprint: keyFingerprint(pair.publicKey) },
  });
  return { publicKey };
}

export async function loadSigningKey(db: Database, userName: string): Promise<SigningKey> {
  const row = await db.get<{ public_key: Buffer; secret_key: Buffer }>(
    'SELECT public_key, secret_key FROM signing_keys WHERE user_name = ?', [userName]);
  if (!row) throw new CustodiaError('E_UNKNOWN_USER', `user ${userName} has no signing key`);
  return { publicKey: new Uint8Array(row.public_key), secretKey: new Uint8Array(row.secret_key) };
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
