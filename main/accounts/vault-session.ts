// Creating and opening a vault: unwrap the key slot first (a wrong passphrase touches nothing),
// then open the encrypted database, migrate it and check it belongs with its header.
import { randomUUID } from 'node:crypto';
import { access, chmod, unlink } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { createSigningKey } from '../custody/signing-keys';
import { userHash } from '../custody/record-hash';
import type { Database } from '../vault/database';
import { sealLog } from './sealed-changes';
import { HEADER_FORMAT, HEADER_VERSION, headerPath, readHeader, writeHeader } from '../vault/header-file';
import { DEFAULT_KDF, type KdfParams } from '../vault/kdf';
import { newDatabaseKey, unwrapKey, wrapKey } from '../vault/key-slots';
import { DEFAULT_PAGE_SIZE, openKeyedDatabase } from '../vault/keyed-database';
import { migrate } from '../vault/migrate';
import { recoverPendingFiles } from '../vault/pending-files';
import { checkNewPassphrase, checkUserName, type Role } from './names';

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
const keys = new WeakMap<VaultSession, Buffer>();

export function sessionKey(session: VaultSession): Buffer {
  const key = keys.get(session);
  if (!key) throw new CustodiaError('E_VAULT_LOCKED', 'the vault session is closed');
  return key;
}

function makeSession(path: string, vaultId: string, db: Database, user: { name: string; role: Role }, key: Buffer, notices: readonly string[] = []): VaultSession {
  let closing: Promise<void> | undefined;
  const cleanups: (() => void)[] = [];
  const session: VaultSession = {
    path, vaultId, db, user, notices,
    onClose(cleanup) {
      cleanups.push(cleanup);
    },
    isOpen: () => closing === undefined,
    close() {
      closing ??= (async () => {
        for (const cleanup of cleanups.splice(0)) cleanup();
        // Whatever the session appended and nobody sealed yet gets its checkpoint now; a failure
        // here (a full disk) must not keep the key in memory.
        await sealLog(db, vaultId, user.name).catch(() => undefined);
        keys.delete(session);
        key.fill(0);
        await db.close();
      })();
      return closing;
    },
  };
  keys.set(session, key);
  return session;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

async function removeVaultFiles(path: string): Promise<void> {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) await unlink(f).catch(() => undefined);
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
  if ((await exists(o.path)) || (await exists(headerPath(o.path)))) {
    throw new CustodiaError('E_EXISTS', `${o.path} or its key header already exists`);
  }
  const vaultId = randomUUID();
  const key = newDatabaseKey();
  const pageSize = o.pageSize ?? DEFAULT_PAGE_SIZE;
  const slot = await wrapKey({ dbKey: key, passphrase: o.passphrase, vaultId, userName: user, kdf: o.kdf ?? DEFAULT_KDF });
  const db = await openKeyedDatabase({ path: o.path, key, pageSize, create: true });
  try {
    // Encrypted anyway, but nobody else on the machine needs to copy it.
    await chmod(o.path, 0o600);
    await migrate(db);
    const now = new Date().toISOString();
    await db.transaction(async (tx) => {
      await tx.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?), ('created_at', ?)", [vaultId, now]);
      if (organisation) await tx.run("INSERT INTO vault_meta (key, value) VALUES ('organisation', ?)", [organisation]);
      await tx.run("INSERT INTO users (name, role, created_at, created_by) VALUES (?, 'admin', ?, ?)", [user, now, user]);
      await appendCustody(tx, { actor: user, action: 'vault_create', subject: 'vault', details: { vaultId, user, role: 'admin', ...(organisation ? { organisation } : {}), sha256: userHash({ name: user, role: 'admin', removed: false }) } });
      await createSigningKey(tx, user);
      // Inside the transaction: if the header cannot be written, the vault is not created.
      await writeHeader(o.path, { format: HEADER_FORMAT, version: HEADER_VERSION, vaultId, cipher: { pageSize }, slots: [slot] });
    });
  } catch (e) {
    await db.close().catch(() => undefined);
    await removeVaultFiles(o.path);
    await unlink(headerPath(o.path)).catch(() => undefined);
    throw e;
  }
  return makeSession(o.path, vaultId, db, { name: user, role: 'admin' }, key);
}

export async function openVault(o: { path: string; user: string; passphrase: string }): Promise<VaultSession> {
  const userName = o.user.normalize('NFC');
  const header = await readHeader(o.path);
  if (!(await exists(o.path))) throw new CustodiaError('E_NO_VAULT', `no vault database at ${o.path}`);
  const key = await unwrapKey(header, userName, o.passphrase);
  const db = await openKeyedDatabase({ path: o.path, key, pageSize: header.cipher.pageSize, create: false });
  try {
    await migrate(db);
    const meta = await db.get<{ value: string }>("SELECT value FROM vault_meta WHERE key = 'vault_id'");
    if (meta?.value !== header.vaultId) {
      throw new CustodiaError('E_BAD_VAULT_HEADER', `the key header ${headerPath(o.path)} belongs to another vault`);
    }
    const row = await db.get<{ role: Role }>('SELECT role FROM users WHERE name = ? AND removed_at IS NULL', [userName]);
    if (!row) throw new CustodiaError('E_UNKNOWN_USER', `no user "${userName}" in this vault`);
    const notices = await recoverPendingFiles(db);
    return makeSession(o.path, header.vaultId, db, { name: userName, role: row.role }, key, notices);
  } catch (e) {
    await db.close().catch(() => undefined);
    key.fill(0);
    throw e;
  }
}
