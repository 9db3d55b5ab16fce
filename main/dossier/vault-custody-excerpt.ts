// The custody part of a dossier from the vault: `derive` entries for the exhibits made for it,
// a fresh checkpoint signed by the exporting user, and an inclusion proof for every entry that
// concerns the chosen incidents and evidence.
import type { Checkpoint } from '../../shared/custody/checkpoint';
import type { CustodyExcerptItem, ExhibitInput } from '../../shared/dossier/dossier-types';
import { signCheckpoint } from '../custody/checkpoints';
import { appendCustodyBatch, entriesFor } from '../custody/custody-log';
import { proveInclusion } from '../custody/prove';
import type { VaultSession } from '../vault/vault-session';

export async function recordDerivations(session: VaultSession, dossierId: string, exhibits: readonly ExhibitInput[]): Promise<void> {
  if (exhibits.length === 0) return;
  await session.db.transaction((tx) =>
    appendCustodyBatch(tx, exhibits.map((e) => ({
      actor: session.user.name,
      action: 'derive' as const,
      subject: `evidence:${e.originalId ?? e.id}`,
      details: {
        kind: 'exhibit', purpose: `dossier ${dossierId}`, sha256: e.sha256, originalSha256: e.originalSha256, bytes: e.size,
        removed: e.removedMetadata, pixelsIdentical: e.pixelsIdentical ?? null,
        originalPixelSha256: e.originalPixelSha256 ?? null, exhibitPixelSha256: e.exhibitPixelSha256 ?? null,
      },
    }))),
  );
}

export async function custodyExcerpt(session: VaultSession, subjects: readonly string[]): Promise<{ checkpoint: Checkpoint; custody: CustodyExcerptItem[] }> {
  const checkpoint = await signCheckpoint(session);
  const entries = (await Promise.all(subjects.map((s) => entriesFor(session.db, s))))
    .flat()
    .filter((e) => e.seq <= checkpoint.treeSize)
    .sort((a, b) => a.seq - b.seq);
  const custody: CustodyExcerptItem[] = [];
  for (const entry of entries) custody.push({ entry, proof: await proveInclusion(session.db, entry.seq, checkpoint) });
  return { checkpoint, custody };
}
