// `log export` and `log verify --package`: the custody log as a plain package an auditor checks
// with no vault and no passphrase (shared/custody/log-package.ts holds the format and the rules).
// Exporting is itself a custody event, sealed by a checkpoint the package then carries, so the
// package is signed up to its last entry.
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { toHex } from '../../shared/custody/bytes';
import type { KeptCheckpoint } from '../../shared/custody/tlog-checkpoint';
import {
  HEADER_TAIL, LOG_PACKAGE_FORMAT, LogPackageVerifier, PACKAGE_END, logPackageHeaderSchema, packageHeaderLine,
  type EarlierTree, type LogPackageHeader, type LogPackageReport,
} from '../../shared/custody/log-package';
import { CustodiaError } from '../../shared/errors/error-codes';
import { assertAllowed } from '../accounts/roles';
import { signSessionCheckpoint } from '../accounts/sealed-changes';
import type { VaultSession } from '../accounts/vault-session';
import { checkpointOrigin, listCheckpoints } from '../custody/checkpoints';
import { appendCustody } from '../custody/custody-log';
import { rootAt } from '../custody/merkle-store';
import { CheckpointVerifier } from '../custody/node-ed25519';
import { latestRoster, rosterIsCurrent, signRoster } from '../custody/roster-log';
import { writeAtomic } from '../platform/atomic-write';
import { nodeSha256 } from '../platform/sha256';

const PAGE = 20_000;

export interface LogExportResult {
  out: string;
  entries: number;
  checkpoints: number;
  rootHash: string;
}

/** Writes the package of the whole log; any role but the auditor (who should hold no vault key at all). */
export async function exportLogPackage(session: VaultSession, outPath: string): Promise<LogExportResult> {
  await assertAllowed(session, 'records.read', 'log');
  const { db } = session;
  const origin = checkpointOrigin(session.vaultId);
  // An admin's export carries a roster that says what the log says now.
  if (session.user.role === 'admin' && !(await rosterIsCurrent(db))) await signRoster(db, origin, session.user);
  await db.transaction((tx) => appendCustody(tx, { actor: session.user.name, action: 'export', subject: 'log', details: { format: LOG_PACKAGE_FORMAT } }));
  const sealed = await signSessionCheckpoint(session);
  const header: LogPackageHeader = {
    format: LOG_PACKAGE_FORMAT, origin, exportedAt: new Date().toISOString(), exportedBy: session.user.name,
    treeSize: sealed.treeSize, rootHash: toHex(await rootAt(db, sealed.treeSize)),
    checkpoints: await listCheckpoints(db), roster: (await latestRoster(db)) ?? null,
  };
  await writeAtomic(outPath, async (file) => {
    await file.write(`${packageHeaderLine(header)}\n`);
    for (let from = 1; from <= header.treeSize; from += PAGE) {
      const rows = await db.all<{ entry: string }>('SELECT entry FROM custody_log WHERE seq >= ? AND seq < ? AND seq <= ? ORDER BY seq', [from, from + PAGE, header.treeSize]);
      // The stored text is the entry's canonical JSON, the bytes its hash and leaf were made of.
      await file.write(rows.map((r, i) => (from + i === header.treeSize ? `${r.entry}\n` : `${r.entry},\n`)).join(''));
    }
    await file.write(`${PACKAGE_END}\n`);
  });
  return { out: outPath, entries: header.treeSize, checkpoints: header.checkpoints.length, rootHash: header.rootHash };
}

function bad(path: string, why: string): never {
  throw new CustodiaError('E_BAD_LOG_PACKAGE', `${path} is not a Custodia log package: ${why}`);
}

function parseHeader(path: string, line: string): LogPackageHeader {
  if (!line.endsWith(HEADER_TAIL)) bad(path, 'the first line is not a package header');
  let json: unknown;
  try {
    json = JSON.parse(`${line}${PACKAGE_END}`);
  } catch {
    bad(path, 'the header is not JSON');
  }
  const parsed = logPackageHeaderSchema.safeParse(json);
  if (!parsed.success) bad(path, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 3).join('; '));
  const { entries: _none, ...header } = parsed.data;
  return header;
}

/** The package's lines as raw bytes (no newline), read in large chunks. */
async function* lines(path: string): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  let stream;
  try {
    stream = createReadStream(path, { highWaterMark: 4 * 1024 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      let nl = buf.indexOf(10, start);
      while (nl !== -1) {
        yield buf.subarray(start, nl);
        start = nl + 1;
        nl = buf.indexOf(10, start);
      }
      rest = Buffer.from(buf.subarray(start));
    }
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (rest.length) yield rest;
}

/** Verifies a package file; earlier is a checkpoint or an earlier package's head it must extend. */
export async function verifyLogPackageFile(path: string, earlier?: EarlierTree): Promise<LogPackageReport> {
  let verifier: LogPackageVerifier | undefined;
  const announced = new Set<string>();
  const nodeVerifier = new CheckpointVerifier(announced);
  let pending: Buffer | undefined;
  let ended = false;
  for await (const line of lines(path)) {
    if (!verifier) {
      const header = parseHeader(path, line.toString('utf8'));
      verifier = new LogPackageVerifier(header, {
        hash: nodeSha256,
        hex: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex'),
        ...(earlier ? { earlier } : {}),
        // Keys the log announced are Custodia's own: node:crypto checks them (CheckpointVerifier says why).
        verifySignature: (cp, known) => {
          if (known) announced.add(cp.signer);
          return nodeVerifier.verify(cp);
        },
      });
      continue;
    }
    if (ended) bad(path, 'there is more after the end of the package');
    const isEnd = line.length === PACKAGE_END.length && line.toString('latin1') === PACKAGE_END;
    if (pending) {
      // Every entry line but the last ends with the comma between array items.
      const entry = isEnd ? pending : pending.subarray(0, -1);
      if (!isEnd && pending[pending.length - 1] !== 0x2c) bad(path, 'an entry line does not end with a comma');
      verifier.addEntry(entry, entry.toString('utf8'));
    }
    pending = isEnd ? undefined : line;
    ended = isEnd;
  }
  if (!verifier) bad(path, 'the file is empty');
  if (!ended) bad(path, 'it ends before its closing line: cut short');
  return verifier.finish();
}

/** An earlier tree from a file: a checkpoint (`log checkpoint`) or an earlier package (verified first). */
export async function earlierTreeFrom(path: string, parseCheckpoint: (path: string, text: string) => KeptCheckpoint): Promise<EarlierTree> {
  const prefix = `{"format":"${LOG_PACKAGE_FORMAT}"`;
  const start = await firstBytes(path, prefix.length);
  if (start !== prefix) return { label: `the checkpoint ${path}`, ...pick(parseCheckpoint(path, await readFile(path, 'utf8'))) };
  const report = await verifyLogPackageFile(path);
  if (!report.ok) throw new CustodiaError(report.problems[0]?.code ?? 'E_CONSISTENCY', `the earlier package ${path} does not verify itself: ${report.problems[0]?.message ?? ''}`);
  return { label: `the earlier package ${path}`, treeSize: report.entries, rootHash: report.rootHash };
}

async function firstBytes(path: string, n: number): Promise<string> {
  try {
    const file = await open(path, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await file.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead).toString('utf8');
    } finally {
      await file.close();
    }
  } catch (e) {
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function pick(cp: KeptCheckpoint): Omit<EarlierTree, 'label'> {
  return { treeSize: cp.treeSize, rootHash: cp.rootHash, checkpoint: cp };
}
