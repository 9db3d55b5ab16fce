// Signing keys: each row must hold a public key the log announced for its user, and a user whose
// key the log announced must still have it. A key in the table that the log never announced
// means someone swapped it. The vault holds public keys only (migration 008): the secret
// halves are sealed in each user's own key slot.
import type { Database } from '../vault/database';
import { toHex } from '../../shared/custody/bytes';
import { loggedPublicKeys } from '../custody/signing-keys';
import type { ProblemList } from './verify-problems';

export async function verifySigningKeys(db: Database, problems: ProblemList): Promise<void> {
  const logged = await loggedPublicKeys(db);
  const rows = await db.all<{ user_name: string; public_key: Buffer }>('SELECT user_name, public_key FROM signing_keys');
  for (const row of rows) {
    if (logged.get(toHex(row.public_key)) !== row.user_name) {
      problems.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `the signing key of ${row.user_name} is not the one the custody log recorded: it was swapped` });
    }
  }
  const holders = new Set(rows.map((r) => r.user_name));
  for (const user of new Set(logged.values())) {
    if (!holders.has(user)) problems.add({ code: 'E_SIGNING_KEY_MISSING', message: `the signing key the custody log recorded for ${user} is gone from the vault` });
  }
}
