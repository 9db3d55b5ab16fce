// `custodia dossier verify|export`: check a dossier with no vault, or export one from a vault.
import { type Command, Option } from 'commander';
import type { DisclosureFinding } from '../../../shared/dossier/disclosure-check';
import { RECIPIENT_KINDS, type RecipientKind } from '../../../shared/dossier/dossier-types';
import { LANGUAGES, type Language } from '../../../shared/vocabulary/languages';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { verdictCode, type DossierVerdict } from '../../dossier/dossier-verdict';
import { exportDossier, type ExportDossierResult } from '../../dossier/export-from-vault';
import { verifyDossier } from '../../dossier/verify-dossier';
import { printResult, type OutputOptions } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';

interface VerifyOptions extends OutputOptions {
  key?: string;
}

interface ExportOptions extends SessionOptions {
  incident: number[];
  exhibit?: number[];
  out: string;
  lang: Language;
  originals?: boolean;
  showNames?: boolean;
  recipient: RecipientKind;
  recipientName?: string;
  purpose: string;
  organisation?: string;
}

const collect = (value: string, previous: number[] = []): number[] => [...previous, positiveInt(value)];

export function registerDossierCommands(program: Command): void {
  const dossier = program.command('dossier').description('signed dossiers for authorities: export and verify');
  sessionCommand(dossier.command('export').description('write a signed dossier of incidents and their evidence (prints the disclosure check)'))
    .requiredOption('--incident <id>', 'incident to include (repeat for more)', collect)
    .option('--exhibit <id>', 'only these evidence items (repeat); default all of the incidents', collect)
    .requiredOption('--out <file>', 'dossier ZIP to write (must not exist)')
    .addOption(new Option('--lang <language>', 'language of the report').choices(LANGUAGES).default('es'))
    .option('--originals', 'include the sealed originals (for a prosecutor; never for the public)')
    .option('--show-names', 'show real names where each person consented to this kind of recipient')
    .addOption(new Option('--recipient <kind>', 'who receives it').choices(RECIPIENT_KINDS).default('other'))
    .option('--recipient-name <name>', 'e.g. the prosecutor\'s office')
    .option('--purpose <text>', 'why it is sent (kept in the custody log)', 'complaint')
    .option('--organisation <name>', 'the sending organisation, as printed on the cover')
    .action(async (opts: ExportOptions) => {
      const r = await withSession(opts, async (s) =>
        exportDossier(s, {
          incidentIds: opts.incident, exhibitIds: opts.exhibit, outPath: opts.out, language: opts.lang,
          originals: opts.originals === true, showNames: opts.showNames === true,
          recipient: { kind: opts.recipient, ...(opts.recipientName ? { name: opts.recipientName } : {}) },
          purpose: opts.purpose, ...(opts.organisation ? { organisation: opts.organisation } : {}),
          // Shown before anything is written; with --json it is part of the one result object.
          confirm: (findings) => {
            if (!opts.json) process.stderr.write(`${describeDisclosure(findings)}\n`);
            return true;
          },
        }));
      printResult(opts, r, () => describeExport(r));
    });
  dossier
    .command('verify')
    .description('check a dossier ZIP item by item (no vault needed); exit 1 if anything was altered, 4 if it is not a dossier; without --key the signer is not checked')
    .argument('<file>', 'dossier ZIP')
    .option('--key <fingerprint>', 'the signing key fingerprint the organisation published')
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

function describeFinding(f: DisclosureFinding): string {
  return `  ${f.severity.toUpperCase().padEnd(6)} ${f.kind}  ${f.where}: ${f.detail}`;
}

function describeDisclosure(findings: DisclosureFinding[]): string {
  const head = `disclosure check: ${findings.length === 0 ? 'nothing found that could identify a source' : `${findings.length} findings`}`;
  return [head, ...findings.map(describeFinding)].join('\n');
}

function describeExport(r: ExportDossierResult): string {
  return [
    `wrote ${r.path} (dossier ${r.dossierId}, ${r.files.length} files, sha256 ${r.sha256})`,
    `signed by key ${r.signer}`,
    `disclosure findings: ${r.disclosure.length}`,
  ].join('\n');
}

function verdictLine(r: DossierVerdict): string {
  if (!r.ok) return 'NOT VERIFIED: see FAIL lines above';
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
