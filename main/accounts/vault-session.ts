// Creating and opening a vault: open the user's own key slot first (a wrong passphrase touches
// nothing), then the encrypted database, migrate it and check it belongs with its header. The
// session holds the database key and the user's own signing key, and nobody else's.
import { randomUUID } from 'node:crypto';
import { access, chmod, mkdir, unlink } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { holdSigningKey, recordSigningKey, releaseSigningKey, type SigningKey } from '../custody/signing-keys';
import { logSlotChange } from '../custody/slot-log';
import { userHash } from '../custody/record-hash';
import type { Database } from '../vault/database';
import { sealLog } from './sealed-changes';
import { HEADER_FORMAT, HEADER_VERSION, headerPath, readHeader, writeHeader, type VaultHeader } from '../vault/header-file';
import { DEFAULT_KDF, type KdfParams } from '../vault/kdf';
import { makePersonalSlot, newDatabaseKey, openDbKey, unlockSlot, type UnlockedSlot } from '../vault/key-slots';
import { DEFAULT_PAGE_SIZE, openKeyedDatabase } from '../vault/keyed-database';
import { migrate } from '../vault/migrate';
import { recoverPendingFiles } from '../vault/pending-files';
import { objectsPath } from '../vault/object-store';
import { removeVaultFiles } from '../vault/vault-files';
import { settleObjects } from './settle-objects';
import { settleInterruptedRekey } from './interrupted-rekey';
import { checkSlotVouched, dropRemovedSlots, vouchExistingSlots } from './slot-binding';
import { checkNewPassphrase, checkUserName, type Role } from './names';
import { checkedSigningKey, newOwnKeys, setBoxKey, upgradeLegacySlot } from './personal-slot';

export type { Role } from './names';
export type { KdfParams } from '../vault/kdf';

export interface VaultSession {
  readonly path: string;
  readonly vaultId: string;
  readonly db: Database;
  readonly user: { name: string; role: Role };
  /** What opening the vault settled and the user should hear of (files an interrupted command left). */
  readonly notices: readonly string[];
  /** Runs cleanup when the session closes (before the key is dropped): caches and uploads of this session go with it. */
  onClose(cleanup: () => void): void;
  isOpen(): boolean;
  close(): Promise<void>;
}

// The database key stays out of the public session shape; user management reaches it here.
interface Held { db: Database; key: Buffer; notices: string[] }
const held = new WeakMap<VaultSession, Held>();

function heldBy(session: VaultSession): Held {
  const h = held.get(session);
  if (!h) throw new CustodiaError('E_VAULT_LOCKED', 'the vault session is closed');
  return h;
}

export function sessionKey(session: VaultSession): Buffer {
  return heldBy(session).key;
}

/** Something the core settled after opening (accounts/unlock-vault.ts) that the user should hear of. */
export function addNotice(session: VaultSession, notice: string): void {
  heldBy(session).notices.push(notice);
}

/** After a re-key: the session goes on with the database file under its new key. */
export function replaceSessionDatabase(session: VaultSession, db: Database, key: Buffer, signing: SigningKey): void {
  const h = heldBy(session);
  releaseSigningKey(h.db);
  h.key.fill(0);
  h.db = db;
  h.key = key;
  holdSigningKey(db, session.user.name, signing);
}

