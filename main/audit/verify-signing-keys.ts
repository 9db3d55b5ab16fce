// Signing keys: each row must hold the public key the log announced for its user, and a secret
// key that belongs to it; a user whose key the log announced must still have it. A key in the
// table that the log never announced means someone swapped it.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import type { Database } from '../vault/database';
import { toHex } from '../../shared/custody/bytes';
import { loggedPublicKeys } from '../custody/signing-keys';
import type { ProblemList } from './verify-problems';

// DER prefixes of a PKCS#8 Ed25519 private key (RFC 8410) and of its SPKI public key.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX_BYTES = 12;

function publicKeyOf(seed: Buffer): string | null {
  try {
    const priv = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    return toHex(createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX_BYTES));
  } catch {
    return null;
  }
}

export async function verifySigningKeys(db: Database, problems: ProblemList): Promise<void> {
  const logged = await loggedPublicKeys(db);
  const rows = await db.all<{ user_name: string; public_key: Buffer; secret_key: Buffer }>('SELECT user_name, public_key, secret_key FROM signing_keys');
  for (const row of rows) {
    const hex = toHex(row.public_key);
    if (logged.get(hex) !== row.user_name || publicKeyOf(row.secret_key) !== hex) {
      problems.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `the signing key of ${row.user_name} is not the one the custody log recorded: it was swapped` });
    }
  }
  const holders = new Set(rows.map((r) => r.user_name));
  for (const user of new Set(logged.values())) {
    if (!holders.has(user)) problems.add({ code: 'E_SIGNING_KEY_MISSING', message: `the signing key the custody log recorded for ${user} is gone from the vault` });
  }
}
