// Exhibits for a dossier from the vault's sealed originals: pictures are cleaned in memory by the
// media module (no plaintext exhibit touches the disk, T1); other kinds go out as sealed, and the
// disclosure check says so. Every read of evidence bytes is a logged access.
import { openEvidenceStream } from '../evidence/read-evidence';
import type { EvidenceItem } from '../evidence/list-evidence';
import { stripMediaToBuffer } from '../media/strip';
import { inspectBuffer } from '../media/inspect';
import type { ExhibitInput, OriginalInput } from '../../shared/dossier/dossier-types';
import type { VaultSession } from '../vault/vault-session';

const CLEANABLE = /^image\/(jpeg|png|webp|tiff|gif|avif)$/;
// Larger pictures than this are not loaded whole to be cleaned; they travel as sealed originals.
const MAX_CLEANABLE_BYTES = 256 * 1024 * 1024;

async function readAll(session: VaultSession, id: number, purpose: string): Promise<Buffer> {
  const { stream } = await openEvidenceStream(session, id, { purpose });
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A fresh, logged, seal-checked stream each time the writer asks for the bytes. */
function vaultSource(session: VaultSession, id: number, purpose: string): () => AsyncIterable<Uint8Array> {
  return () => ({
    async *[Symbol.asyncIterator]() {
      const { stream } = await openEvidenceStream(session, id, { purpose });
      for await (const c of stream) yield c as Buffer;
    },
  });
}

export interface VaultExhibit {
  exhibit: ExhibitInput;
  original: OriginalInput;
  /** Present when the exhibit is a cleaned derivative (a custody `derive` entry records it). */
  derived: boolean;
}

export async function exhibitFromVault(session: VaultSession, item: EvidenceItem, purpose: string): Promise<VaultExhibit> {
  const originalBase = { sha256: item.sha256, id: String(item.id), name: item.originalName, mediaType: item.mediaType, size: item.bytes };
  const common = { id: String(item.id), name: item.originalName, originalId: String(item.id), originalSha256: item.sha256, incidentId: String(item.incidentId) };
  if (CLEANABLE.test(item.mediaType) && item.bytes <= MAX_CLEANABLE_BYTES) {
    const bytes = await readAll(session, item.id, purpose);
    const report = await inspectBuffer(bytes);
    const s = await stripMediaToBuffer(bytes);
    return {
      derived: true,
      exhibit: {
        ...common, mediaType: item.mediaType, size: s.data.length, sha256: s.exhibitSha256, removedMetadata: s.removed,
        pixelsIdentical: s.pixelsIdentical, originalPixelSha256: s.originalPixelSha256, exhibitPixelSha256: s.exhibitPixelSha256,
        stripped: true, content: s.data,
      },
      // Re-read from the vault when written rather than held: an export may carry many originals.
      original: {
        ...originalBase, identifying: report.identifying, gps: report.gps && { lat: report.gps.lat, lon: report.gps.lon },
        content: vaultSource(session, item.id, purpose),
      },
    };
  }
  const source = vaultSource(session, item.id, purpose);
  return {
    derived: false,
    exhibit: { ...common, mediaType: item.mediaType, size: item.bytes, sha256: item.sha256, removedMetadata: [], stripped: false, content: source },
    original: { ...originalBase, identifying: [], content: source },
  };
}
