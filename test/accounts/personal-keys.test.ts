// T3/T6, an insider who wants to sign as a colleague: with their own passphrase and every byte
// of the vault folder, a user unwraps their own slot, reads every table (signing_keys
// included) and every slot of the header, and still holds no secret key of anyone else, so no
// checkpoint they make verifies as the legal officer. T3, a removed user: their saved header
// plus their passphrase opens nothing after the re-key, neither old records nor new ones.
import { copyFile, readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { removeUser } from '../../main/accounts/users';
import { exportLogPackage, verifyLogPackageFile } from '../../main/audit/log-package';
import { verifyLog } from '../../main/audit/verify-log';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { openVault } from '../../main/accounts/vault-session';
import { checkpointOrigin, signCheckpoint } from '../../main/custody/checkpoints';
import { currentPublicKey, loggedPublicKeys } from '../../main/custody/signing-keys';
import { rootAt } from '../../main/custody/merkle-store';
import { treeSize } from '../../main/custody/custody-log';
import { headerPath, readHeader } from '../../main/vault/header-file';
import { isPersonal, openDbKey, unlockSlot } from '../../main/vault/key-slots';
import { openKeyedDatabase } from '../../main/vault/keyed-database';
import { keyFingerprint, signCheckpoint as signBody, verifyCheckpointSignature } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { addActiveUser, errorCode, INCIDENT, PASSPHRASE, tempVault, type TempVault } from '../vault/fixture';
import { addIncident } from '../../main/records/incidents';
import { addCase } from '../../main/records/cases';
import { buildCli, runCli } from '../cli/cli-harness';

let v: TempVault | undefined;
afterEach(async () => {
  await v?.cleanup();
  v = undefined;
});

/** Every byte sequence of 32 in a buffer, as candidate Ed25519 seeds. */
function* seeds(bytes: Uint8Array): Generator<Uint8Array> {
  for (let i = 0; i + 32 <= bytes.length; i += 1) yield bytes.subarray(i, i + 32);
}

describe('T3 T6 keys that belong to people', () => {
  it('T6 a colleague with their own passphrase and every byte of the vault cannot sign as the legal officer', async () => {
    v = await tempVault();
    await addActiveUser(v, 'lex', 'legal', 'passphrase of lex');
    await addActiveUser(v, 'doc', 'documenter', 'passphrase of doc');
    await v.session.close();
    // The attacker is doc: they open their own session and read everything there is.
    v.session = await openVault({ path: v.path, user: 'doc', passphrase: 'passphrase of doc' });
    const db = v.session.db;
    const lexKey = await currentPublicKey(db, 'lex');
    expect(lexKey).not.toBeNull();
    const lexHex = toHex(lexKey!.publicKey);
    expect((await loggedPublicKeys(db)).get(lexHex)).toBe('lex');
    // The core refuses to sign as lex from doc's session.
    expect(await errorCode(signCheckpoint(db, v.session.vaultId, 'lex'))).toBe('E_NO_SIGNING_KEY');
    // Every table, every row, every column; and doc's own unwrapped slot; and every other slot.
    const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    const blobs: Uint8Array[] = [];
    for (const { name } of tables) {
      for (const row of await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)) {
        for (const value of Object.values(row)) {
          if (Buffer.isBuffer(value)) blobs.push(value);
          else if (typeof value === 'string') blobs.push(Buffer.from(value, 'utf8'), ...[...value.matchAll(/[0-9a-f]{64}/g)].map((m) => Buffer.from(m[0], 'hex')));
        }
      }
    }
    const header = await readHeader(v.path);
    const mine = await unlockSlot(header, 'doc', 'passphrase of doc');
    if (mine.kind === 'personal') blobs.push(mine.boxSecret, ...(mine.signingSecret ? [mine.signingSecret] : []));
    const headerText = await readFile(headerPath(v.path), 'utf8');
    for (const m of headerText.matchAll(/[0-9a-f]{64}/g)) blobs.push(Buffer.from(m[0], 'hex'));
    for (const m of headerText.matchAll(/"([A-Za-z0-9+/]{40,}={0,2})"/g)) blobs.push(Buffer.from(m[1]!, 'base64'));
    // Try every 32-byte window as lex's seed: a checkpoint that verifies as lex is the forgery.
    const size = await treeSize(db);
    const body = { origin: checkpointOrigin(v.session.vaultId), treeSize: size, rootHash: toHex(await rootAt(db, size)), time: new Date().toISOString(), signer: lexHex };
    let forged = 0;
    for (const blob of blobs) {
      for (const seed of seeds(blob)) {
        try {
          if (verifyCheckpointSignature(signBody(body, Uint8Array.from(seed)))) forged += 1;
        } catch {
          // signBody refuses a seed whose public key is not lex's: that is the expected outcome.
        }
      }
    }
    expect(forged).toBe(0);
    // doc's own checkpoint verifies, and as doc, not as lex.
    const own = await signSessionCheckpoint(v.session);
    expect(verifyCheckpointSignature(own)).toBe(true);
    expect(keyFingerprint(Buffer.from(own.signer, 'hex'))).not.toBe(keyFingerprint(lexKey!.publicKey));
  });

  it('T3 a removed user\'s saved key header and passphrase open nothing after the removal (exit 3)', async () => {
    v = await tempVault();
    await addActiveUser(v, 'xavi', 'documenter', 'passphrase of xavi');
    const saved = `${v.path}.saved-keys`;
    await copyFile(headerPath(v.path), saved);
    const oldHeader = await readHeader(v.path);
    await removeUser(v.session, 'xavi');
    const c = await addCase(v.session, { title: 'after the removal' });
    await addIncident(v.session, c.id, { ...INCIDENT, verbatim: 'a record made after the removal' });
    await v.session.close();
    // The attacker's own way in: their saved slot opens the old database key, which opens nothing.
    const slot = await unlockSlot(oldHeader, 'xavi', 'passphrase of xavi');
    expect(slot.kind).toBe('personal');
    if (slot.kind !== 'personal' || !isPersonal(slot.slot) || !slot.slot.dbKey) throw new Error('expected a personal slot');
    const oldKey = openDbKey(slot.slot.dbKey, slot.boxSecret, oldHeader.vaultId, 'xavi');
    expect(await errorCode(openKeyedDatabase({ path: v.path, key: oldKey, pageSize: oldHeader.cipher.pageSize, create: false }))).toBe('E_DB_CORRUPT');
    expect(await errorCode(openVault({ path: v.path, user: 'xavi', passphrase: 'passphrase of xavi' }))).toBe('E_BAD_PASSPHRASE');
    // And through the CLI with the saved header put back: exit 3.
    const cli = await buildCli();
    await copyFile(saved, headerPath(v.path));
    const r = runCli(cli, ['case', 'list', '--vault', v.path, '--user', 'xavi'], { CUSTODIA_PASSPHRASE: 'passphrase of xavi' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^error E_KEY_HEADER_STALE: /m);
    // An old header copied back revives no one's old key, the admin's included.
    const admin = runCli(cli, ['case', 'list', '--vault', v.path, '--user', 'ana'], { CUSTODIA_PASSPHRASE: PASSPHRASE });
    expect(admin.status).toBe(3);
  });

  it('T3 a removed user who kept their old key signs nothing after the removal: their checkpoint of a later tree is refused, their earlier one still holds', async () => {
    v = await tempVault();
    await addActiveUser(v, 'xavi', 'legal', 'passphrase of xavi');
    const oldHeader = await readHeader(v.path);
    // The attacker's copy: their own slot, with their own signing seed inside.
    const slot = await unlockSlot(oldHeader, 'xavi', 'passphrase of xavi');
    if (slot.kind !== 'personal' || !slot.signingSecret) throw new Error('expected an active personal slot');
    const seed = Uint8Array.from(slot.signingSecret);
    const origin = checkpointOrigin(v.session.vaultId);
    const signer = isPersonal(slot.slot) ? slot.slot.signingPublicKey : undefined;
    if (!signer) throw new Error('expected a signing key in the slot');
    // The removal re-keys the database, so the session's connection is read afresh each time.
    const signedAt = async () => {
      const size = await treeSize(v!.session.db);
      return signBody({ origin, treeSize: size, rootHash: toHex(await rootAt(v!.session.db, size)), time: new Date().toISOString(), signer }, seed);
    };
    const before = await signedAt();
    await removeUser(v.session, 'xavi');
    const c = await addCase(v.session, { title: 'after the removal' });
    await addIncident(v.session, c.id, INCIDENT);
    const after = await signedAt();
    expect(verifyCheckpointSignature(after)).toBe(true);
    expect((await verifyLog(v.session, { externalCheckpoint: before })).problems).toEqual([]);
    const refused = (await verifyLog(v.session, { externalCheckpoint: after })).problems;
    expect(refused.map((p) => p.code)).toEqual(['E_CHECKPOINT_KEY_UNKNOWN']);
    expect(refused[0]?.message).toMatch(/xavi's key .* until entry \d+/);
    // The auditor's package says the same, with no vault.
    const pkg = `${v.path}.audit.json`;
    await exportLogPackage(v.session, pkg);
    const earlier = (cp: typeof after) => ({ label: 'the kept checkpoint', treeSize: cp.treeSize, rootHash: cp.rootHash, checkpoint: cp });
    expect((await verifyLogPackageFile(pkg, earlier(before))).problems).toEqual([]);
    expect((await verifyLogPackageFile(pkg, earlier(after))).problems.map((p) => p.code)).toEqual(['E_CHECKPOINT_KEY_UNKNOWN']);
  });
});
