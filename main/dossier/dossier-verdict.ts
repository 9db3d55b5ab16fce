// What a dossier check concludes (T6). A valid signature only shows the bag is as the holder of
// signer.pub.pem left it, and anyone can make a key: without the fingerprint the organisation
// published, a dossier is "intact", never "verified", and the verdict says so.
import { ITEM } from '../../shared/dossier/bag-checks';
import type { VerifyResult } from '../../shared/dossier/verify-types';
import type { ErrorCode } from '../../shared/errors/error-codes';

export interface DossierVerdict extends VerifyResult {
  /** True only when a published fingerprint was given and the signer's key is that one. */
  signerChecked: boolean;
}

export function withSignerVerdict(r: VerifyResult, key: string | undefined): DossierVerdict {
  const signerItem = r.items.find((i) => i.name === ITEM.signerKey);
  return { ...r, signerChecked: key !== undefined && signerItem?.ok === true };
}

/** One stable code for a failed verdict, the most specific that applies; null when intact. */
export function verdictCode(r: VerifyResult): ErrorCode | null {
  const failed = r.items.filter((i) => !i.ok);
  if (failed.length === 0) return null;
  if (failed.every((i) => i.name === ITEM.signerKey)) return failed[0]?.code ?? 'E_KEY_MISMATCH';
  if (failed.some((i) => i.name === ITEM.signature)) return 'E_SIGNATURE_INVALID';
  return 'E_DOSSIER_TAMPERED';
}
