// Exhibits for a dossier from the vault. A picture travels as its sealed exhibit — the stored,
// metadata-free derivative made once by makeExhibit (reused if it exists), with its own sha256 and
// `derive` entry — so every dossier carries the same exhibit bytes and the custody log records
// the derivation once. Other kinds (audio, video, documents) go out as their sealed originals,
// and the disclosure check says so. Every read of evidence bytes is a logged access.
import { openEvidenceStream } from '../evidence/read-evidence';
import type { EvidenceItem } from '../evidence/list-evidence';
import { exhibitOf } from '../evidence/list-exhibits';
import { makeExhibit } from '../evidence/make-exhibit';
import { getEvidenceMetadata } from '../evidence/evidence-metadata';
import type { ExhibitInput, OriginalInput } from '../../shared/dossier/dossier-types';
import type { IdentifyingTag } from '../../shared/media/media-report';
import type { VaultSession } from '../vault/vault-session';

const CLEANABLE = /^image\/(jpeg|png|webp|tiff|gif|avif)$/;

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
  /** Vault ids whose custody entries the dossier's excerpt must prove. */
  subjects: string[];
}

/** What the original's sealed metadata says identifies a person, device or place. */
async function sealedIdentifying(session: VaultSession, id: number): Promise<{ identifying: IdentifyingTag[]; gps?: { lat: number; lon: number } }> {
  const m = await getEvidenceMetadata(session, id);
  if (m.outcome !== 'extracted') return { identifying: [] };
  const { identifying, gps } = m.report;
  return gps ? { identifying, gps: { lat: gps.lat, lon: gps.lon } } : { identifying };
}

export async function exhibitFromVault(session: VaultSession, item: EvidenceItem, purpose: string): Promise<VaultExhibit> {
  const original: OriginalInput = {
    sha256: item.sha256, id: String(item.id), name: item.originalName, mediaType: item.mediaType, size: item.bytes,
    ...(await sealedIdentifying(session, item.id)),
    // Re-read from the vault when written rather than held: an export may carry many originals.
    content: vaultSource(session, item.id, purpose),
  };
  const common = { originalId: String(item.id), originalSha256: item.sha256, incidentId: String(item.incidentId) };
  if (!CLEANABLE.test(item.mediaType)) {
    return {
      original,
      subjects: [`evidence:${item.id}`],
      exhibit: { ...common, id: String(item.id), name: item.originalName, mediaType: item.mediaType, size: item.bytes, sha256: item.sha256, removedMetadata: [], stripped: false, content: original.content },
    };
  }
  const made = (await exhibitOf(session, item.id)) ?? (await makeExhibit(session, item.id));
  return {
    original,
    subjects: [`evidence:${item.id}`, `evidence:${made.id}`],
    exhibit: {
      ...common, id: String(made.id), name: made.originalName, mediaType: made.mediaType, size: made.bytes, sha256: made.sha256,
      removedMetadata: made.removed, stripped: true,
      ...(made.pixelsIdentical === null ? {} : { pixelsIdentical: made.pixelsIdentical }),
      ...(made.originalPixelSha256 ? { originalPixelSha256: made.originalPixelSha256 } : {}),
      ...(made.exhibitPixelSha256 ? { exhibitPixelSha256: made.exhibitPixelSha256 } : {}),
      content: vaultSource(session, made.id, purpose),
    },
  };
}
