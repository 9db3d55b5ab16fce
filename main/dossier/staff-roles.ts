// The vault's users by name with their role, so an export that names staff by role only can
// say "legal team" for whoever obtained a consent or handled an item.
import type { Role } from '../../shared/vocabulary/roles';
import type { VaultSession } from '../accounts/vault-session';

export async function staffRoles(session: VaultSession): Promise<Record<string, Role>> {
  const rows = await session.db.all<{ name: string; role: Role }>('SELECT name, role FROM users');
  return Object.fromEntries(rows.map((r) => [r.name, r.role]));
}
