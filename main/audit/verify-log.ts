// `log verify`: checks the database pages, the hash chain, the Merkle tree, every checkpoint,
// every signing key, every key slot of the header against the log (verify-slots.ts), and that each record and evidence item still has the content its latest
// custody entry committed to. It reports every problem rather than stopping at the first.
import type { VaultSession } from '../accounts/vault-session';
import type { Database } from '../vault/database';
import type { KeptCheckpoint } from '../../shared/custody/tlog-checkpoint';
import { toHex } from '../../shared/custody/bytes';
import { appendCustody } from '../custody/custody-log';
import { checkpointOrigin } from '../custody/checkpoints';
import { scanLog } from './log-scan';
import { verifyStoredNodes } from './verify-tree-cache';
import { verifyExternalCheckpoint, verifyStoredCheckpoints } from './verify-checkpoints';
import { verifySigningKeys } from './verify-signing-keys';
import { verifyBoxKeys } from './verify-box-keys';
import { verifySlots } from './verify-slots';
import { readHeader } from '../vault/header-file';
import { verifyContent } from './verify-content';
import { signingKeyPeriods } from '../custody/roster-log';
import { vaultObjects } from '../evidence/vault-objects';
import { ProblemList, type VerifyProblem } from './verify-problems';

export interface VerifyLogOptions {
  externalCheckpoint?: KeptCheckpoint;
  onProgress?: (phase: VerifyPhase) => void;
}

export type VerifyPhase = 'pages' | 'chain' | 'tree' | 'checkpoints' | 'content' | 'done';

export interface VerifyLogReport {
  ok: boolean;
  entries: number;
  checkpoints: number;
  records: number;
  evidence: number;
  rootHash: string;
  problems: VerifyProblem[];
}

async function verifyPages(db: Database, problems: ProblemList): Promise<boolean> {
  try {
    const rows = await db.all<Record<string, unknown>>('PRAGMA cipher_integrity_check');
    for (const row of rows) problems.add({ code: 'E_DB_CORRUPT', message: `database page check: ${Object.values(row).join(' ')}` });
    return rows.length === 0;
  } catch (e) {
    problems.add({ code: 'E_DB_CORRUPT', message: `the database cannot be read: ${(e as Error).message}` });
    return false;
  }
}

export async function verifyLog(session: VaultSession, opts: VerifyLogOptions = {}): Promise<VerifyLogReport> {
  const { db } = session;
  const problems = new ProblemList();
  const progress = opts.onProgress ?? (() => undefined);
  const report: VerifyLogReport = { ok: false, entries: 0, checkpoints: 0, records: 0, evidence: 0, rootHash: '', problems: problems.items };

  progress('pages');
  const pagesOk = await verifyPages(db, problems);
  try {
    progress('chain');
    const scan = await scanLog(db, problems);
    progress('tree');
    const { tree } = scan;
    report.entries = scan.count;
    report.rootHash = toHex(tree.rootAt(scan.count));
    await verifyStoredNodes(db, tree, problems);
    progress('checkpoints');
    const origin = checkpointOrigin(session.vaultId);
    report.checkpoints = await verifyStoredCheckpoints(db, origin, tree, problems);
    if (opts.externalCheckpoint) verifyExternalCheckpoint(opts.externalCheckpoint, origin, await signingKeyPeriods(db), tree, problems);
    await verifySigningKeys(db, problems);
    await verifyBoxKeys(db, problems);
    await verifySlots(db, await readHeader(session.path), problems);
    progress('content');
    const content = await verifyContent(db, vaultObjects(session), scan, problems);
    report.records = content.records;
    report.evidence = content.evidence;
  } catch (e) {
    // A corrupt page can make any later read fail; the page check above already said why.
    if (pagesOk) problems.add({ code: 'E_DB_CORRUPT', message: `verification could not read the vault: ${(e as Error).message}` });
  }
  report.ok = problems.ok;
  await recordVerification(session, report);
  progress('done');
  return report;
}

async function recordVerification(session: VaultSession, report: VerifyLogReport): Promise<void> {
  try {
    await session.db.transaction((tx) => appendCustody(tx, {
      actor: session.user.name,
      action: 'verify',
      subject: 'vault',
      details: { ok: report.ok, treeSize: report.entries, rootHash: report.rootHash, problems: [...new Set(report.problems.map((p) => p.code))] },
    }));
  } catch {
    // A vault too damaged to append to still gets its report; the report says what is wrong.
  }
}
