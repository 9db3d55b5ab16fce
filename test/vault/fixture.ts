// Real SQLCipher vaults in temporary folders. The KDF is made cheap (the floor of KDF_RANGE) by passing parameters
// explicitly; the defaults stay at full cost (asserted in key-slots.test.ts).
import { expect } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { KdfParams } from '../../main/vault/kdf';
import { activateUser } from '../../main/accounts/activate-user';
import { addUser } from '../../main/accounts/users';
import { createVault, openVault, type Role, type VaultSession } from '../../main/accounts/vault-session';

export const CHEAP_KDF: KdfParams = { alg: 'scrypt', N: 2 ** 14, r: 8, p: 1 };
export const PASSPHRASE = 'correct horse battery staple';

export const INCIDENT = {
  occurredAt: '2026-10-02T18:30:00-05:00',
  place: 'Comunidad nativa X, Tambopata, Madre de Dios',
  channel: 'phone',
  verbatim: 'Deja de denunciar o te vamos a desaparecer',
  riskLevel: 'high',
  type: 'threat',
} as const;

export interface TempVault {
  dir: string;
  path: string;
  session: VaultSession;
  open(user?: string): Promise<VaultSession>;
  cleanup(): Promise<void>;
}

export async function tempVault(user = 'ana'): Promise<TempVault> {
  const dir = await mkdtemp(join(tmpdir(), 'custodia-vault-'));
  const path = join(dir, 'vault.custodia');
  const v: TempVault = {
    dir, path,
    session: await createVault({ path, user, passphrase: PASSPHRASE, kdf: CHEAP_KDF }),
    async open(who = user) {
      await v.session.close();
      v.session = await openVault({ path, user: who, passphrase: PASSPHRASE });
      return v.session;
    },
    async cleanup() {
      await v.session.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
  return v;
}

/**
 * Adds a user through the admin session and activates them as they would (their own passphrase,
 * their own keys): the admin session closes for the activation and is opened again after.
 */
export async function addActiveUser(v: TempVault, name: string, role: Exclude<Role, 'auditor'>, passphrase = PASSPHRASE): Promise<void> {
  const admin = v.session.user.name;
  const { oneTimePassphrase } = await addUser(v.session, { name, role, kdf: CHEAP_KDF });
  await v.session.close();
  await (await activateUser({ path: v.path, user: name, oneTimePassphrase, newPassphrase: passphrase, kdf: CHEAP_KDF })).close();
  v.session = await openVault({ path: v.path, user: admin, passphrase: PASSPHRASE });
}

/** For a vault with no session open: the admin adds the user, who then activates with their own passphrase. */
export async function addActiveUserAt(path: string, admin: { user: string; passphrase: string }, name: string, role: Exclude<Role, 'auditor'>, passphrase = PASSPHRASE): Promise<void> {
  const s = await openVault({ path, user: admin.user, passphrase: admin.passphrase });
  const { oneTimePassphrase } = await addUser(s, { name, role, kdf: CHEAP_KDF });
  await s.close();
  await (await activateUser({ path, user: name, oneTimePassphrase, newPassphrase: passphrase, kdf: CHEAP_KDF })).close();
}

/** Adds and activates one user per role (passphrase PASSPHRASE) through the admin session; the auditor 'aud' gets no slot. */
export async function addRoleUsers(v: TempVault): Promise<void> {
  for (const [name, role] of [['doc', 'documenter'], ['lex', 'legal']] as const) await addActiveUser(v, name, role);
  await addUser(v.session, { name: 'aud', role: 'auditor' });
}

/** Every file under the folder (the vault, -wal, -shm, .keys, its objects, anything else) with its sha256. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const name = relative(dir, join(entry.parentPath, entry.name));
    files[name] = createHash('sha256').update(await readFile(join(dir, name))).digest('hex');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}

export async function custodyActions(session: VaultSession): Promise<string[]> {
  const rows = await session.db.all<{ action: string }>('SELECT action FROM custody_log ORDER BY seq');
  return rows.map((r) => r.action);
}

/** The stable code of the error a promise rejects with; fails the test unless it is a CustodiaError. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  const e: unknown = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(CustodiaError);
  return (e as CustodiaError).code;
}
