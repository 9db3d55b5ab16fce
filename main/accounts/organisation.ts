// The name a vault's dossiers give as their sender: the organisation recorded at `vault init`
// (vault_meta), the same from the CLI and the app. A vault made without one is named by its id.
import type { VaultSession } from './vault-session';

export async function organisationName(session: VaultSession): Promise<string> {
  const row = await session.db.get<{ value: string }>("SELECT value FROM vault_meta WHERE key = 'organisation'");
  return row?.value ?? `Custodia vault ${session.vaultId}`;
}
