// Users and their key slots: only an admin adds or removes users; anyone changes their own
// passphrase. An admin gives a new user only a one-time passphrase and the database key sealed
// to a temporary key; the user makes their own keys at activation (accounts/activate-user.ts).
// Every slot change is also a key_slot entry (custody/slot-log.ts), signed by the admin for an
// addition or removal and by the user for their own passphrase. A new slot is written inside
// the database transaction (a failed write rolls the user back); a replaced or dropped one after
// the commit (accounts/personal-slot.ts putSlot says why). An auditor gets no slot at all: what
// they check is the custody log, which reaches them as a plain package (audit/log-package.ts),
// so no passphrase of theirs opens the database (T3: an auditor who reads evidence).
import { crashPoint } from '../platform/crash-point';
import { keyFingerprint } from '../../shared/custody/checkpoint';
import { verifierKey } from '../../shared/custody/signed-note';
import { checkpointOrigin } from '../custody/checkpoints';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { userHash } from '../custody/record-hash';
import { loadSigningKey } from '../custody/signing-keys';
import { logSlotChange, slotCopy } from '../custody/slot-log';
import { readHeader } from '../vault/header-file';
import { DEFAULT_KDF, type KdfParams } from '../vault/kdf';
import { makePersonalSlot, newBoxSecret, slotId, unlockSlot } from '../vault/key-slots';
import type { RekeyProgress } from '../vault/rekey-database';
import { checkNewPassphrase, checkRole, checkUserName, type Role } from './names';
import { oneTimePassphrase } from './one-time-passphrase';
import { dropSlot, putSlot, setBoxKey } from './personal-slot';
import { assertAllowed } from './roles';
import { legacyHolders, rotateVaultKey } from './rotate-vault-key';
import { sessionKey, type VaultSession } from './vault-session';

export interface UserInfo {
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  removedAt: string | null;
  /** False until the user has replaced their one-time passphrase. */
  activated: boolean;
  /** keyFingerprint of their current signing key, the one to publish; null before activation. */
  fingerprint: string | null;
  /** The C2SP signed-note verifier key (name+keyid+base64key) a witness checks this user's checkpoints with. */
  verifierKey: string | null;
}

/**
 * Adds a user who must activate: the one-time passphrase is returned once and stored nowhere.
 * An auditor is listed (the roster names who audits) but gets no slot and no passphrase.
 */
export async function addUser(session: VaultSession, o: { name: string; role: Exclude<Role, 'auditor'>; kdf?: KdfParams }): Promise<{ user: UserInfo; oneTimePassphrase: string }>;
export async function addUser(session: VaultSession, o: { name: string; role: string; kdf?: KdfParams }): Promise<{ user: UserInfo; oneTimePassphrase: string | null }>;
export async function addUser(session: VaultSession, o: { name: string; role: string; kdf?: KdfParams }): Promise<{ user: UserInfo; oneTimePassphrase: string | null }> {
  await assertAllowed(session, 'users.manage', `user:${o.name}`);
  const name = checkUserName(o.name);
  const role = checkRole(o.role);
  if (role === 'auditor') return { user: await addAuditor(session, name), oneTimePassphrase: null };
  const passphrase = oneTimePassphrase();
  const boxSecret = newBoxSecret();
  const slot = await makePersonalSlot({ vaultId: session.vaultId, userName: name, passphrase, kdf: o.kdf ?? DEFAULT_KDF, state: 'must_activate', boxSecret, dbKey: sessionKey(session) });
  const createdAt = new Date().toISOString();
  const signing = await loadSigningKey(session.db, session.user.name);
  try {
    await session.db.transaction(async (tx) => {
      // Names are never reused: custody entries of a removed user must keep meaning that user.
      if (await tx.get('SELECT 1 FROM users WHERE name = ?', [name])) throw new CustodiaError('E_EXISTS', `user "${name}" exists already`);
      await tx.run('INSERT INTO users (name, role, created_at, created_by) VALUES (?, ?, ?, ?)', [name, role, createdAt, session.user.name]);
      const boxPublicKey = await setBoxKey(tx, name, boxSecret);
      await appendCustody(tx, {
        actor: session.user.name, action: 'user_add', subject: `user:${name}`,
        details: { user: name, role, sha256: userHash({ name, role, removed: false }), mustActivate: true, boxPublicKey },
      });
      await logSlotChange(tx, { vaultId: session.vaultId, actor: session.user.name, signing, change: 'add', slots: [{ user: name, slot }] });
      await putSlot(session.path, session.vaultId, slot);
    });
  } finally {
    boxSecret.fill(0);
  }
  return { user: { name, role, createdAt, createdBy: session.user.name, removedAt: null, activated: false, fingerprint: null, verifierKey: null }, oneTimePassphrase: passphrase };
}

async function addAuditor(session: VaultSession, name: string): Promise<UserInfo> {
  const createdAt = new Date().toISOString();
  await session.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 FROM users WHERE name = ?', [name])) throw new CustodiaError('E_EXISTS', `user "${name}" exists already`);
    // Nothing to activate: activated_at says so, and no slot waits for a one-time passphrase.
    await tx.run('INSERT INTO users (name, role, created_at, created_by, activated_at) VALUES (?, ?, ?, ?, ?)', [name, 'auditor', createdAt, session.user.name, createdAt]);
    await appendCustody(tx, {
      actor: session.user.name, action: 'user_add', subject: `user:${name}`,
      details: { user: name, role: 'auditor', sha256: userHash({ name, role: 'auditor', removed: false }), mustActivate: false, keySlot: false },
    });
  });
  return { name, role: 'auditor', createdAt, createdBy: session.user.name, removedAt: null, activated: true, fingerprint: null, verifierKey: null };
}

