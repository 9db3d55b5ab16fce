// Every service checks the acting role (shared/vocabulary/roles.ts) before it reads or writes;
// a refusal is itself a custody event, so attempts to overstep a role leave a trace.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { isAllowed, type Permission } from '../../shared/vocabulary/roles';

export { isAllowed, PERMISSIONS, type Permission } from '../../shared/vocabulary/roles';
import type { VaultSession } from './vault-session';


export async function assertAllowed(session: VaultSession, permission: Permission, subject = 'vault'): Promise<void> {
  if (isAllowed(session.user.role, permission)) return;
  await session.db.transaction((tx) =>
    appendCustody(tx, { actor: session.user.name, action: 'denied', subject, details: { permission, role: session.user.role } }),
  );
  throw new CustodiaError('E_FORBIDDEN', `${session.user.name} (${session.user.role}) may not ${permission.replace('.', ' ')}`);
}
