// `custodia incident add|import|edit|delete|list|history|show`: incidents in the interchange format (shared/incident/incident-schema.ts).
import { type Command, Option } from 'commander';
import { CHANNELS, INCIDENT_TYPES, RISK_LEVELS, type Channel, type IncidentType, type RiskLevel } from '../../../shared/incident/incident-schema';
import { listEvidence } from '../../evidence/list-evidence';
import { incidentHistory } from '../../records/incident-history';
import { listIncidents, searchIncidents, type IncidentSummary } from '../../records/incident-queries';
import { showIncident } from '../../records/show-incident';
import { readIncidentFile, readIncidentList } from '../../records/incident-file';
import { parseIncident } from '../../records/incident-input';
import { addIncident, deleteIncident, editIncident } from '../../records/incidents';
import { importIncidents, validateIncidents } from '../../records/bulk-import';
import { printResult } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';

const line = (i: IncidentSummary) => `${i.id}\tcase ${i.caseId}\t${i.occurredAt}\t${i.riskLevel}\t${i.type}\t${i.place}${i.deleted ? '\tdeleted' : ''}`;

interface ListOptions extends SessionOptions {
  case?: number; risk?: RiskLevel; type?: IncidentType; channel?: Channel; from?: string; to?: string; search?: string; deleted?: boolean;
}

export function registerIncidentCommands(program: Command): void {
  const incident = program.command('incident').description('incidents: add, import, edit, delete, list, history, show');
  sessionCommand(incident.command('add').description('add an incident from an interchange-format JSON file'))
    .requiredOption('--case <id>', 'case to file it under', positiveInt)
    .requiredOption('--file <incident.json>', 'incident in the interchange format')
    .action(async (opts: SessionOptions & { case: number; file: string }) => {
      // Checked before the vault is opened: an invalid file costs no unlock and touches nothing.
      const input = parseIncident(await readIncidentFile(opts.file));
      const { id, version, sha256 } = await withSession(opts, (s) => addIncident(s, opts.case, input));
      printResult(opts, { id, version, sha256 }, () => `incident ${id}`);
    });
  sessionCommand(incident.command('import').description('import many incidents at once: all or none (one transaction)'))
    .requiredOption('--case <id>', 'case to file them under', positiveInt)
    .requiredOption('--file <incidents.json|.jsonl>', 'a JSON array of incidents, or JSON Lines')
    .action(async (opts: SessionOptions & { case: number; file: string }) => {
      // Every incident is checked before the vault is opened: one invalid incident writes nothing.
      const list = validateIncidents(await readIncidentList(opts.file));
      const { ids } = await withSession(opts, (s) => importIncidents(s, opts.case, list));
      printResult(opts, { ids }, () => `${ids.length} incidents imported (${ids[0] ?? ''}–${ids.at(-1) ?? ''})`);
    });
  sessionCommand(incident.command('edit').description('save a new version of an incident'))
    .requiredOption('--id <id>', 'incident', positiveInt)
    .requiredOption('--file <incident.json>', 'the whole incident, as it should now read')
    .option('--base-version <n>', 'refuse (E_STALE_VERSION) unless the incident is still at this version', positiveInt)
    .option('--reason <text>', 'why it is changed (kept in the vault; the custody log commits to it by hash)')
    .action(async (opts: SessionOptions & { id: number; file: string; baseVersion?: number; reason?: string }) => {
      const input = parseIncident(await readIncidentFile(opts.file));
      const ref = await withSession(opts, (s) => editIncident(s, opts.id, input, { baseVersion: opts.baseVersion, reason: opts.reason }));
      printResult(opts, ref, () => `incident ${ref.id} version ${ref.version}`);
    });
  sessionCommand(incident.command('delete').description('delete an incident (a tombstone with a reason; versions are kept)'))
    .requiredOption('--id <id>', 'incident', positiveInt)
    .requiredOption('--reason <text>', 'why it is deleted (kept in its tombstone; the custody log commits to it by hash)')
    .action(async (opts: SessionOptions & { id: number; reason: string }) => {
      await withSession(opts, (s) => deleteIncident(s, opts.id, opts.reason));
      printResult(opts, { id: opts.id, deleted: true }, () => `incident ${opts.id} deleted`);
    });
  sessionCommand(incident.command('list').description('list incidents, optionally filtered or searched'))
    .option('--case <id>', 'only this case', positiveInt)
    .addOption(new Option('--risk <level>', 'risk level').choices(RISK_LEVELS))
    .addOption(new Option('--type <type>', 'type of harm').choices(INCIDENT_TYPES))
    .addOption(new Option('--channel <channel>', 'channel').choices(CHANNELS))
    .option('--from <instant>', 'occurred at or after (ISO 8601)')
    .option('--to <instant>', 'occurred at or before (ISO 8601)')
    .option('--search <text>', 'full-text search (every word, accents ignored)')
    .option('--deleted', 'include deleted incidents')
    .action(async (opts: ListOptions) => {
      const filters = { caseId: opts.case, riskLevel: opts.risk, type: opts.type, channel: opts.channel, from: opts.from, to: opts.to, includeDeleted: opts.deleted };
      const { items } = await withSession(opts, (s) => (opts.search ? searchIncidents(s, opts.search, filters) : listIncidents(s, filters)));
      printResult(opts, { incidents: items }, () => items.map(line).join('\n'));
    });
  sessionCommand(incident.command('history').description("an incident's versions: who saved each, when, and the fields it changed"))
    .requiredOption('--id <id>', 'incident', positiveInt)
    .action(async (opts: SessionOptions & { id: number }) => {
      const versions = await withSession(opts, (s) => incidentHistory(s, opts.id));
      printResult(opts, { versions }, () => versions.map((v) => `${v.version}\t${v.at}\t${v.by}\t${v.changed.join(', ')}`).join('\n'));
    });
  sessionCommand(incident.command('show').description('an incident with all its versions and its evidence list (a view entry records the reading)'))
    .requiredOption('--id <id>', 'incident', positiveInt)
    .option('--purpose <text>', 'why it is read (kept in the vault; the custody log commits to it by hash)')
    .action(async (opts: SessionOptions & { id: number; purpose?: string }) => {
      const { detail, evidence } = await withSession(opts, async (s) => ({
        detail: (await showIncident(s, opts.id, { withHistory: true, purpose: opts.purpose })).detail,
        evidence: await listEvidence(s, { incidentId: opts.id, includeDeleted: true }),
      }));
      printResult(opts, { ...detail, evidence }, () => `${JSON.stringify(detail.incident, null, 2)}\nversion ${detail.version} sha256 ${detail.sha256}${detail.deleted ? `\ndeleted: ${detail.deleted.reason}` : ''}\n${evidence.length} evidence item(s)`);
    });
}
