// Checkpoint signatures checked with node:crypto (OpenSSL), about twenty times faster than the
// pure-JS verifier in shared/: a vault signs a checkpoint per command, so `log verify` meets
// thousands. OpenSSL does not refuse small-order public keys (the "universal signature" the
// shared verifier guards against), so this is only used for keys the custody log itself
// announced — keys Custodia generated — and every other key goes through the strict verifier.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { checkpointBody, verifyCheckpointSignature, type Checkpoint } from '../../shared/custody/checkpoint';
import { parseLowerHex } from '../../shared/custody/bytes';

// DER prefix of an SPKI-wrapped Ed25519 public key (RFC 8410): SEQUENCE, AlgorithmIdentifier 1.3.101.112, BIT STRING.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class CheckpointVerifier {
  private readonly keys = new Map<string, KeyObject>();

  constructor(private readonly announcedKeys: ReadonlySet<string>) {}

  verify(cp: Checkpoint): boolean {
    if (!this.announcedKeys.has(cp.signer)) return verifyCheckpointSignature(cp);
    try {
      const signature = parseLowerHex(cp.signature, 64);
      const raw = parseLowerHex(cp.signer, 32);
      if (!signature || !raw) return false;
      let key = this.keys.get(cp.signer);
      if (!key) {
        key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
        this.keys.set(cp.signer, key);
      }
      return verify(null, checkpointBody(cp), key, signature);
    } catch {
      return false;
    }
  }
}
