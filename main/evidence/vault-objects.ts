// Where a session's evidence objects live and what binds them to this vault (the AAD's vault id).
import type { VaultSession } from '../accounts/vault-session';
import { ObjectStore, objectsPath, type VaultObjects } from '../vault/object-store';

export type { VaultObjects } from '../vault/object-store';

const bySession = new WeakMap<VaultSession, VaultObjects>();

export function vaultObjects(session: VaultSession): VaultObjects {
  let o = bySession.get(session);
  if (!o) {
    o = { store: new ObjectStore(objectsPath(session.path)), vaultId: session.vaultId };
    bySession.set(session, o);
  }
  return o;
}
