// Signed checkpoints: {origin, tree size, root hash, time, signer} under Ed25519, so a tree
// head kept outside the vault can later prove the log was neither rewritten nor cut short.
import { ed25519 } from '@noble/curves/ed25519.js';
import { CustodiaError } from '../errors/error-codes';
import { parseLowerHex, toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical-json';
import { sha256 } from './sha256';

export interface Checkpoint {
  /** Which log this is, e.g. the vault's id. */
  origin: string;
  treeSize: number;
  /** Lowercase hex of the 32-byte RFC 9162 root hash. */
  rootHash: string;
  /** ISO 8601 time the checkpoint was made. */
  time: string;
  /** Lowercase hex of the signer's 32-byte Ed25519 public key. */
  signer: string;
  /** Lowercase hex of the 64-byte Ed25519 signature over checkpointBody(). */
  signature: string;
}

export type CheckpointBody = Omit<Checkpoint, 'signature'>;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function invalid(message: string, field: string): never {
  throw new CustodiaError('E_INVALID_INPUT', message, { field });
}

/** UTF-8 canonical JSON of exactly {origin, treeSize, rootHash, time, signer}: the signed bytes. */
export function checkpointBody(cp: CheckpointBody): Uint8Array {
  const { origin, treeSize, rootHash, time, signer } = cp;
  if (typeof origin !== 'string' || origin.length === 0) invalid('A checkpoint needs an origin.', 'origin');
  if (!Number.isSafeInteger(treeSize) || treeSize < 0) invalid('treeSize must be a non-negative integer.', 'treeSize');
  if (!parseLowerHex(rootHash, 32)) invalid('rootHash must be 64 lowercase hex digits.', 'rootHash');
  if (typeof time !== 'string' || !ISO_TIME.test(time) || Number.isNaN(Date.parse(time))) {
    invalid('time must be an ISO 8601 date-time.', 'time');
  }
  if (!parseLowerHex(signer, 32)) invalid('signer must be 64 lowercase hex digits.', 'signer');
  return utf8(canonicalJson({ origin, treeSize, rootHash, time, signer }));
}

function checkSecretKey(secretKey: Uint8Array): void {
  if (!(secretKey instanceof Uint8Array) || secretKey.length !== 32) {
    throw new CustodiaError('E_INVALID_INPUT', 'An Ed25519 secret key is a 32-byte seed.');
  }
}

/** The 32-byte Ed25519 public key of a 32-byte seed. */
export function publicKeyFromSecret(secretKey: Uint8Array): Uint8Array {
  checkSecretKey(secretKey);
  return ed25519.getPublicKey(secretKey);
}

/** Signs a checkpoint; body.signer must be the public key of secretKey. */
export function signCheckpoint(body: CheckpointBody, secretKey: Uint8Array): Checkpoint {
  const publicKey = publicKeyFromSecret(secretKey);
  if (body.signer !== toHex(publicKey)) invalid('The checkpoint signer is not the key that signs it.', 'signer');
  const bytes = checkpointBody(body);
  const { origin, treeSize, rootHash, time, signer } = body;
  return { origin, treeSize, rootHash, time, signer, signature: toHex(ed25519.sign(bytes, secretKey)) };
}

/**
 * True only for a well-formed checkpoint whose signature verifies under its own signer key
 * (strict RFC 8032 rules, as libsodium applies them). Never throws. Whether that signer is one
 * the reader trusts is a separate question: compare keyFingerprint() with a published one.
 */
export function verifyCheckpointSignature(cp: Checkpoint): boolean {
  try {
    const publicKey = parseLowerHex(cp.signer, 32);
    const signature = parseLowerHex(cp.signature, 64);
    if (!publicKey || !signature) return false;
    return ed25519.verify(signature, checkpointBody(cp), publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** The key fingerprint used everywhere (UI, PDF, CLI, bag-info): lowercase hex SHA-256 of the 32 raw public-key bytes. */
export function keyFingerprint(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) {
    throw new CustodiaError('E_INVALID_INPUT', 'An Ed25519 public key is 32 bytes.');
  }
  return toHex(sha256(publicKey));
}

/** A fresh Ed25519 key pair; secretKey is the 32-byte seed. */
export function generateSigningKeyPair(): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const secretKey = ed25519.utils.randomSecretKey();
  return { publicKey: ed25519.getPublicKey(secretKey), secretKey };
}