function makeSession(path: string, vaultId: string, db: Database, user: { name: string; role: Role }, key: Buffer, signing: SigningKey, notices: readonly string[] = []): VaultSession {
  let closing: Promise<void> | undefined;
  const cleanups: (() => void)[] = [];
  const state: Held = { db, key, notices: [...notices] };
  holdSigningKey(db, user.name, signing);
  const session: VaultSession = {
    path, vaultId, user,
    get notices() {
      return state.notices;
    },
    get db() {
      return state.db;
    },
    onClose(cleanup) {
      cleanups.push(cleanup);
    },
    isOpen: () => closing === undefined,
    close() {
      closing ??= (async () => {
        for (const cleanup of cleanups.splice(0)) cleanup();
        // Whatever the session appended and nobody sealed yet gets its checkpoint now; a failure
        // here (a full disk) must not keep the keys in memory.
        await sealLog(state.db, vaultId, user).catch(() => undefined);
        held.delete(session);
        releaseSigningKey(state.db);
        state.key.fill(0);
        await state.db.close();
      })();
      return closing;
    },
  };
  held.set(session, state);
  return session;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

export interface CreateVaultOptions {
  path: string;
  user: string;
  passphrase: string;
  /** The organisation that keeps the vault, as dossiers name it. */
  organisation?: string;
  kdf?: KdfParams;
  pageSize?: number;
}

export async function createVault(o: CreateVaultOptions): Promise<VaultSession> {
  const user = checkUserName(o.user);
  checkNewPassphrase(o.passphrase);
  const organisation = o.organisation?.trim();
  if (organisation !== undefined && (organisation.length === 0 || organisation.length > 300)) {
    throw new CustodiaError('E_INVALID_INPUT', 'an organisation name needs 1 to 300 characters');
  }
  if ((await exists(o.path)) || (await exists(headerPath(o.path))) || (await exists(objectsPath(o.path)))) {
    throw new CustodiaError('E_EXISTS', `${o.path}, its key header or its objects folder already exists`);
  }
  const vaultId = randomUUID();
  const key = newDatabaseKey();
  const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE;
  // The first admin makes their own keys here: vault init is their activation.
  const own = newOwnKeys();
  const slot = await makePersonalSlot({ vaultId, userName: user, passphrase: o.passphrase, kdf: o.kdf ?? DEFAULT_KDF, state: 'active', boxSecret: own.boxSecret, signingSecret: own.signing.secretKey, dbKey: key });
  const db = await openKeyedDatabase({ path: o.path, key, pageSize, create: true });
  try {
    // Encrypted anyway, but nobody else on the machine needs to copy it.
    await chmod(o.path, 0o600);
    await mkdir(objectsPath(o.path), { mode: 0o700 });
    await migrate(db);
    // Drops the empty chunk table of migration 010: a new vault keeps its evidence in objects only.
    await settleObjects(db, { path: o.path, vaultId, actor: user });
    const now = new Date().toISOString();
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?), ('created_at', ?)", [vaultId, now]);
      if (organisation) await tx.run("INSERT INTO vault_meta (key, value) VALUES ('organisation', ?)", [organisation]);
      await tx.run("INSERT INTO users (name, role, created_at, created_by, activated_at) VALUES (?, 'admin', ?, ?, ?)", [user, now, user, now]);
      await appendCustody(tx, { actor: user, action: 'vault_create', subject: 'vault', details: { vaultId, user, role: 'admin', ...(organisation ? { organisation } : {}), sha256: userHash({ name: user, role: 'admin', removed: false }) } });
      await setBoxKey(tx, user, own.boxSecret);
      await recordSigningKey(tx, user, own.signing.publicKey, { change: 'signing_key_created', boxPublicKey: slot.boxPublicKey });
      await logSlotChange(tx, { vaultId, actor: user, signing: own.signing, change: 'create', slots: [{ user, slot }] });
      // Inside the transaction: if the header cannot be written, the vault is not created.
      await writeHeader(o.path, { format: HEADER_FORMAT, version: HEADER_VERSION, vaultId, cipher: { pageSize }, slots: [slot] });
    });
  } catch (e) {
    await db.close().catch(() => undefined);
    await removeVaultFiles(o.path);
    await unlink(headerPath(o.path)).catch(() => undefined);
    own.signing.secretKey.fill(0);
    throw e;
  } finally {
    own.boxSecret.fill(0);
  }
  return makeSession(o.path, vaultId, db, { name: user, role: 'admin' }, key, own.signing);
}

function zero(unlocked: UnlockedSlot): void {
  if (unlocked.kind === 'legacy') unlocked.dbKey.fill(0);
  else {
    unlocked.boxSecret.fill(0);
    unlocked.signingSecret?.fill(0);
  }
}

/**
 * Opens the database with the key the slot gives. During a re-key a slot holds two wraps, and
 * whichever opens the file says whether the new file took its place (interrupted-rekey.ts).
 */
export async function openWithSlot(path: string, header: VaultHeader, userName: string, unlocked: UnlockedSlot): Promise<{ db: Database; key: Buffer; newKeyInPlace: boolean }> {
  const candidates: { key: Buffer; next: boolean }[] = [];
  if (unlocked.kind === 'legacy') candidates.push({ key: Buffer.from(unlocked.dbKey), next: false });
  else {
    const { nextDbKey, dbKey } = unlocked.slot;
    if (nextDbKey && header.rekey) candidates.push({ key: openDbKey(nextDbKey, unlocked.boxSecret, header.vaultId, userName), next: true });
    if (dbKey) candidates.push({ key: openDbKey(dbKey, unlocked.boxSecret, header.vaultId, userName), next: false });
  }
  if (candidates.length === 0) throw new CustodiaError('E_BAD_VAULT_HEADER', `the key slot of "${userName}" holds no key to the vault's content`);
  for (const [i, c] of candidates.entries()) {
    try {
      const db = await openKeyedDatabase({ path, key: c.key, pageSize: header.cipher.pageSize, create: false });
      for (const other of candidates) if (other !== c) other.key.fill(0);
      return { db, key: c.key, newKeyInPlace: c.next };
    } catch (e) {
      const wrongKey = e instanceof CustodiaError && e.code === 'E_DB_CORRUPT';
      if (!wrongKey || i === candidates.length - 1) {
        for (const other of candidates) other.key.fill(0);
        // The first page did not decrypt: the key this slot holds is not the vault's (T3: an old header copied back).
        throw wrongKey ? new CustodiaError('E_KEY_HEADER_STALE', `the key in the slot of "${userName}" does not open ${path}: the key header is older than the vault's key, or damaged`) : e;
      }
    }
  }
  throw new CustodiaError('E_INTERNAL', 'no key was tried');
}