/** Re-seals the caller's own keys under a new passphrase; the old one is asked again so an unlocked, unattended session cannot change it. */
export async function changePassphrase(session: VaultSession, o: { oldPassphrase: string; newPassphrase: string; kdf?: KdfParams }): Promise<void> {
  checkNewPassphrase(o.newPassphrase);
  const name = session.user.name;
  const unlocked = await unlockSlot(await readHeader(session.path), name, o.oldPassphrase);
  if (unlocked.kind !== 'personal' || !unlocked.signingSecret) throw new CustodiaError('E_BAD_VAULT_HEADER', `the key slot of "${name}" is not an active personal slot`);
  const kdf = o.kdf ?? DEFAULT_KDF;
  const { dbKey, nextDbKey } = unlocked.slot;
  const fresh = await makePersonalSlot({ vaultId: session.vaultId, userName: name, passphrase: o.newPassphrase, kdf, state: 'active', boxSecret: unlocked.boxSecret, signingSecret: unlocked.signingSecret });
  unlocked.boxSecret.fill(0);
  unlocked.signingSecret.fill(0);
  // The database key stays sealed to the same public key: only the passphrase's wrapping changes.
  const slot = { ...fresh, ...(dbKey ? { dbKey } : {}), ...(nextDbKey ? { nextDbKey } : {}) };
  const signing = await loadSigningKey(session.db, name);
  await session.db.transaction(async (tx) => {
    await appendCustody(tx, {
      actor: name, action: 'key_change', subject: `user:${name}`,
      details: { change: 'passphrase', kdf, sha256: userHash({ name, role: session.user.role, removed: false }) },
    });
    await logSlotChange(tx, { vaultId: session.vaultId, actor: name, signing, change: 'passphrase', slots: [{ user: name, slot }] });
  });
  crashPoint('slot:logged');
  await putSlot(session.path, session.vaultId, slot);
}

export interface RemoveResult {
  /** False when the vault key could not be rotated yet (see notice). */
  rekeyed: boolean;
  notice?: string;
}

/**
 * Drops the user's slot and rotates the vault key, so that a copy of the header they kept opens
 * nothing written from now on. The user row stays (marked removed) because custody entries name it.
 */
export async function removeUser(session: VaultSession, name: string, onProgress?: RekeyProgress): Promise<RemoveResult> {
  await assertAllowed(session, 'users.manage', `user:${name}`);
  if (name === session.user.name) throw new CustodiaError('E_INVALID_INPUT', 'an admin cannot remove themself; ask another admin');
  const signing = await loadSigningKey(session.db, session.user.name);
  // An auditor added since auditors hold no slot has nothing to drop and no key to take back.
  const heldSlot = (await slotCopy(session.db, session.vaultId, name)) !== undefined
    || (await readHeader(session.path)).slots.some((s) => s.id === slotId(session.vaultId, name));
  await session.db.transaction(async (tx) => {
    const row = await tx.get<{ role: Role }>('SELECT role FROM users WHERE name = ? AND removed_at IS NULL', [name]);
    if (!row) throw new CustodiaError('E_NOT_FOUND', `no user "${name}"`);
    await tx.run('UPDATE users SET removed_at = ?, removed_by = ? WHERE name = ?', [new Date().toISOString(), session.user.name, name]);
    await appendCustody(tx, {
      actor: session.user.name, action: 'user_remove', subject: `user:${name}`,
      details: { user: name, role: row.role, sha256: userHash({ name, role: row.role, removed: true }) },
    });
    if (heldSlot) await logSlotChange(tx, { vaultId: session.vaultId, actor: session.user.name, signing, change: 'remove', slots: [{ user: name, slot: null }] });
  });
  if (!heldSlot) return { rekeyed: false, notice: `${name} held no key to this vault: there is no vault key to rotate` };
  // After the commit: a crash before this leaves a slot whose user is removed, which opens nothing.
  crashPoint('slot:logged');
  await dropSlot(session.path, session.vaultId, name);
  const waiting = await legacyHolders(session);
  if (waiting.length > 0) {
    return { rekeyed: false, notice: `the vault key was not rotated: ${waiting.join(', ')} must unlock once first (their key slots are in the old format); then run custodia vault rekey` };
  }
  await rotateVaultKey(session, { reason: `user_remove:${name}`, ...(onProgress ? { onProgress } : {}) });
  return { rekeyed: true };
}

export async function listUsers(session: VaultSession): Promise<UserInfo[]> {
  const rows = await session.db.all<{ name: string; role: Role; created_at: string; created_by: string; removed_at: string | null; activated_at: string | null; public_key: Buffer | null }>(
    `SELECT name, role, u.created_at, created_by, removed_at, activated_at,
            (SELECT public_key FROM signing_keys k WHERE k.user_name = u.name ORDER BY k.created_at DESC, k.rowid DESC LIMIT 1) AS public_key
       FROM users u ORDER BY u.created_at, name`);
  return rows.map((r) => ({
    name: r.name, role: r.role, createdAt: r.created_at, createdBy: r.created_by, removedAt: r.removed_at,
    activated: r.activated_at !== null,
    fingerprint: r.public_key ? keyFingerprint(new Uint8Array(r.public_key)) : null,
    verifierKey: r.public_key ? verifierKey(checkpointOrigin(session.vaultId), new Uint8Array(r.public_key)) : null,
  }));
}
