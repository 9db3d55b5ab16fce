// A signing key in the table that the log never announced means someone swapped it.
import type { Database } from '../vault/database';
import { toHex } from '../../shared/custody/bytes';
import { loggedPublicKeys } from '../custody/signing-keys';
import type { ProblemList } from './verify-problems';

export async function verifySigningKeys(db: Database, problems: ProblemList): Promise<void> {
  const logged = await loggedPublicKeys(db);
  const rows = await db.all<{ user_name: string; public_key: Buffer }>('SELECT user_name, public_key FROM signing_keys');
  for (const row of rows) {
    const hex = toHex(row.public_key);
    if (logged.get(hex) !== row.user_name) {
      problems.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `the signing key of ${row.user_name} is not the one the custody log recorded: it was swapped` });
    }
  }
}
