// Users and their key slots: only an admin adds or removes users; anyone changes their own
// passphrase. The header is rewritten inside the database transaction, so a failed header
// write rolls the user change back.
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { createSigningKey } from '../custody/signing-keys';
import { userHash } from '../custody/record-hash';
import { readHeader, writeHeader, type VaultHeader } from '../vault/header-file';
import { DEFAULT_KDF, type KdfParams } from '../vault/kdf';
import { slotId, unwrapKey, wrapKey } from '../vault/key-slots';
import { checkNewPassphrase, checkRole, checkUserName, type Role } from './names';
import { assertAllowed } from './roles';
import { sessionKey, type VaultSession } from './vault-session';

export interface UserInfo {
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  removedAt: string | null;
}

async function putSlot(session: VaultSession, update: (h: VaultHeader) => VaultHeader): Promise<void> {
  const header = await readHeader(session.path);
  if (header.vaultId !== session.vaultId) throw new CustodiaError('E_BAD_VAULT_HEADER', 'the key header belongs to another vault');
  await writeHeader(session.path, update(header));
}

export async function addUser(session: VaultSession, o: { name: string; role: string; passphrase: string; kdf?: KdfParams }): Promise<UserInfo> {
  await assertAllowed(session, 'users.manage', `user:${o.name}`);
  const name = checkUserName(o.name);
  const role = checkRole(o.role);
  checkNewPassphrase(o.passphrase);
  const slot = await wrapKey({ dbKey: sessionKey(session), passphrase: o.passphrase, vaultId: session.vaultId, userName: name, kdf: o.kdf ?? DEFAULT_KDF });
  const createdAt = new Date().toISOString();
  await session.db.transaction(async (tx) => {
    // Names are never reused: custody entries of a removed user must keep meaning that user.
    if (await tx.get('SELECT 1 FROM users WHERE name = ?', [name])) throw new CustodiaError('E_EXISTS', `user "${name}" exists already`);
    await tx.run('INSERT INTO users (name, role, created_at, created_by) VALUES (?, ?, ?, ?)', [name, role, createdAt, session.user.name]);
    await appendCustody(tx, {
      actor: session.user.name, action: 'user_add', subject: `user:${name}`,
      details: { user: name, role, sha256: userHash({ name, role, removed: false }) },
    });
    await createSigningKey(tx, name);
    await putSlot(session, (h) => ({ ...h, slots: [...h.slots.filter((s) => s.id !== slot.id), slot] }));
  });
  return { name, role, createdAt, createdBy: session.user.name, removedAt: null };
}

/** Re-wraps the caller's own slot; the old passphrase is asked again so an unlocked, unattended session cannot change it. */
export async function changePassphrase(session: VaultSession, o: { oldPassphrase: string; newPassphrase: string; kdf?: KdfParams }): Promise<void> {
  checkNewPassphrase(o.newPassphrase);
  const name = session.user.name;
  (await unwrapKey(await readHeader(session.path), name, o.oldPassphrase)).fill(0);
  const kdf = o.kdf ?? DEFAULT_KDF;
  const slot = await wrapKey({ dbKey: sessionKey(session), passphrase: o.newPassphrase, vaultId: session.vaultId, userName: name, kdf });
  await session.db.transaction(async (tx) => {
    await appendCustody(tx, {
      actor: name, action: 'key_change', subject: `user:${name}`,
      details: { change: 'passphrase', kdf, sha256: userHash({ name, role: session.user.role, removed: false }) },
    });
    await putSlot(session, (h) => ({ ...h, slots: h.slots.map((s) => (s.id === slot.id ? slot : s)) }));
  });
}

/** Drops the user's slot; the user row stays (marked removed) because custody entries name it. */
export async function removeUser(session: VaultSession, name: string): Promise<void> {
  await assertAllowed(session, 'users.manage', `user:${name}`);
  if (name === session.user.name) throw new CustodiaError('E_INVALID_INPUT', 'an admin cannot remove themself; ask another admin');
  await session.db.transaction(async (tx) => {
    const row = await tx.get<{ role: Role }>('SELECT role FROM users WHERE name = ? AND removed_at IS NULL', [name]);
    if (!row) throw new CustodiaError('E_NOT_FOUND', `no user "${name}"`);
    await tx.run('UPDATE users SET removed_at = ?, removed_by = ? WHERE name = ?', [new Date().toISOString(), session.user.name, name]);
    await appendCustody(tx, {
      actor: session.user.name, action: 'user_remove', subject: `user:${name}`,
      details: { user: name, role: row.role, sha256: userHash({ name, role: row.role, removed: true }) },
    });
    const id = slotId(session.vaultId, name);
    await putSlot(session, (h) => ({ ...h, slots: h.slots.filter((s) => s.id !== id) }));
  });
}

export async function listUsers(session: VaultSession): Promise<UserInfo[]> {
  const rows = await session.db.all<{ name: string; role: Role; created_at: string; created_by: string; removed_at: string | null }>(
    'SELECT name, role, created_at, created_by, removed_at FROM users ORDER BY created_at, name');
  return rows.map((r) => ({ name: r.name, role: r.role, createdAt: r.created_at, createdBy: r.created_by, removedAt: r.removed_at }));
}
