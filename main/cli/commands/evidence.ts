// `custodia evidence add|get|list`: import originals, take a verified copy out (logged), list.
import { stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { ACQUISITION_METHODS, parseAcquisition } from '../../evidence/acquisition';
import { importEvidence, type ImportedEvidence } from '../../evidence/import-evidence';
import { listEvidence } from '../../evidence/list-evidence';
import { readEvidence } from '../../evidence/read-evidence';
import { printResult } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';

interface AddOptions extends SessionOptions {
  incident: number; method: string; from?: string; platform?: string; capturedAt?: string;
}

async function requireRegularFiles(files: string[]): Promise<void> {
  for (const f of files) {
    const s = await stat(f).catch(() => null);
    if (!s?.isFile()) throw new CustodiaError('E_UNREADABLE_FILE', `${f} is not a readable file; nothing was imported`);
  }
}

export function registerEvidenceCommands(program: Command): void {
  const evidence = program.command('evidence').description('evidence: import originals, copy them out, list them');
  sessionCommand(evidence.command('add').description('import files as sealed originals of an incident'))
    .requiredOption('--incident <id>', 'incident the files belong to', positiveInt)
    .addOption(new Option('--method <how>', 'how it was acquired').choices(ACQUISITION_METHODS).default('other'))
    .option('--from <who>', 'who handed it over or whose device it came from')
    .option('--platform <name>', 'e.g. WhatsApp, SMS, Facebook')
    .option('--captured-at <instant>', 'when it was captured (ISO 8601 with offset)')
    .argument('<files...>', 'files to import')
    .action(async (files: string[], opts: AddOptions) => {
      const acquisition = parseAcquisition({ method: opts.method, from: opts.from ?? null, platform: opts.platform ?? null, capturedAt: opts.capturedAt ?? null });
      await requireRegularFiles(files);
      const items = await withSession(opts, true, async (s) => {
        const done: ImportedEvidence[] = [];
        // One transaction per file: a 4 GiB video does not hold the others hostage.
        for (const f of files) {
          try {
            done.push(await importEvidence(s, opts.incident, f, acquisition));
          } catch (e) {
            if (!(e instanceof CustodiaError) || done.length === 0) throw e;
            throw new CustodiaError(e.code, `${e.message} (already imported: ${done.map((d) => `evidence ${d.id}`).join(', ')})`, e.details);
          }
        }
        return done;
      });
      printResult(opts, { items: items.map(({ id, sha256, bytes }) => ({ id, sha256, bytes })) },
        () => items.map((i) => `evidence ${i.id}\t${i.sha256}\t${i.bytes} bytes\t${i.mediaType}`).join('\n'));
    });
  sessionCommand(evidence.command('get').description('copy an original out of the vault (checked against its seal; the access is logged)'))
    .requiredOption('--id <id>', 'evidence item', positiveInt)
    .requiredOption('--out <file>', 'where to write it (must not exist)')
    .option('--purpose <text>', 'why it is taken out (kept in the custody log)')
    .action(async (opts: SessionOptions & { id: number; out: string; purpose?: string }) => {
      const r = await withSession(opts, true, (s) => readEvidence(s, opts.id, opts.out, { purpose: opts.purpose }));
      printResult(opts, r, () => `evidence ${r.id} → ${r.out} (${r.bytes} bytes, sha256 ${r.sha256} verified)`);
    });
  sessionCommand(evidence.command('list').description('list evidence items (metadata only)'))
    .option('--incident <id>', 'only this incident', positiveInt)
    .option('--deleted', 'include deleted items')
    .action(async (opts: SessionOptions & { incident?: number; deleted?: boolean }) => {
      const items = await withSession(opts, false, (s) => listEvidence(s, { incidentId: opts.incident, includeDeleted: opts.deleted }));
      printResult(opts, { items }, () => items.map((i) => `${i.id}\tincident ${i.incidentId}\t${i.mediaType}\t${i.bytes}\t${i.sha256}\t${i.originalName}`).join('\n'));
    });
}
