// Signed checkpoints and key fingerprints, cross-checked with independent judges
// (PyNaCl/libsodium, openssl, hashlib; see judges.ts).
import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from '../../../shared/custody/bytes';
import {
  checkpointBody,
  generateSigningKeyPair,
  keyFingerprint,
  publicKeyFromSecret,
  signCheckpoint,
  verifyCheckpointSignature,
  type Checkpoint,
  type CheckpointBody,
} from '../../../shared/custody/checkpoint';
import { nacl, naclMissing, opensslMissing, opensslSha256, opensslVerifyEd25519 } from './judges';

const org = generateSigningKeyPair();
const body: CheckpointBody = {
  origin: 'custodia:vault:4f1c',
  treeSize: 1234,
  rootHash: 'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  time: '2026-10-03T14:05:09.120Z',
  signer: toHex(org.publicKey),
};
const cp = signCheckpoint(body, org.secretKey);

/** A copy of a hex string with one character changed to another hex digit. */
function changeHexAt(hex: string, at: number): string {
  const c = hex[at] === '0' ? '1' : '0';
  return hex.slice(0, at) + c + hex.slice(at + 1);
}

describe('checkpoint body', () => {
  it('is the canonical JSON of exactly the five signed fields', () => {
    const withExtra = { ...cp, note: 'not signed' } as Checkpoint;
    const expected =
      `{"origin":"custodia:vault:4f1c","rootHash":"${body.rootHash}","signer":"${body.signer}",` +
      `"time":"2026-10-03T14:05:09.120Z","treeSize":1234}`;
    expect(new TextDecoder().decode(checkpointBody(withExtra))).toBe(expected);
  });

  it.each([
    ['an empty origin', { origin: '' }],
    ['a negative tree size', { treeSize: -1 }],
    ['a fractional tree size', { treeSize: 1.5 }],
    ['an uppercase root hash', { rootHash: body.rootHash.toUpperCase() }],
    ['a short root hash', { rootHash: body.rootHash.slice(2) }],
    ['a time that is not ISO 8601', { time: 'yesterday' }],
    ['a signer that is not a key', { signer: 'ab' }],
  ])('refuses %s with E_INVALID_INPUT', (_what, change) => {
    expect(() => checkpointBody({ ...body, ...change })).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });

  it('refuses to sign under a key that is not the named signer', () => {
    const other = generateSigningKeyPair();
    expect(() => signCheckpoint(body, other.secretKey)).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });
});

describe('T4 authenticity in court: checkpoint signatures', () => {
  it('a checkpoint we signed verifies', () => {
    expect(cp.signature).toMatch(/^[0-9a-f]{128}$/);
    expect(verifyCheckpointSignature(cp)).toBe(true);
  });

  it.each([
    ['origin', { origin: 'custodia:vault:other' }],
    ['treeSize (history cut short)', { treeSize: 1233 }],
    ['treeSize (history padded)', { treeSize: 1235 }],
    ['rootHash', { rootHash: changeHexAt(body.rootHash, 10) }],
    ['time', { time: '2026-10-03T14:05:09.121Z' }],
  ])('fails when %s is changed after signing', (_field, change) => {
    expect(verifyCheckpointSignature({ ...cp, ...change })).toBe(false);
  });

  it('fails for every single changed character of the signature', () => {
    const accepted = Array.from({ length: 128 }, (_, i) => i).filter((i) =>
      verifyCheckpointSignature({ ...cp, signature: changeHexAt(cp.signature, i) }),
    );
    expect(accepted).toEqual([]);
  });

  it.each([
    ['a truncated signature', { signature: cp.signature.slice(0, 126) }],
    ['an empty signature', { signature: '' }],
    ['an extended signature', { signature: cp.signature + '00' }],
    ['an uppercase signature', { signature: cp.signature.toUpperCase() }],
    ['a signature that is not hex', { signature: 'zz' + cp.signature.slice(2) }],
    ['a signer that is not hex', { signer: 'not a key' }],
    ['a truncated signer', { signer: cp.signer.slice(0, 62) }],
    ['a tree size that is a string', { treeSize: '1234' as unknown as number }],
    ['a missing origin', { origin: undefined as unknown as string }],
  ])('answers false, without throwing, for %s', (_what, change) => {
    expect(verifyCheckpointSignature({ ...cp, ...change })).toBe(false);
  });

  it('fails for the zero public key with an all-zero signature', () => {
    const forged = { ...cp, signer: '00'.repeat(32), signature: '00'.repeat(64) };
    expect(verifyCheckpointSignature(forged)).toBe(false);
  });
});

