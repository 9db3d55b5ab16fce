// The exhibits made from an original, for the app's evidence view and the dossier: the item
// facts from the vault, what was removed and the pixel proof from the exhibit's `derive` entry
// (the one record of them, so nothing here can disagree with the custody log).
import { entriesFor } from '../custody/custody-queries';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';

export interface ExhibitSummary {
  id: number;
  derivedFrom: number;
  sha256: string;
  bytes: number;
  mediaType: string;
  originalName: string;
  operation: string;
  madeAt: string;
  madeBy: string;
  deleted: boolean;
  removed: string[];
  kept: string[];
  pixelsIdentical: boolean | null;
  originalPixelSha256: string | null;
  exhibitPixelSha256: string | null;
}

type Row = {
  id: number; derived_from: number; sha256: string; bytes: number; media_type: string; original_name: string;
  operation: string; imported_at: string; imported_by: string; deleted: number;
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export async function listExhibits(session: VaultSession, originalId: number, o: { includeDeleted?: boolean } = {}): Promise<ExhibitSummary[]> {
  await assertAllowed(session, 'records.read', `evidence:${originalId}`);
  const rows = await session.db.all<Row>(`
    SELECT e.id, d.derived_from, e.sha256, e.bytes, e.media_type, e.original_name, d.operation, e.imported_at, e.imported_by,
      e.id IN (SELECT id FROM deleted_evidence) AS deleted
    FROM evidence_derivations d JOIN evidence e ON e.id = d.evidence_id WHERE d.derived_from = ? ORDER BY e.id`, [originalId]);
  const out: ExhibitSummary[] = [];
  for (const r of rows) {
    if (r.deleted === 1 && !o.includeDeleted) continue;
    const derive = (await entriesFor(session.db, `evidence:${r.id}`)).find((e) => e.action === 'derive');
    const d = derive?.details ?? {};
    out.push({
      id: r.id, derivedFrom: r.derived_from, sha256: r.sha256, bytes: r.bytes, mediaType: r.media_type, originalName: r.original_name,
      operation: r.operation, madeAt: r.imported_at, madeBy: r.imported_by, deleted: r.deleted === 1,
      removed: strings(d.removed), kept: strings(d.kept), pixelsIdentical: typeof d.pixelsIdentical === 'boolean' ? d.pixelsIdentical : null,
      originalPixelSha256: stringOrNull(d.originalPixelSha256), exhibitPixelSha256: stringOrNull(d.exhibitPixelSha256),
    });
  }
  return out;
}

/** The newest live exhibit of an original (what a dossier carries for it), or null. */
export async function exhibitOf(session: VaultSession, originalId: number): Promise<ExhibitSummary | null> {
  return (await listExhibits(session, originalId)).at(-1) ?? null;
}
