// `custodia dossier check|export`: the same choice of incidents, recipient and options; `check`
// lists what could expose someone (writing nothing), `export` writes the signed dossier once
// every high finding is accepted by its id (--accept, repeatable), or exits 4 having written nothing.
import { type Command, Option } from 'commander';
import { RECIPIENT_KINDS, type RecipientKind } from '../../../shared/dossier/dossier-types';
import { LANGUAGES, type Language } from '../../../shared/vocabulary/languages';
import { COORDINATE_POLICIES, STAFF_NAMING, type CoordinatePolicy, type Redactable, type StaffNaming } from '../../../shared/vocabulary/export-protection';
import { parseRedactList } from './redact-option';
import { exportDossier, previewDisclosure, type DossierChoice, type ExportDossierResult } from '../../dossier/export-from-vault';
import type { IdentifiedFinding } from '../../dossier/disclosure-findings';
import { printResult } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';

interface ChoiceOptions extends SessionOptions {
  incident: number[];
  exhibit?: number[];
  lang: Language;
  originals?: boolean;
  showNames?: boolean;
  recipient: RecipientKind;
  recipientName?: string;
  originalNames?: boolean;
  staffNames?: StaffNaming;
  redact?: Redactable[];
  coordinates?: CoordinatePolicy;
  keepOffFileAsPseudonym?: boolean;
}

interface ExportOptions extends ChoiceOptions {
  out: string;
  purpose: string;
  organisation?: string;
  accept?: string[];
}

const collect = (value: string, previous: number[] = []): number[] => [...previous, positiveInt(value)];
const collectText = (value: string, previous: string[] = []): string[] => [...previous, value];

function choiceCommand(command: Command): Command {
  return sessionCommand(command)
    .requiredOption('--incident <id>', 'incident to include (repeat for more)', collect)
    .option('--exhibit <id>', 'only these evidence items (repeat); default all of the incidents', collect)
    .addOption(new Option('--lang <language>', 'language of the report').choices(LANGUAGES).default('es'))
    .option('--originals', 'include the sealed originals (for a prosecutor; never for the public)')
    .option('--show-names', 'show the real names of the affected people on file; refused (E_CONSENT) if one did not consent to this kind of recipient (witnesses are never named)')
    .addOption(new Option('--recipient <kind>', 'who receives it').choices(RECIPIENT_KINDS).default('other'))
    .option('--recipient-name <name>', 'e.g. the prosecutor\'s office')
    .option('--original-names', 'show each exhibit\'s original file name (scrubbed of protected names and contacts); a high finding')
    .addOption(new Option('--staff-names <how>', 'staff who obtained a consent or handled an item: by role (default) or by name').choices(STAFF_NAMING))
    .option('--redact <list>', 'take these out of every text: phones,emails,ids,notes or none (default: all four)', parseRedactList)
    .addOption(new Option('--coordinates <policy>', 'incident coordinates: drop, round:N (N decimals, 0-4) or keep (default by recipient: prosecutor keep, police/IACHR/UN round:2, mechanism round:3, other drop)').choices(COORDINATE_POLICIES))
    .option('--keep-off-file-as-pseudonym', 'keep someone who did not consent to be on file under a pseudonym instead of leaving them out');
}

function choiceOf(opts: ChoiceOptions): DossierChoice {
  return {
    incidentIds: opts.incident, exhibitIds: opts.exhibit, language: opts.lang,
    originals: opts.originals === true, showNames: opts.showNames === true,
    recipient: { kind: opts.recipient, ...(opts.recipientName ? { name: opts.recipientName } : {}) },
    protection: {
      redact: opts.redact, coordinates: opts.coordinates, staffNames: opts.staffNames,
      originalNames: opts.originalNames === true, keepOffFileAsPseudonym: opts.keepOffFileAsPseudonym === true,
    },
  };
}

/** What `check --json` prints per finding: no detail (a name, a number), only where to look. */
const listed = (f: IdentifiedFinding) => ({ id: f.id, severity: f.severity, kind: f.kind, where: f.where });

export function registerDossierExportCommands(dossier: Command): void {
  choiceCommand(dossier.command('check').description('list what the export with these options could expose (writes nothing); each finding has an id for --accept'))
    .action(async (opts: ChoiceOptions) => {
      const findings = await withSession(opts, (s) => previewDisclosure(s, choiceOf(opts)));
      printResult(opts, { findings: findings.map(listed) }, () => describeFindings(findings));
    });

  choiceCommand(dossier.command('export').description('write a signed dossier of incidents and their evidence; every high finding of `dossier check` must be accepted'))
    .requiredOption('--out <file>', 'dossier ZIP to write (must not exist)')
    .option('--purpose <text>', 'why it is sent (kept in the custody log)', 'complaint')
    .option('--organisation <name>', 'the sending organisation, as printed on the cover')
    .option('--accept <id>', 'accept this high finding of `dossier check` (repeat for each)', collectText)
    .action(async (opts: ExportOptions) => {
      const r = await withSession(opts, (s) => exportDossier(s, {
        ...choiceOf(opts), outPath: opts.out, purpose: opts.purpose, accept: opts.accept ?? [],
        ...(opts.organisation ? { organisation: opts.organisation } : {}),
      }));
      printResult(opts, { ...r, disclosure: r.disclosure.map(listed) }, () => describeExport(r));
    });
}

function describeFindings(findings: readonly IdentifiedFinding[]): string {
  if (findings.length === 0) return 'disclosure check: nothing found that could identify a source';
  const high = findings.filter((f) => f.severity === 'high').length;
  return [
    `disclosure check: ${findings.length} findings, ${high} high (an export needs --accept ID for each high one)`,
    ...findings.map((f) => `  ${f.id}  ${f.severity.toUpperCase().padEnd(6)} ${f.kind}  ${f.where}: ${f.detail}`),
  ].join('\n');
}

function describeExport(r: ExportDossierResult): string {
  return [
    `wrote ${r.path} (dossier ${r.dossierId}, ${r.files.length} files, sha256 ${r.sha256})`,
    `signed by key ${r.signer}`,
    describeFindings(r.disclosure),
  ].join('\n');
}
