// One object's sealing: AES-256-GCM under a random 32-byte key that only the database holds, with
// a fresh 96-bit IV, and associated data that binds it to its place (vault, item, chunk index),
// so an object moved to another item or position fails its tag even under the right key.
// Layout: version byte 1 | IV (12) | ciphertext | tag (16). WebCrypto runs on libuv's thread
// pool, so sealing a chunk overlaps hashing the next one on the main thread.
import { randomBytes, webcrypto } from 'node:crypto';
import { CustodiaError } from '../../shared/errors/error-codes';

const VERSION = 1;
const IV_BYTES = 12;
const HEAD = 1 + IV_BYTES;

export interface ObjectPlace {
  vaultId: string;
  evidenceId: number;
  seq: number;
}

export function newObjectKey(): Buffer {
  return randomBytes(32);
}

function params(place: ObjectPlace, iv: Uint8Array): webcrypto.AesGcmParams {
  return { name: 'AES-GCM', iv, additionalData: Buffer.from(`custodia/object/v1\0${place.vaultId}\0${place.evidenceId}\0${place.seq}`, 'utf8') };
}

function importKey(key: Buffer, use: 'encrypt' | 'decrypt'): Promise<webcrypto.CryptoKey> {
  return webcrypto.subtle.importKey('raw', key, 'AES-GCM', false, [use]);
}

export async function sealObject(plain: Uint8Array, key: Buffer, place: ObjectPlace): Promise<Buffer> {
  const iv = randomBytes(IV_BYTES);
  const body = new Uint8Array(await webcrypto.subtle.encrypt(params(place, iv), await importKey(key, 'encrypt'), plain));
  const out = Buffer.allocUnsafe(HEAD + body.length);
  out[0] = VERSION;
  iv.copy(out, 1);
  out.set(body, HEAD);
  return out;
}

/** The plaintext, or E_OBJECT_ALTERED when the tag does not hold for this key and place. */
export async function openObject(sealed: Buffer, key: Buffer, place: ObjectPlace, name: string): Promise<Buffer> {
  const altered = () => new CustodiaError('E_OBJECT_ALTERED', `object ${name} (evidence ${place.evidenceId}, chunk ${place.seq}) fails its authentication tag: altered or swapped`, { object: name, evidenceId: place.evidenceId });
  if (sealed.length < HEAD + 16 || sealed[0] !== VERSION) throw altered();
  try {
    const plain = await webcrypto.subtle.decrypt(params(place, sealed.subarray(1, HEAD)), await importKey(key, 'decrypt'), sealed.subarray(HEAD));
    return Buffer.from(plain);
  } catch {
    throw altered();
  }
}
