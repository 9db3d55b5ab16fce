// `custodia dossier verify|check|export`: check a dossier with no vault, or (dossier-export.ts) check and export one from a vault.
import type { Command } from 'commander';
import { ITEM } from '../../../shared/dossier/bag-checks';
import type { VerifyResult } from '../../../shared/dossier/verify-types';
import { CustodiaError, type ErrorCode } from '../../../shared/errors/error-codes';
import { verifyDossier } from '../../dossier/verify-dossier';
import { printResult, type OutputOptions } from '../output';
import { registerDossierExportCommands } from './dossier-export';

interface VerifyOptions extends OutputOptions {
  key?: string;
}

export function registerDossierCommands(program: Command): void {
  const dossier = program.command('dossier').description('signed dossiers for authorities: check, export and verify');
  registerDossierExportCommands(dossier);
  dossier
    .command('verify')
    .description('check a dossier ZIP item by item (no vault needed); exit 1 if anything was altered, 4 if it is not a dossier')
    .argument('<file>', 'dossier ZIP')
    .option('--key <fingerprint>', 'the signing key fingerprint the organisation published')
    .option('--json', 'one JSON object on stdout')
    .action(async (file: string, opts: VerifyOptions) => {
      const result = await verifyDossier(file, { key: opts.key });
      printResult(opts, result, () => describeVerify(file, result));
      if (!result.ok) throw failureOf(result);
    });
}

/** One stable code for the whole verdict, the most specific that applies. */
function failureOf(r: VerifyResult): CustodiaError {
  const failed = r.items.filter((i) => !i.ok);
  let code: ErrorCode = 'E_DOSSIER_TAMPERED';
  if (failed.every((i) => i.name === ITEM.signerKey)) code = 'E_KEY_MISMATCH';
  else if (failed.some((i) => i.name === ITEM.signature)) code = 'E_SIGNATURE_INVALID';
  return new CustodiaError(code, `${failed.length} of ${r.items.length} checks failed`, { failed: failed.map((i) => i.name) });
}

function describeVerify(file: string, r: VerifyResult): string {
  const lines = r.items.map((i) => (i.ok ? `ok    ${i.name}` : `FAIL  ${i.name}: ${i.problem ?? ''}`));
  lines.push('', `dossier: ${r.dossierId ?? 'unknown'} (${file})`, `signed by key ${r.signer ?? 'unknown'}`);
  if (r.checkpointSigner) lines.push(`custody checkpoint signed by key ${r.checkpointSigner}`);
  lines.push(r.ok ? 'VERIFIED: every check passed' : 'NOT VERIFIED: see FAIL lines above');
  return lines.join('\n');
}
