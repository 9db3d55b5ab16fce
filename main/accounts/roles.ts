// What each role may do (README, "Roles"). Every service checks before it reads or writes;
// a refusal is itself a custody event, so attempts to overstep a role leave a trace.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import type { Role } from './names';
import type { VaultSession } from './vault-session';

export const PERMISSIONS = {
  /** Add or remove users, change another user's slot. */
  'users.manage': ['admin'],
  /** Create and edit cases and incidents, delete (tombstone) them, import evidence. */
  'records.write': ['admin', 'documenter'],
  /** Read case titles, incident content and evidence metadata (names of people live there). */
  'records.read': ['admin', 'documenter', 'legal'],
  /** Evidence bytes: never the auditor, who checks hashes instead. */
  'evidence.read': ['admin', 'documenter', 'legal'],
  /** Make a metadata-free exhibit of an original (stored as a new, linked item): legal picks exhibits too. */
  'exhibits.make': ['admin', 'documenter', 'legal'],
  /** Signed dossiers for authorities: the legal team's job (README, "Roles"). */
  'dossier.export': ['admin', 'legal'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isAllowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export async function assertAllowed(session: VaultSession, permission: Permission, subject = 'vault'): Promise<void> {
  if (isAllowed(session.user.role, permission)) return;
  await session.db.transaction((tx) =>
    appendCustody(tx, { actor: session.user.name, action: 'denied', subject, details: { permission, role: session.user.role } }),
  );
  throw new CustodiaError('E_FORBIDDEN', `${session.user.name} (${session.user.role}) may not ${permission.replace('.', ' ')}`);
}
