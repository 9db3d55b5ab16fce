// What `dossier verify` reports: one line per thing checked, so a reader sees exactly what held.
export interface VerifyItem {
  name: string;
  ok: boolean;
  problem?: string;
  /** The stable code of a failure more specific than the verdict's default. */
  code?: 'E_SIGNER_NOT_IN_ROSTER' | 'E_ROSTER_INVALID';
}

export interface VerifyResult {
  ok: boolean;
  /** Fingerprint of the key that signed the bag (null when signer.pub.pem is unusable). */
  signer: string | null;
  dossierId: string | null;
  /** Fingerprint of the key that signed the custody checkpoint. */
  checkpointSigner: string | null;
  /** When the published key is an admin's: the member its signed roster shows signing the dossier. */
  vouchedSigner?: { user: string; role: string };
  items: VerifyItem[];
}

export const pass = (name: string): VerifyItem => ({ name, ok: true });
export const fail = (name: string, problem: string, code?: VerifyItem['code']): VerifyItem => ({ name, ok: false, problem, ...(code ? { code } : {}) });
