// `custodia log …`: verify the custody log (or a log package, with no vault), export a checkpoint
// or a package to keep elsewhere, sign the roster, read entries, and prove one entry's inclusion. Every role may run them: auditing is everyone's right.
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CustodiaError, type ErrorCode } from '../../../shared/errors/error-codes';
import type { Checkpoint } from '../../../shared/custody/checkpoint';
import { checkpointOrigin, latestCheckpoint } from '../../custody/checkpoints';
import { signRoster } from '../../custody/roster-log';
import { earlierTreeFrom, exportLogPackage, verifyLogPackageFile } from '../../audit/log-package';
import { custodyEntries } from '../../custody/custody-queries';
import { saveCheckpoint, signSessionCheckpoint } from '../../accounts/sealed-changes';
import { proveInclusion, readEntry } from '../../custody/prove';
import { verifyLog } from '../../audit/verify-log';
import { printResult } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';
import { parseCheckpointFile } from '../../custody/checkpoint-file';

export function registerLogCommands(program: Command): void {
  const log = program.command('log').description('verify, checkpoint, show and prove the custody log');

  log.command('verify').description('check pages, hash chain, Merkle tree, checkpoints, records and evidence hashes; with --package, a log package with no vault')
    .option('--vault <file>', 'vault database file')
    .option('--user <name>', 'acting user (passphrase from CUSTODIA_PASSPHRASE or a prompt)')
    .option('--package <file>', 'a log package (log export): chain, tree, checkpoints and roster, with no vault and no passphrase')
    .option('--checkpoint <file>', 'a checkpoint kept outside the vault, or with --package an earlier package too: the log must still contain its tree')
    .option('--json', 'print one JSON object')
    .action(async (opts: Partial<SessionOptions> & { checkpoint?: string; package?: string; json?: boolean }) => {
      if (opts.package) return verifyPackage(opts.package, opts.checkpoint, opts);
      if (!opts.vault || !opts.user) throw new CustodiaError('E_USAGE', 'log verify needs --vault and --user, or --package');
      const session = { ...opts, vault: opts.vault, user: opts.user };
      const external = opts.checkpoint ? parseCheckpointFile(opts.checkpoint, await readCheckpoint(opts.checkpoint)) : undefined;
      const report = await withSession(session, (s) => verifyLog(s, external ? { externalCheckpoint: external } : {}));
      printResult(opts, report, () => (report.ok
        ? `ok: ${report.entries} entries, ${report.checkpoints} checkpoints, ${report.records} records, ${report.evidence} evidence items; root ${report.rootHash}`
        : report.problems.map((p) => `${p.code}: ${p.message}`).join('\n')));
      throwFirst(report.problems);
    });

  sessionCommand(log.command('export').description('write the custody log as a package an auditor checks with no vault (log verify --package); no role but the auditor'))
    .requiredOption('--out <file>', 'where to write the package (JSON)')
    .action(async (opts: SessionOptions & { out: string }) => {
      const r = await withSession(opts, (s) => exportLogPackage(s, opts.out));
      printResult(opts, r, () => `log package of ${r.entries} entries and ${r.checkpoints} checkpoints, root ${r.rootHash}, written to ${opts.out}`);
    });

  sessionCommand(log.command('roster').description('sign the roster (users, roles, keys and their periods, from the log) as an admin; dossiers carry an excerpt'))
    .action(async (opts: SessionOptions) => {
      const roster = await withSession(opts, (s) => signRoster(s.db, checkpointOrigin(s.vaultId), s.user));
      printResult(opts, roster, () => `roster of ${roster.memberHashes.length} users signed at log size ${roster.treeSize} by key ${roster.signer}`);
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

function throwFirst(problems: readonly { code: ErrorCode; message: string }[]): void {
  const first = problems[0];
  if (first) throw new CustodiaError(first.code, `${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
}

async function verifyPackage(path: string, earlierPath: string | undefined, opts: { json?: boolean }): Promise<void> {
  const earlier = earlierPath ? await earlierTreeFrom(earlierPath, parseCheckpointFile) : undefined;
  const report = await verifyLogPackageFile(path, earlier);
  printResult(opts, report, () => (report.ok
    ? `ok: ${report.entries} entries, ${report.checkpoints} checkpoints (signed up to entry ${report.signedUpTo}), ${report.rosters} signed rosters; root ${report.rootHash}${report.signedUpTo < report.entries ? `\nwarning: entries after ${report.signedUpTo} are chained but no checkpoint signs them` : ''}`
    : report.problems.map((p) => `${p.code}: ${p.message}`).join('\n')));
  throwFirst(report.problems);
}

async function readCheckpoint(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as Error).message}`);
  }
}
