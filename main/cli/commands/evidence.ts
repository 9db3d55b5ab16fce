// `custodia evidence add|get|list|exhibit|metadata`: import originals, take a verified copy out
// (logged), list, make a metadata-free exhibit, show an image's sealed metadata.
import { stat } from 'node:fs/promises';
import { type Command, Option } from 'commander';
import { CustodiaError } from '../../../shared/errors/error-codes';
import { ACQUISITION_METHODS, parseAcquisition } from '../../evidence/acquisition';
import { DEFAULT_ACQUISITION_METHOD } from '../../../shared/vocabulary/acquisition';
import { viewEvidenceMetadata, type EvidenceMetadata } from '../../evidence/evidence-metadata';
import { makeExhibit } from '../../evidence/make-exhibit';
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
    .addOption(new Option('--method <how>', 'how it was acquired').choices(ACQUISITION_METHODS).default(DEFAULT_ACQUISITION_METHOD))
    .option('--from <who>', 'who handed it over or whose device it came from')
    .option('--platform <name>', 'e.g. WhatsApp, SMS, Facebook')
    .option('--captured-at <instant>', 'when it was captured (ISO 8601 with offset)')
    .argument('<files...>', 'files to import')
    .action(async (files: string[], opts: AddOptions) => {
      const acquisition = parseAcquisition({ method: opts.method, from: opts.from ?? null, platform: opts.platform ?? null, capturedAt: opts.capturedAt ?? null });
      await requireRegularFiles(files);
      const items = await withSession(opts, async (s) => {
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
      const r = await withSession(opts, (s) => readEvidence(s, opts.id, opts.out, { purpose: opts.purpose }));
      printResult(opts, r, () => `evidence ${r.id} → ${r.out} (${r.bytes} bytes, sha256 ${r.sha256} verified)`);
    });
  sessionCommand(evidence.command('list').description('list evidence items (metadata only)'))
    .option('--incident <id>', 'only this incident', positiveInt)
    .option('--deleted', 'include deleted items')
    .action(async (opts: SessionOptions & { incident?: number; deleted?: boolean }) => {
      const items = await withSession(opts, (s) => listEvidence(s, { incidentId: opts.incident, includeDeleted: opts.deleted }));
      printResult(opts, { items }, () => items.map((i) => `${i.id}\tincident ${i.incidentId}\t${i.mediaType}\t${i.bytes}\t${i.sha256}\t${i.originalName}`).join('\n'));
    });
  sessionCommand(evidence.command('exhibit').description('make a copy of an image original without identifying metadata, kept as a new linked item'))
    .requiredOption('--id <id>', 'original evidence item', positiveInt)
    .action(async (opts: SessionOptions & { id: number }) => {
      const x = await withSession(opts, (s) => makeExhibit(s, opts.id));
      printResult(opts, x, () => [
        `evidence ${x.id} = exhibit of evidence ${x.derivedFrom}${x.created ? '' : ' (made before; unchanged)'}: ${x.originalName}, ${x.bytes} bytes, sha256 ${x.sha256}`,
        `removed: ${x.removed.join(', ') || 'nothing'}`,
        `kept: ${x.kept.join(', ') || 'nothing'}`,
        `pixels identical to the original: ${x.pixelsIdentical === null ? 'not an image (media data copied unchanged)' : x.pixelsIdentical ? 'yes' : 'no (re-encoded)'}`,
      ].join('\n'));
    });
  sessionCommand(evidence.command('metadata').description('show the metadata sealed with an image at import (GPS, device, names, times; a view entry records the reading)'))
    .requiredOption('--id <id>', 'evidence item', positiveInt)
    .action(async (opts: SessionOptions & { id: number }) => {
      const m = await withSession(opts, (s) => viewEvidenceMetadata(s, opts.id));
      printResult(opts, m, () => describeMetadata(m));
    });
}

function describeMetadata(m: EvidenceMetadata): string {
  if (m.outcome === 'none') return `evidence ${m.evidenceId}: no metadata was read (not an image, or too large)`;
  if (m.outcome === 'failed') return `evidence ${m.evidenceId}: metadata could not be read at import: ${m.error.code} ${m.error.message}`;
  const r = m.report;
  return [
    `evidence ${m.evidenceId}: ${r.mediaType}${r.width ? ` ${r.width}x${r.height ?? '?'}` : ''}; blocks: ${r.blocks.join(', ') || 'none'}`,
    ...(r.gps ? [`GPS: ${r.gps.lat}, ${r.gps.lon}`] : []),
    ...(r.capturedAt ? [`captured at: ${r.capturedAt}`] : []),
    ...r.identifying.map((t) => `${t.kind}\t${t.tag}\t${t.value}`),
  ].join('\n');
}
