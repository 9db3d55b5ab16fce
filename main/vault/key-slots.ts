// Per-user key slots (format v2, README "Key header"): each user's own X25519 and Ed25519
// secret keys sealed under a key derived from their passphrase, and the random database key
// sealed to their X25519 public key. Sealing to a public key lets an admin give a new database
// key to every remaining user (a re-key) without knowing anyone's passphrase, and no slot
// holds another user's secrets. Version-1 slots (the database key under the passphrase) are
// still opened, so their owner can be moved to v2 at the next unlock.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { publicKeyFromSecret } from '../../shared/custody/checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { canonicalJson } from '../../shared/custody/canonical-json';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { KeySlot, LegacySlot, PersonalSlot, SealedKey, VaultHeader } from './header-file';
import { DEFAULT_KDF, deriveKey, KEY_BYTES, type KdfParams } from './kdf';

const ID_LABEL = 'custodia/key-slot/v1';
const SLOT_LABEL = 'custodia/key-slot/v2';
const DB_KEY_LABEL = 'custodia/db-key/v2';
const HASH_LABEL = 'custodia/slot-hash/v1';

/** Not a secret: it keeps user names out of the plaintext header, nothing more (a guess is cheap). */
export function slotId(vaultId: string, userName: string): string {
  return createHash('sha256').update(`${ID_LABEL}\0${vaultId}\0${userName}`, 'utf8').digest('hex');
}

/**
 * What the custody log vouches for (README "Key header"): SHA-256 of a label and the slot's
 * canonical JSON without its database-key wraps. The wraps are left out because a re-key
 * replaces them for every user without anyone's passphrase, and a wrap only ever opens for the
 * holder of the slot's box secret; everything a passphrase guards, and the public keys, count.
 */
export function slotHash(slot: KeySlot): string {
  const { dbKey: _dbKey, nextDbKey: _nextDbKey, ...kept } = slot as PersonalSlot;
  return createHash('sha256').update(`${HASH_LABEL}\0${canonicalJson(kept)}`, 'utf8').digest('hex');
}

export function newDatabaseKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

const kdfText = (kdf: KdfParams): string => `${kdf.alg}:${kdf.N}:${kdf.r}:${kdf.p}`;

// The AAD binds a slot to its vault, its user, its KDF cost, its state and its public keys, so a
// slot copied to another vault or user, given weaker parameters or other public keys, no longer opens.
function slotAad(vaultId: string, userName: string, s: Pick<PersonalSlot, 'state' | 'kdf' | 'boxPublicKey' | 'signingPublicKey'>): Buffer {
  return Buffer.from([SLOT_LABEL, vaultId, userName, s.state, kdfText(s.kdf), s.boxPublicKey, s.signingPublicKey ?? ''].join('\0'), 'utf8');
}

function legacyAad(vaultId: string, userName: string, kdf: KdfParams): Buffer {
  return Buffer.from(`${ID_LABEL}\0${vaultId}\0${userName}\0${kdfText(kdf)}`, 'utf8');
}

function gcmSeal(key: Uint8Array, plain: Uint8Array, aad: Buffer): { iv: string; wrapped: string; tag: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const wrapped = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv: iv.toString('base64'), wrapped: wrapped.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Throws on a wrong key or any altered byte (GCM tag). */
function gcmOpen(key: Uint8Array, iv: string, wrapped: string, tag: string, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 });
  decipher.setAAD(aad);
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(wrapped, 'base64')), decipher.final()]);
}

function dbKeyContext(vaultId: string, userName: string): Buffer {
  return Buffer.from(`${DB_KEY_LABEL}\0${vaultId}\0${userName}`, 'utf8');
}

function boxKey(shared: Uint8Array, ephemeralPublic: Uint8Array, recipient: Uint8Array, context: Buffer): Uint8Array {
  return hkdf(sha256, shared, Buffer.concat([ephemeralPublic, recipient]), context, KEY_BYTES);
}

/** Seals the database key to a user's X25519 public key: anyone can wrap, only the holder of the secret half can open. */
export function sealDbKey(dbKey: Buffer, boxPublicKey: Uint8Array, vaultId: string, userName: string): SealedKey {
  const ephemeral = x25519.utils.randomSecretKey();
  const ephemeralPublic = x25519.getPublicKey(ephemeral);
  const context = dbKeyContext(vaultId, userName);
  const key = boxKey(x25519.getSharedSecret(ephemeral, boxPublicKey), ephemeralPublic, boxPublicKey, context);
  ephemeral.fill(0);
  const sealed = gcmSeal(key, dbKey, context);
  key.fill(0);
  return { ephemeralPublicKey: toHex(ephemeralPublic), iv: sealed.iv, wrappedKey: sealed.wrapped, tag: sealed.tag };
}

