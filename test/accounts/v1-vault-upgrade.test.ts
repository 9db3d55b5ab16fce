// T3/T6 for vaults made before personal keys: their slots (format v1) wrap the database key
// itself and every seed sits in signing_keys. At the owner's next unlock the slot becomes v2,
// the seed leaves the database, the signing key is replaced with a key_change entry naming the
// old key as exposed, and checkpoints signed by the old key still verify in `log verify`.
import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openVault } from '../../main/accounts/vault-session';
import { verifyLog } from '../../main/audit/verify-log';
import { appendCustody } from '../../main/custody/custody-log';
import { userHash } from '../../main/custody/record-hash';
import { listCheckpoints, signCheckpoint } from '../../main/custody/checkpoints';
import { holdSigningKey, releaseSigningKey } from '../../main/custody/signing-keys';
import { signSessionCheckpoint } from '../../main/accounts/sealed-changes';
import { HEADER_FORMAT, readHeader, writeHeader } from '../../main/vault/header-file';
import { deriveKey } from '../../main/vault/kdf';
import { isPersonal, slotId } from '../../main/vault/key-slots';
import { openKeyedDatabase } from '../../main/vault/keyed-database';
import { migrate } from '../../main/vault/migrate';
import { migrations } from '../../main/vault/migrations';
import { generateSigningKeyPair, keyFingerprint, verifyCheckpointSignature } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { CHEAP_KDF, PASSPHRASE } from '../vault/fixture';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A vault as the release before personal keys left it: schema 7, the seed in signing_keys, a v1 slot. */
async function v1Vault(path: string): Promise<{ oldPublicKey: string }> {
  const vaultId = randomUUID();
  const dbKey = randomBytes(32);
  const db = await openKeyedDatabase({ path, key: dbKey, pageSize: 65536, create: true });
  await migrate(db, migrations.slice(0, 7));
  const pair = generateSigningKeyPair();
  const now = new Date().toISOString();
  await db.transaction(async (tx) => {
    await tx.run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?), ('created_at', ?)", [vaultId, now]);
    await tx.run("INSERT INTO users (name, role, created_at, created_by) VALUES ('ana', 'admin', ?, 'ana')", [now]);
    await appendCustody(tx, { actor: 'ana', action: 'vault_create', subject: 'vault', details: { vaultId, user: 'ana', role: 'admin', sha256: userHash({ name: 'ana', role: 'admin', removed: false }) } });
    await tx.run('INSERT INTO signing_keys (user_name, public_key, secret_key, created_at) VALUES (?, ?, ?, ?)', ['ana', Buffer.from(pair.publicKey), Buffer.from(pair.secretKey), now]);
    await appendCustody(tx, { actor: 'ana', action: 'key_change', subject: 'user:ana', details: { change: 'signing_key_created', publicKey: toHex(pair.publicKey), fingerprint: keyFingerprint(pair.publicKey) } });
  });
  holdSigningKey(db, 'ana', { publicKey: pair.publicKey, secretKey: Uint8Array.from(pair.secretKey) });
  await signCheckpoint(db, vaultId, 'ana');
  releaseSigningKey(db);
  await db.close();
  const salt = randomBytes(16);
  const kek = await deriveKey(PASSPHRASE, salt, CHEAP_KDF);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(`custodia/key-slot/v1\0${vaultId}\0ana\0scrypt:${CHEAP_KDF.N}:${CHEAP_KDF.r}:${CHEAP_KDF.p}`, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  await writeHeader(path, {
    format: HEADER_FORMAT, version: 1, vaultId, cipher: { pageSize: 65536 },
    slots: [{ id: slotId(vaultId, 'ana'), kdf: { ...CHEAP_KDF }, salt: salt.toString('base64'), iv: iv.toString('base64'), wrappedKey: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') }],
  });
  return { oldPublicKey: toHex(pair.publicKey) };
}

describe('T3 T6 a v1 vault at its owner\'s next unlock', () => {
  it('moves the owner to a v2 slot, drops every seed from the database, rotates the key, and old checkpoints still verify', async () => {
    dir = await mkdtemp(join(tmpdir(), 'custodia-v1-'));
    const path = join(dir, 'v.custodia');
    const { oldPublicKey } = await v1Vault(path);
    const s = await openVault({ path, user: 'ana', passphrase: PASSPHRASE });
    try {
      expect(s.notices.join('\n')).toMatch(/signing key replaced/);
      const [slot] = (await readHeader(path)).slots;
      expect(slot && isPersonal(slot) && slot.state === 'active').toBe(true);
      const columns = await s.db.all<{ name: string }>("SELECT name FROM pragma_table_info('signing_keys')");
      expect(columns.map((c) => c.name)).not.toContain('secret_key');
      const rotation = await s.db.get<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'key_change' AND json_extract(entry, '$.details.change') = 'signing_key_rotated'");
      const details = (JSON.parse(rotation!.entry) as { details: Record<string, string> }).details;
      expect(details).toMatchObject({ reason: 'exposed', oldPublicKey });
      expect(details.exposedFrom).toBeTruthy();
      expect(details.publicKey).not.toBe(oldPublicKey);
      const fresh = await signSessionCheckpoint(s);
      expect(fresh.signer).toBe(details.publicKey);
      const [old] = await listCheckpoints(s.db);
      expect(old!.signer).toBe(oldPublicKey);
      expect(verifyCheckpointSignature(old!)).toBe(true);
      // The log had no slot entries: the upgrade logged ana's new slot, and this first admin
      // unlock vouched for the header as it stood, marked as taken on trust.
      const slotEntries = await s.db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE action = 'key_slot' ORDER BY seq");
      expect(slotEntries.map((r) => (JSON.parse(r.entry) as { details: { change: string; trustOnFirstUse?: boolean } }).details))
        .toMatchObject([{ change: 'upgrade' }, { change: 'trust_on_first_use', trustOnFirstUse: true }]);
      expect(s.notices.join('\n')).toMatch(/taken on trust/);
      const report = await verifyLog(s);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await s.close();
    }
    // The next unlock finds a v2 slot and rotates nothing more.
    const again = await openVault({ path, user: 'ana', passphrase: PASSPHRASE });
    expect(again.notices).toEqual([]);
    await again.close();
  });
});
