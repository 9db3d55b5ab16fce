// Refuses to write a dossier that its own verifier would reject: a signer whose halves do not
// match, a checkpoint that does not verify, a custody proof that leads elsewhere.
import { bytesEqual } from '../../shared/custody/bytes';
import { publicKeyFromSecret, verifyCheckpointSignature } from '../../shared/custody/checkpoint';
import { verifyEntryInCheckpoint } from '../../shared/custody/proof-json';
import type { DossierInput } from '../../shared/dossier/dossier-types';
import { CustodiaError } from '../../shared/errors/error-codes';

const HEX64 = /^[0-9a-f]{64}$/;

export function validateDossierInput(input: DossierInput): void {
  if (!bytesEqual(publicKeyFromSecret(input.signer.secretKey), input.signer.publicKey)) {
    throw new CustodiaError('E_INVALID_INPUT', 'the signer public key does not belong to the secret key');
  }
  if (!verifyCheckpointSignature(input.checkpoint)) {
    throw new CustodiaError('E_CHECKPOINT_SIGNATURE', 'the custody checkpoint signature does not verify');
  }
  for (const { entry, proof } of input.custody) {
    if (!verifyEntryInCheckpoint(entry, proof, input.checkpoint)) {
      throw new CustodiaError('E_ROOT_MISMATCH', `custody entry ${entry.seq} is not proven in the checkpoint`, { seq: entry.seq });
    }
  }
  const unique = (values: string[], what: string): void => {
    const dup = values.find((v, i) => values.indexOf(v) !== i);
    if (dup !== undefined) throw new CustodiaError('E_INVALID_INPUT', `${what} ${dup} appears twice`);
  };
  unique(input.incidents.map((i) => i.id), 'incident');
  unique(input.exhibits.map((e) => e.id), 'exhibit');
  unique((input.originals ?? []).map((o) => o.sha256), 'original');
  for (const e of input.exhibits) {
    if (!HEX64.test(e.sha256) || !HEX64.test(e.originalSha256)) {
      throw new CustodiaError('E_INVALID_INPUT', `exhibit ${e.id}: hashes must be lowercase hex SHA-256`);
    }
  }
  for (const e of input.exhibits) {
    if (e.stripped === false && !(input.originals ?? []).some((o) => o.sha256 === e.originalSha256 && o.sha256 === e.sha256)) {
      throw new CustodiaError('E_INVALID_INPUT', `exhibit ${e.id} was not cleaned: it can travel only as its sealed original, which the dossier does not carry`);
    }
  }
  for (const o of input.originals ?? []) {
    if (!input.exhibits.some((e) => e.originalSha256 === o.sha256)) {
      throw new CustodiaError('E_INVALID_INPUT', `original ${o.name} is not the original of any exhibit in the dossier`);
    }
  }
}
