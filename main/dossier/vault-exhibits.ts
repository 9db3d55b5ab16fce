// Exhibits for a dossier from the vault, in two steps. `planExhibit` only reads: the original's
// sealed metadata and the stored exhibit if there is one — no evidence byte, no custody entry —
// so the disclosure preview can run on it without leaving a trace. `materialiseExhibit` is the
// export's step: it makes the missing exhibit (makeExhibit: a `view` of the original and a
// `derive`, once for all dossiers) and hands the writer logged, seal-checked byte sources.
// Images, MP4/MOV/3GP/M4A, MP3, WAV, Ogg, FLAC, AMR, WebM/Matroska and PDF travel as their
// cleaned exhibits. Anything else (or a file too large to clean) is never an exhibit: it is left
// out, or, when the export carries originals, it travels only as its sealed original under
// data/originals, behind a high finding.
import { openEvidenceStream } from '../evidence/read-evidence';
import type { EvidenceItem } from '../evidence/list-evidence';
import { exhibitOf, type ExhibitSummary } from '../evidence/list-exhibits';
import { makeExhibit } from '../evidence/make-exhibit';
import { getEvidenceMetadata } from '../evidence/evidence-metadata';
import type { DisclosureInput } from '../../shared/dossier/disclosure-check';
import type { ExhibitInput, OriginalInput } from '../../shared/dossier/dossier-types';
import type { IdentifyingTag } from '../../shared/media/media-report';
import { isCleanable } from '../../shared/vocabulary/cleanable-media';
import { MAX_FILE_BYTES } from '../media/limits';
import type { VaultSession } from '../accounts/vault-session';

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

export interface PlannedExhibit {
  item: EvidenceItem;
  /** The original as the dossier would describe it; its content is not read until written. */
  original: Omit<OriginalInput, 'content'>;
  cleanable: boolean;
  /** The live stored exhibit, or null when the export would make one. */
  existing: ExhibitSummary | null;
  /** What the stored exhibit's own sealed metadata still identifies (none for a clean exhibit). */
  exhibitIdentifying: IdentifyingTag[];
}

/** What the item's sealed metadata says identifies a person, device or place. */
async function sealedIdentifying(session: VaultSession, id: number): Promise<{ identifying: IdentifyingTag[]; gps?: { lat: number; lon: number } }> {
  const m = await getEvidenceMetadata(session, id);
  if (m.outcome !== 'extracted') return { identifying: [] };
  const { identifying, gps } = m.report;
  return gps ? { identifying, gps: { lat: gps.lat, lon: gps.lon } } : { identifying };
}

export async function planExhibit(session: VaultSession, item: EvidenceItem): Promise<PlannedExhibit> {
  const original = {
    sha256: item.sha256, id: String(item.id), name: `evidence ${item.id}`, mediaType: item.mediaType, size: item.bytes,
    ...(await sealedIdentifying(session, item.id)),
  };
  const cleanable = isCleanable(item.mediaType) && item.bytes <= MAX_FILE_BYTES;
  const existing = cleanable ? await exhibitOf(session, item.id) : null;
  const exhibitIdentifying = existing ? (await sealedIdentifying(session, existing.id)).identifying : [];
  return { item, original, cleanable, existing, exhibitIdentifying };
}

/**
 * The exhibit as the disclosure check sees it. An exhibit not made yet is predicted clean: the
 * core refuses to store one that still identifies anyone, so the export either carries a clean
 * exhibit or stops with an error.
 */
export function disclosedExhibit(p: PlannedExhibit): DisclosureInput['exhibits'][number] {
  const name = `evidence ${p.item.id}`;
  const originalName = p.item.originalName;
  if (!p.cleanable) return { name, identifying: [], stripped: false, originalName };
  return { name, identifying: p.exhibitIdentifying, stripped: true, originalName };
}

export async function materialiseExhibit(session: VaultSession, p: PlannedExhibit, purpose: string): Promise<VaultExhibit> {
  const { item } = p;
  // Re-read from the vault when written rather than held: an export may carry many originals.
  const original: OriginalInput = { ...p.original, content: vaultSource(session, item.id, purpose) };
  const common = { originalId: String(item.id), originalSha256: item.sha256, incidentId: String(item.incidentId), originalName: item.originalName };
  if (!p.cleanable) {
    return {
      original,
      subjects: [`evidence:${item.id}`],
      exhibit: { ...common, id: String(item.id), name: `evidence ${item.id}`, mediaType: item.mediaType, size: item.bytes, sha256: item.sha256, removedMetadata: [], stripped: false, content: original.content },
    };
  }
  const made = p.existing ?? (await makeExhibit(session, item.id));
  return {
    original,
    subjects: [`evidence:${item.id}`, `evidence:${made.id}`],
    exhibit: {
      ...common, id: String(made.id), name: `evidence ${made.id}`, mediaType: made.mediaType, size: made.bytes, sha256: made.sha256,
      removedMetadata: made.removed, stripped: true, identifying: p.existing ? p.exhibitIdentifying : [],
      ...(made.pixelsIdentical === null ? {} : { pixelsIdentical: made.pixelsIdentical }),
      ...(made.originalPixelSha256 ? { originalPixelSha256: made.originalPixelSha256 } : {}),
      ...(made.exhibitPixelSha256 ? { exhibitPixelSha256: made.exhibitPixelSha256 } : {}),
      content: vaultSource(session, made.id, purpose),
    },
  };
}
