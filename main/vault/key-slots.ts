// Per-user key slots: the random database key wrapped under a key derived from the passphrase.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { KeySlot, VaultHeader } from './header-file';
import { DEFAULT_KDF, deriveKey, KEY_BYTES, type KdfParams } from './kdf';

const AAD_LABEL = 'custodia/key-slot/v1';

/** Not a secret: it keeps user names out of the plaintext header, nothing more (a guess is cheap). */
export function slotId(vaultId: string, userName: string): string {
  return createHash('sha256').update(`${AAD_LABEL}\0${vaultId}\0${userName}`, 'utf8').digest('hex');
}

// The AAD binds a slot to its vault, its user and its KDF cost, so a slot copied to another
// vault or user, or given weaker parameters, no longer opens.
function aad(vaultId: string, userName: string, kdf: KdfParams): Buffer {
  return Buffer.from(`${AAD_LABEL}\0${vaultId}\0${userName}\0${kdf.alg}:${kdf.N}:${kdf.r}:${kdf.p}`, 'utf8');
}

export function newDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export async function wrapKey(o: { dbKey: Buffer; passphrase: string; vaultId: string; userName: string; kdf: KdfParams }): Promise<KeySlot> {
  const salt = randomBytes(16);
  const kek = await deriveKey(o.passphrase, salt, o.kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(aad(o.vaultId, o.userName, o.kdf));
  const wrapped = Buffer.concat([cipher.update(o.dbKey), cipher.final()]);
  kek.fill(0);
  return {
    id: slotId(o.vaultId, o.userName),
    kdf: { ...o.kdf },
    salt: salt.toString('base64'),
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** One answer for an unknown user and a wrong passphrase, so neither says which names exist. */
const refused = (userName: string): CustodiaError => new CustodiaError('E_BAD_PASSPHRASE', `wrong user name or passphrase for "${userName}"`);

/**
 * Unwraps the database key; a wrong passphrase fails the GCM tag and nothing else happens. An
 * unknown user costs one derivation with a slot's own parameters and a random salt, then the
 * same refusal (T1, T3: no user enumeration by answer or by time).
 */
export async function unwrapKey(header: VaultHeader, userName: string, passphrase: string): Promise<Buffer> {
  const id = slotId(header.vaultId, userName);
  const slot = header.slots.find((s) => s.id === id);
  if (!slot) {
    (await deriveKey(passphrase, randomBytes(16), header.slots[0]?.kdf ?? DEFAULT_KDF)).fill(0);
    throw refused(userName);
  }
  const kek = await deriveKey(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'), { authTagLength: 16 });
    decipher.setAAD(aad(header.vaultId, userName, slot.kdf));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(slot.wrappedKey, 'base64')), decipher.final()]);
    if (key.length !== KEY_BYTES) throw new Error('wrong key length');
    return key;
  } catch {
    throw refused(userName);
  } finally {
    kek.fill(0);
  }
}
