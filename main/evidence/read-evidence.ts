// Handing out evidence bytes: always a custody `view` entry first (committed before any byte
// leaves, so even an interrupted access is on record), and always checked against the seal.
import { access } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { commitText } from '../custody/committed-texts';
import { assertAllowed } from '../accounts/roles';
import { tempPathFor, writeAtomic } from '../platform/atomic-write';
import { crashPoint } from '../platform/crash-point';
import { forgetPendingFile, notePendingFile } from '../vault/pending-files';
import type { VaultSession } from '../accounts/vault-session';
import { sealedItem, verifiedChunks, type SealedItem } from './stored-chunks';
import { vaultObjects } from './vault-objects';

export interface EvidenceAccess {
  /** Why the bytes were taken out; kept in the vault, the custody entry commits to it by hash. */
  purpose?: string;
}

export interface ReadEvidenceResult {
  id: number;
  sha256: string;
  bytes: number;
  out: string;
}

async function logView(session: VaultSession, id: number, a: EvidenceAccess): Promise<SealedItem> {
  await assertAllowed(session, 'evidence.read', `evidence:${id}`);
  return session.db.transaction(async (tx) => {
    const item = await sealedItem(tx, id);
    await appendCustody(tx, {
      actor: session.user.name, action: 'view', subject: `evidence:${id}`,
      details: { evidenceId: id, sha256: item.sha256, bytes: item.bytes, ...(a.purpose ? { purposeSha256: await commitText(tx, a.purpose) } : {}) },
    });
    return item;
  });
}

/** A stream of the original bytes; it errors with E_EVIDENCE_HASH_MISMATCH at the end if they do not match the seal. */
export async function openEvidenceStream(session: VaultSession, id: number, a: EvidenceAccess = {}): Promise<{ item: SealedItem; stream: Readable }> {
  const item = await logView(session, id, a);
  return { item, stream: Readable.from(verifiedChunks(session.db, vaultObjects(session), item), { objectMode: false }) };
}

/** Writes the original to outPath through a temp file renamed into place; nothing is left on a mismatch. */
export async function readEvidence(session: VaultSession, id: number, outPath: string, a: EvidenceAccess = {}): Promise<ReadEvidenceResult> {
  if (await access(outPath).then(() => true, () => false)) throw new CustodiaError('E_EXISTS', `${outPath} already exists; choose another output file`);
  const item = await logView(session, id, { purpose: a.purpose ?? 'copy to file' });
  // Noted in the vault before the plaintext temp file exists: a crash leaves nothing readable behind.
  const temp = tempPathFor(outPath);
  await notePendingFile(session.db, temp, outPath);
  try {
    await writeAtomic(outPath, async (file) => {
      for await (const chunk of verifiedChunks(session.db, vaultObjects(session), item)) {
        await file.write(chunk);
        crashPoint('evidence-get:writing');
      }
    }, { replace: false, temp, beforePlace: async () => crashPoint('evidence-get:written') });
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot write ${outPath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  } finally {
    await forgetPendingFile(session.db, temp);
  }
  return { id, sha256: item.sha256, bytes: item.bytes, out: outPath };
}
