// The custody part of a dossier from the vault: a fresh checkpoint signed by the exporting user,
// and an inclusion proof for every entry that concerns the chosen incidents and evidence.
import type { Checkpoint } from '../../shared/custody/checkpoint';
import type { CustodyExcerptItem } from '../../shared/dossier/dossier-types';
import { signSessionCheckpoint } from '../accounts/sealed-changes';
import { entriesFor } from '../custody/custody-queries';
import { proveInclusion } from '../custody/prove';
import type { VaultSession } from '../accounts/vault-session';

export async function custodyExcerpt(session: VaultSession, subjects: readonly string[]): Promise<{ checkpoint: Checkpoint; custody: CustodyExcerptItem[] }> {
  const checkpoint = await signSessionCheckpoint(session);
  const entries = (await Promise.all(subjects.map((s) => entriesFor(session.db, s))))
    .flat()
    .filter((e) => e.seq <= checkpoint.treeSize)
    .sort((a, b) => a.seq - b.seq);
  const custody: CustodyExcerptItem[] = [];
  for (const entry of entries) custody.push({ entry, proof: await proveInclusion(session.db, entry.seq, checkpoint) });
  return { checkpoint, custody };
}
