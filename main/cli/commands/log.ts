// `custodia log …`: verify the custody log, export a checkpoint to keep elsewhere, read entries,
// and prove one entry's inclusion. Every role may run them: auditing is everyone's right.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CustodiaError } from '../../../shared/errors/error-codes';
import type { Checkpoint } from '../../../shared/custody/checkpoint';
import { latestCheckpoint } from '../../custody/checkpoints';
import { custodyEntries } from '../../custody/custody-queries';
import { saveCheckpoint, signSessionCheckpoint } from '../../accounts/sealed-changes';
import { proveInclusion, readEntry } from '../../custody/prove';
import { verifyLog } from '../../audit/verify-log';
import { printResult } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';
import { parseCheckpointFile } from '../../custody/checkpoint-file';

export function registerLogCommands(program: Command): void {
  const log = program.command('log').description('verify, checkpoint, show and prove the custody log');

  sessionCommand(log.command('verify').description('check pages, hash chain, Merkle tree, checkpoints, records and evidence hashes'))
    .option('--checkpoint <file>', 'a checkpoint kept outside the vault: the log must still contain its tree')
    .action(async (opts: SessionOptions & { checkpoint?: string }) => {
      const external = opts.checkpoint ? parseCheckpointFile(opts.checkpoint, await readCheckpoint(opts.checkpoint)) : undefined;
      const report = await withSession(opts, (s) => verifyLog(s, external ? { externalCheckpoint: external } : {}));
      printResult(opts, report, () => (report.ok
        ? `ok: ${report.entries} entries, ${report.checkpoints} checkpoints, ${report.records} records, ${report.evidence} evidence items; root ${report.rootHash}`
        : report.problems.map((p) => `${p.code}: ${p.message}`).join('\n')));
      const first = report.problems[0];
      if (first) throw new CustodiaError(first.code, `${first.message}${report.problems.length > 1 ? ` (and ${report.problems.length - 1} more)` : ''}`);
    });

  sessionCommand(log.command('checkpoint').description('sign a checkpoint and write it to a file to keep outside the vault'))
    .requiredOption('--out <file>', 'where to write the signed checkpoint (JSON)')
    .action(async (opts: SessionOptions & { out: string }) => {
      const cp = await withSession(opts, (s) => saveCheckpoint(s, opts.out));
      printResult(opts, cp, () => `checkpoint of ${cp.treeSize} entries, root ${cp.rootHash}, written to ${opts.out}`);
    });

  sessionCommand(log.command('show').description('print custody entries, oldest first'))
    .option('--subject <subject>', 'only entries about this subject, e.g. incident:3 or evidence:7')
    .option('--from <seq>', 'first sequence number', positiveInt, 1)
    .option('--limit <n>', 'at most this many entries', positiveInt, 1000)
    .action(async (opts: SessionOptions & { subject?: string; from: number; limit: number }) => {
      const entries = await withSession(opts, (s) => custodyEntries(s.db, { subject: opts.subject, fromSeq: opts.from, limit: opts.limit }));
      printResult(opts, { entries }, () => entries.map((e) => `${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.subject}\t${JSON.stringify(e.details)}`).join('\n'));
    });

  sessionCommand(log.command('prove').description('inclusion proof of one entry against a signed checkpoint'))
    .requiredOption('--seq <n>', 'sequence number of the entry', positiveInt)
    .action(async (opts: SessionOptions & { seq: number }) => {
      const result = await withSession(opts, async (s) => {
        const stored = await latestCheckpoint(s.db);
        const checkpoint: Checkpoint = stored && stored.treeSize >= opts.seq ? stored : await signSessionCheckpoint(s);
        const { entry } = await readEntry(s.db, opts.seq);
        return { entry, proof: await proveInclusion(s.db, opts.seq, checkpoint), checkpoint };
      });
      printResult(opts, result, () => JSON.stringify(result, null, 2));
    });
}

async function readCheckpoint(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as Error).message}`);
  }
}