/** Opens a sealed database key with the slot's X25519 secret; throws E_BAD_VAULT_HEADER when it was not sealed to it. */
export function openDbKey(sealed: SealedKey, boxSecret: Uint8Array, vaultId: string, userName: string): Buffer {
  const context = dbKeyContext(vaultId, userName);
  const ephemeralPublic = Buffer.from(sealed.ephemeralPublicKey, 'hex');
  let key: Uint8Array | undefined;
  try {
    key = boxKey(x25519.getSharedSecret(boxSecret, ephemeralPublic), ephemeralPublic, x25519.getPublicKey(boxSecret), context);
    const dbKey = gcmOpen(key, sealed.iv, sealed.wrappedKey, sealed.tag, context);
    if (dbKey.length !== KEY_BYTES) throw new Error('wrong key length');
    return dbKey;
  } catch {
    throw new CustodiaError('E_BAD_VAULT_HEADER', 'the database key in this key slot was not sealed to its owner (altered header)');
  } finally {
    key?.fill(0);
  }
}

export function newBoxSecret(): Uint8Array {
  return x25519.utils.randomSecretKey();
}

export function boxPublicKeyOf(boxSecret: Uint8Array): Uint8Array {
  return x25519.getPublicKey(boxSecret);
}

export interface NewPersonalSlot {
  vaultId: string;
  userName: string;
  passphrase: string;
  kdf: KdfParams;
  state: PersonalSlot['state'];
  boxSecret: Uint8Array;
  /** The Ed25519 seed; an active slot only. */
  signingSecret?: Uint8Array;
  /** Omitted for a slot that must hold no key to the content. */
  dbKey?: Buffer;
}

export async function makePersonalSlot(o: NewPersonalSlot): Promise<PersonalSlot> {
  if ((o.state === 'active') !== (o.signingSecret !== undefined)) throw new CustodiaError('E_INTERNAL', 'an active slot, and only an active slot, holds a signing key');
  const boxPublicKey = toHex(boxPublicKeyOf(o.boxSecret));
  const signingPublicKey = o.signingSecret ? toHex(publicKeyFromSecret(o.signingSecret)) : undefined;
  const salt = randomBytes(16);
  const kek = await deriveKey(o.passphrase, salt, o.kdf);
  const head = { state: o.state, kdf: { ...o.kdf }, boxPublicKey, ...(signingPublicKey ? { signingPublicKey } : {}) };
  const plain = Buffer.concat([o.boxSecret, ...(o.signingSecret ? [o.signingSecret] : [])]);
  const sealed = gcmSeal(kek, plain, slotAad(o.vaultId, o.userName, head));
  kek.fill(0);
  plain.fill(0);
  return {
    v: 2, id: slotId(o.vaultId, o.userName), ...head,
    salt: salt.toString('base64'), iv: sealed.iv, secrets: sealed.wrapped, tag: sealed.tag,
    ...(o.dbKey ? { dbKey: sealDbKey(o.dbKey, Buffer.from(boxPublicKey, 'hex'), o.vaultId, o.userName) } : {}),
  };
}

export type UnlockedSlot =
  | { kind: 'legacy'; slot: LegacySlot; dbKey: Buffer }
  | { kind: 'personal'; slot: PersonalSlot; boxSecret: Uint8Array; signingSecret: Uint8Array | null };

export function isPersonal(slot: LegacySlot | PersonalSlot): slot is PersonalSlot {
  return 'v' in slot;
}

/** One answer for an unknown user and a wrong passphrase, so neither says which names exist. */
const refused = (userName: string): CustodiaError => new CustodiaError('E_BAD_PASSPHRASE', `wrong user name or passphrase for "${userName}"`);

/**
 * Opens the user's slot with their passphrase; a wrong passphrase fails the GCM tag and nothing
 * else happens. An unknown user costs one derivation with a slot's own parameters and a random
 * salt, then the same refusal (T1, T3: no user enumeration by answer or by time).
 */
export async function unlockSlot(header: VaultHeader, userName: string, passphrase: string): Promise<UnlockedSlot> {
  const id = slotId(header.vaultId, userName);
  const slot = header.slots.find((s) => s.id === id);
  if (!slot) {
    (await deriveKey(passphrase, randomBytes(16), header.slots[0]?.kdf ?? DEFAULT_KDF)).fill(0);
    throw refused(userName);
  }
  const kek = await deriveKey(passphrase, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    if (!isPersonal(slot)) {
      const dbKey = gcmOpen(kek, slot.iv, slot.wrappedKey, slot.tag, legacyAad(header.vaultId, userName, slot.kdf));
      if (dbKey.length !== KEY_BYTES) throw new Error('wrong key length');
      return { kind: 'legacy', slot, dbKey };
    }
    const plain = gcmOpen(kek, slot.iv, slot.secrets, slot.tag, slotAad(header.vaultId, userName, slot));
    const expected = slot.state === 'active' ? 64 : 32;
    if (plain.length !== expected) throw new Error('wrong secrets length');
    const boxSecret = new Uint8Array(plain.subarray(0, 32));
    const signingSecret = slot.state === 'active' ? new Uint8Array(plain.subarray(32, 64)) : null;
    plain.fill(0);
    return { kind: 'personal', slot, boxSecret, signingSecret };
  } catch {
    throw refused(userName);
  } finally {
    kek.fill(0);
  }
}
