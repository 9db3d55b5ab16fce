// A real SQLCipher vault in a temporary folder, with a cheap KDF passed explicitly (the default
// stays at full cost), for the custody tests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVault, openVault, type VaultSession } from '../../main/vault/vault-session';
import type { KdfParams } from '../../main/vault/kdf';

export const CHEAP_KDF: KdfParams = { alg: 'scrypt', N: 2 ** 10, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export interface VaultFixture {
  dir: string;
  path: string;
  session: VaultSession;
  reopen(): Promise<VaultSession>;
  cleanup(): Promise<void>;
}

export async function makeVault(user = 'ana'): Promise<VaultFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-custody-'));
  const path = join(dir, 'vault.custodia');
  const fixture: VaultFixture = {
    dir,
    path,
    session: await createVault({ path, user, passphrase: PASSPHRASE, kdf: CHEAP_KDF }),
    async reopen() {
      await fixture.session.close().catch(() => undefined);
      fixture.session = await openVault({ path, user, passphrase: PASSPHRASE });
      return fixture.session;
    },
    async cleanup() {
      await fixture.session.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}
