// What `dossier verify` reports: one line per thing checked, so a reader sees exactly what held.
export interface VerifyItem {
  name: string;
  ok: boolean;
  problem?: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Fingerprint of the key that signed the bag (null when signer.pub.pem is unusable). */
  signer: string | null;
  dossierId: string | null;
  /** Fingerprint of the key that signed the custody checkpoint. */
  checkpointSigner: string | null;
  items: VerifyItem[];
}

export const pass = (name: string): VerifyItem => ({ name, ok: true });
export const fail = (name: string, problem: string): VerifyItem => ({ name, ok: false, problem });
