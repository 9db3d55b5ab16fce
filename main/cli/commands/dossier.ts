// `custodia dossier verify|check|export`: check a dossier with no vault, or (dossier-export.ts) check and export one from a vault.
import type { Command } from 'commander';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { verdictCode, type DossierVerdict } from '../../dossier/dossier-verdict';
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
    .description('check a dossier ZIP item by item (no vault needed); exit 1 if anything was altered, 4 if it is not a dossier; without --key the signer is not checked')
    .argument('<file>', 'dossier ZIP')
    .option('--key <fingerprint>', "the fingerprint the organisation published: the signer's own, or its admin's (then the dossier's signed roster must show the signer as legal or admin)")
    .option('--json', 'one JSON object on stdout')
    .action(async (file: string, opts: VerifyOptions) => {
      const result = await verifyDossier(file, { key: opts.key });
      printResult(opts, result, () => describeVerify(file, result));
      const code = verdictCode(result);
      if (code) {
        const failed = result.items.filter((i) => !i.ok);
        throw new CustodiaError(code, `${failed.length} of ${result.items.length} checks failed`, { failed: failed.map((i) => i.name) });
      }
    });
}

function verdictLine(r: DossierVerdict): string {
  if (!r.ok) return 'NOT VERIFIED: see FAIL lines above';
  if (r.signerChecked && r.vouchedSigner) {
    return `VERIFIED: every check passed, signed by ${r.vouchedSigner.user} (${r.vouchedSigner.role}, key ${r.signer ?? ''}), whom the roster signed by the published admin key lists`;
  }
  if (r.signerChecked) return `VERIFIED: every check passed, signed by the published key ${r.signer ?? ''}`;
  // Anyone can make a key and sign: intact says nothing about who signed.
  return `INTACT, but the signer was NOT CHECKED: compare the signer's fingerprint ${r.signer ?? ''} with one your organisation published (--key ${r.signer ?? 'FINGERPRINT'})`;
}

function describeVerify(file: string, r: DossierVerdict): string {
  const lines = r.items.map((i) => (i.ok ? `ok    ${i.name}` : `FAIL  ${i.name}: ${i.problem ?? ''}`));
  lines.push('', `dossier: ${r.dossierId ?? 'unknown'} (${file})`, `signed by key ${r.signer ?? 'unknown'}`);
  if (r.checkpointSigner) lines.push(`custody checkpoint signed by key ${r.checkpointSigner}`);
  lines.push(verdictLine(r));
  return lines.join('\n');
}