/** Migrates, checks that the database belongs with the header, and returns the user's role. */
export async function checkOpened(db: Database, header: VaultHeader, path: string, userName: string): Promise<{ role: Role; activated: boolean }> {
  await migrate(db);
  const meta = await db.get<{ value: string }>("SELECT value FROM vault_meta WHERE key = 'vault_id'");
  if (meta?.value !== header.vaultId) {
    throw new CustodiaError('E_BAD_VAULT_HEADER', `the key header ${headerPath(path)} belongs to another vault`);
  }
  const row = await db.get<{ role: Role; activated_at: string | null }>('SELECT role, activated_at FROM users WHERE name = ? AND removed_at IS NULL', [userName]);
  if (!row) throw new CustodiaError('E_UNKNOWN_USER', `no user "${userName}" in this vault`);
  return { role: row.role, activated: row.activated_at !== null };
}

export const mustActivate = (userName: string): CustodiaError =>
  new CustodiaError('E_MUST_ACTIVATE', `"${userName}" must first replace their one-time passphrase: custodia user activate (or unlock in the app)`);

/** A slot an auditor kept from before auditors got none: it still opens the file, but no session is made. */
export const auditorHoldsNoKey = (userName: string): CustodiaError =>
  new CustodiaError('E_AUDITOR_NO_CONTENT_KEY', `"${userName}" is an auditor: auditors work from the custody log's package (custodia log export, then log verify --package), never from the vault`);

/** Progress of moving an older vault's evidence out of its database (once, at its first unlock). */
export type StorageProgress = (fraction: number) => void;

export async function openVault(o: { path: string; user: string; passphrase: string; onStorageProgress?: StorageProgress }): Promise<VaultSession> {
  const userName = o.user.normalize('NFC');
  const header = await readHeader(o.path);
  if (!(await exists(o.path))) throw new CustodiaError('E_NO_VAULT', `no vault database at ${o.path}`);
  const unlocked = await unlockSlot(header, userName, o.passphrase);
  if (unlocked.kind === 'personal' && unlocked.slot.state === 'must_activate') {
    zero(unlocked);
    throw mustActivate(userName);
  }
  let opened: Awaited<ReturnType<typeof openWithSlot>>;
  try {
    opened = await openWithSlot(o.path, header, userName, unlocked);
  } catch (e) {
    zero(unlocked);
    throw e;
  }
  const { db, key } = opened;
  try {
    const { role, activated } = await checkOpened(db, header, o.path, userName);
    if (role === 'auditor') throw auditorHoldsNoKey(userName);
    if (!activated) throw mustActivate(userName);
    await checkSlotVouched(db, { path: o.path, vaultId: header.vaultId, userName, slot: unlocked.slot });
    const notices = await settleInterruptedRekey({ path: o.path, db, header, newKeyInPlace: opened.newKeyInPlace, actor: userName });
    let signing: SigningKey;
    if (unlocked.kind === 'legacy') {
      const own = await upgradeLegacySlot(db, { path: o.path, vaultId: header.vaultId, userName, passphrase: o.passphrase, slot: unlocked.slot, dbKey: key });
      own.boxSecret.fill(0);
      signing = own.signing;
      notices.push('your key slot was moved to the personal format and your signing key replaced (the old one was readable by every user)');
    } else {
      unlocked.boxSecret.fill(0);
      if (!unlocked.signingSecret) throw mustActivate(userName);
      signing = await checkedSigningKey(db, userName, unlocked.slot, unlocked.signingSecret);
    }
    if (role === 'admin' && (await vouchExistingSlots(db, { path: o.path, vaultId: header.vaultId, admin: userName, signing }))) {
      notices.push('the custody log now vouches for every key slot of this vault as it stood (taken on trust at this first unlock)');
    }
    if ((await dropRemovedSlots(db, { path: o.path, vaultId: header.vaultId })) > 0) {
      notices.push('the key header still held the slot of a removed user (a removal was interrupted); it was dropped');
    }
    notices.push(...(await recoverPendingFiles(db)));
    const progress = o.onStorageProgress;
    notices.push(...(await settleObjects(db, {
      path: o.path, vaultId: header.vaultId, actor: userName,
      ...(progress ? { onProgress: (moved: number, total: number) => progress(total > 0 ? moved / total : 1) } : {}),
    })));
    return makeSession(o.path, header.vaultId, db, { name: userName, role }, key, signing, notices);
  } catch (e) {
    await db.close().catch(() => undefined);
    key.fill(0);
    zero(unlocked);
    throw e;
  }
}

/** Opens a session for a user whose keys were just made (activation): the caller has checked everything. */
export function sessionFor(path: string, vaultId: string, db: Database, user: { name: string; role: Role }, key: Buffer, signing: SigningKey, notices: readonly string[] = []): VaultSession {
  return makeSession(path, vaultId, db, user, key, signing, notices);
}