describe('T6 forger: checkpoints signed by another key', () => {
  const forger = generateSigningKeyPair();

  it("fails when the forger's signature is presented under the organisation's key", () => {
    const forged = signCheckpoint({ ...body, signer: toHex(forger.publicKey) }, forger.secretKey);
    expect(verifyCheckpointSignature({ ...forged, signer: cp.signer })).toBe(false);
  });

  it("a forger's own checkpoint verifies but names the forger's fingerprint, not the organisation's", () => {
    const forged = signCheckpoint({ ...body, signer: toHex(forger.publicKey) }, forger.secretKey);
    expect(verifyCheckpointSignature(forged)).toBe(true);
    expect(keyFingerprint(fromHex(forged.signer))).not.toBe(keyFingerprint(org.publicKey));
    expect(keyFingerprint(fromHex(forged.signer))).toBe(keyFingerprint(forger.publicKey));
  });

  it('fails for the identity-point key whose (R = identity, S = 0) "signature" fits any message under ZIP-215 rules', () => {
    // Lenient (cofactored ZIP-215) verification accepts this pair for every message; strict
    // RFC 8032 verification, as libsodium does it, must not.
    const identity = '01' + '00'.repeat(31);
    const forged = { ...cp, signer: identity, signature: identity + '00'.repeat(32) };
    expect(verifyCheckpointSignature(forged)).toBe(false);
  });

  it('fails when the signature comes from another checkpoint of the same key', () => {
    const other = signCheckpoint({ ...body, treeSize: 9999 }, org.secretKey);
    expect(verifyCheckpointSignature({ ...cp, signature: other.signature })).toBe(false);
  });
});

describe('keys and fingerprints', () => {
  it('derives the RFC 8032 section 7.1 TEST 1 public key from its secret key', () => {
    const secret = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    expect(toHex(publicKeyFromSecret(secret))).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });

  it('generates distinct 32-byte seeds whose public key matches', () => {
    const a = generateSigningKeyPair();
    const b = generateSigningKeyPair();
    expect(a.secretKey).toHaveLength(32);
    expect(a.publicKey).toHaveLength(32);
    expect(a.publicKey).toEqual(publicKeyFromSecret(a.secretKey));
    expect(toHex(a.secretKey)).not.toBe(toHex(b.secretKey));
  });

  it('refuses a public key that is not 32 bytes', () => {
    expect(() => keyFingerprint(new Uint8Array(31))).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
    expect(() => publicKeyFromSecret(new Uint8Array(64))).toThrow(expect.objectContaining({ code: 'E_INVALID_INPUT' }));
  });

  it.skipIf(opensslMissing !== '')(`keyFingerprint is openssl's SHA-256 of the raw key bytes ${opensslMissing}`, () => {
    expect(keyFingerprint(org.publicKey)).toBe(opensslSha256(org.publicKey));
    expect(keyFingerprint(org.publicKey)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.skipIf(naclMissing !== '')(`keyFingerprint is hashlib's SHA-256 of the raw key bytes ${naclMissing}`, () => {
    const { hex } = nacl<{ hex: string }>({ op: 'sha256', data: toHex(org.publicKey) });
    expect(keyFingerprint(org.publicKey)).toBe(hex);
  });
});

describe.skipIf(naclMissing !== '')(`independent judge: PyNaCl (libsodium) ${naclMissing}`, () => {
  it('nacl verifies a checkpoint signature we made, and rejects it on an altered body', () => {
    const good = nacl<{ ok: boolean }>({ op: 'verify', publicKey: cp.signer, message: toHex(checkpointBody(cp)), signature: cp.signature });
    expect(good.ok).toBe(true);
    const altered = checkpointBody({ ...cp, treeSize: cp.treeSize - 1 });
    const bad = nacl<{ ok: boolean }>({ op: 'verify', publicKey: cp.signer, message: toHex(altered), signature: cp.signature });
    expect(bad.ok).toBe(false);
  });

  it('we verify a checkpoint nacl signed, and nacl derives the same public key from the seed', () => {
    const seed = generateSigningKeyPair().secretKey;
    const signer = toHex(publicKeyFromSecret(seed));
    const naclBody = { ...body, signer };
    const signed = nacl<{ publicKey: string; signature: string }>({ op: 'sign', seed: toHex(seed), message: toHex(checkpointBody(naclBody)) });
    expect(signed.publicKey).toBe(signer);
    const fromNacl: Checkpoint = { ...naclBody, signature: signed.signature };
    expect(verifyCheckpointSignature(fromNacl)).toBe(true);
    expect(verifyCheckpointSignature({ ...fromNacl, time: '2026-10-04T00:00:00Z' })).toBe(false);
    // Ed25519 is deterministic: the same seed and bytes give our signature byte for byte.
    expect(signCheckpoint(naclBody, seed).signature).toBe(signed.signature);
  });

  it('nacl derives the RFC 8032 TEST 1 public key too (the vector above is transcribed right)', () => {
    const signed = nacl<{ publicKey: string }>({ op: 'sign', seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', message: '' });
    expect(signed.publicKey).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  });
});

describe.skipIf(opensslMissing !== '')(`independent judge: openssl pkeyutl ${opensslMissing}`, () => {
  it('openssl verifies our checkpoint signature and rejects it on an altered body', () => {
    const sig = fromHex(cp.signature);
    expect(opensslVerifyEd25519(org.publicKey, checkpointBody(cp), sig)).toBe(true);
    expect(opensslVerifyEd25519(org.publicKey, utf8('{"treeSize":1}'), sig)).toBe(false);
  });
});
