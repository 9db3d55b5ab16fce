// Where an item's sealed metadata is committed to: details.metadataSha256 of the entry that
// sealed its record (the `seal` of an original, the `derive` of an exhibit), i.e. the latest
// entry for the item that carries details.recordSha256, as `log verify` reads them.
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import type { Database } from '../vault/database';
import { parseStoredEntry } from '../custody/stored-entry';

export interface MetadataCommitment {
  seq: number;
  /** Absent when the item was sealed without metadata (not an image, too large, or an older vault). */
  metadataSha256?: string;
}

// An unreadable entry commits to nothing here; log verify reports it as tampering.
function parse(text: string): CustodyEntry | undefined {
  try {
    return parseStoredEntry(text);
  } catch {
    return undefined;
  }
}

/** Reads the commitment from an entry's text; undefined when the entry seals no record. */
export function metadataCommitmentIn(entryText: string): MetadataCommitment | undefined {
  const entry = parse(entryText);
  if (!entry || typeof entry.details?.recordSha256 !== 'string') return undefined;
  const digest = entry.details.metadataSha256;
  return typeof digest === 'string' ? { seq: entry.seq, metadataSha256: digest } : { seq: entry.seq };
}

export async function metadataCommitment(db: Database, evidenceId: number): Promise<MetadataCommitment | undefined> {
  const rows = await db.all<{ entry: string }>(
    "SELECT entry FROM custody_log WHERE subject = ? AND action IN ('seal', 'derive') ORDER BY seq DESC", [`evidence:${evidenceId}`]);
  for (const row of rows) {
    const c = metadataCommitmentIn(row.entry);
    if (c) return c;
  }
  return undefined;
}
