// The disclosure check's findings as the export rule uses them: each with an id, stable for the
// same finding in the same vault (the CLI's `dossier check` and the app's preview show it, and
// `--accept ID` names it), keyed by the vault so an id or the findings hash in the custody log
// does not let whoever reads the log guess a name by hashing candidates (T5).
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../../shared/custody/canonical-json';
import type { DisclosureFinding } from '../../shared/dossier/disclosure-check';
import { CustodiaError } from '../../shared/errors/error-codes';
import { sessionKey, type VaultSession } from '../accounts/vault-session';

export interface IdentifiedFinding extends DisclosureFinding {
  id: string;
}

export function identifyFindings(session: VaultSession, findings: readonly DisclosureFinding[]): IdentifiedFinding[] {
  const key = createHmac('sha256', sessionKey(session)).update('custodia disclosure finding id').digest();
  return findings.map((f) => ({
    ...f,
    id: `F-${createHmac('sha256', key).update(canonicalJson([f.kind, f.where, f.detail])).digest('hex').slice(0, 12)}`,
  }));
}

/** Refuses, before anything is written, an export whose high findings were not all accepted by id. */
export function requireAccepted(findings: readonly IdentifiedFinding[], accepted: readonly string[]): void {
  const ok = new Set(accepted);
  const open = findings.filter((f) => f.severity === 'high' && !ok.has(f.id));
  if (open.length === 0) return;
  const list = open.map((f) => `${f.id} (${f.kind}, ${f.where})`).join('; ');
  throw new CustodiaError('E_UNACCEPTED_FINDINGS', `${open.length} high findings were not accepted: ${list}. Nothing was written. Review them with \`custodia dossier check\`, then accept each with --accept ID`, {
    findings: open.map((f) => ({ id: f.id, kind: f.kind, where: f.where })),
  });
}

/** What the export's custody entry commits to: the findings as listed (ids, not their details). */
export function findingsReportSha256(findings: readonly IdentifiedFinding[]): string {
  const report = findings.map((f) => ({ id: f.id, severity: f.severity, kind: f.kind, where: f.where }));
  return createHash('sha256').update(canonicalJson(report)).digest('hex');
}
