// `makeExhibit`: the shareable copy of an original (image, video, audio or PDF), without identifying metadata, kept as a
// new evidence item linked to the original. All of it happens in memory (THREATS T1): the
// original is read through the seal-checked chunk reader, cleaned by the media module's buffer
// variant, and the exhibit's bytes go straight into the vault. The original never changes.
//
// Custody: one transaction appends a `view` on the original and a `derive` on the exhibit,
// together with the exhibit itself. The view keeps the seal break on the original's own
// timeline (what a dossier excerpt for that item shows); committing it with the exhibit rather
// than before the read is sound because no byte leaves the process until the exhibit is stored:
// if cleaning fails, nothing was handed to anyone, and nothing is recorded or stored.
import { CustodiaError } from '../../shared/errors/error-codes';
import type { MediaReport } from '../../shared/media/media-report';
import { AV_CLEANABLE, cleanAvToBuffer } from '../media/clean-av';
import { inspectBuffer } from '../media/inspect';
import { sniffMediaType } from '../media/sniff';
import { stripMediaToBuffer } from '../media/strip';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { storageError } from '../vault/storage-error';
import { exhibitName, exhibitSource, type ExhibitSource } from './exhibit-source';
import { sealMetadata } from './media-metadata';
import { STRIP_OPERATION, storeExhibit, type StrippedImage } from './store-exhibit';
import { verifiedChunks } from './stored-chunks';
import { vaultObjects } from './vault-objects';

export interface Exhibit {
  id: number;
  derivedFrom: number;
  incidentId: number;
  sha256: string;
  bytes: number;
  mediaType: string;
  originalName: string;
  operation: typeof STRIP_OPERATION;
  removed: string[];
  kept: string[];
  /** Images only; null for audio, video and PDF, whose media data the cleaners copy unchanged. */
  pixelsIdentical: boolean | null;
  originalPixelSha256: string | null;
  exhibitPixelSha256: string | null;
  /** False when this original already had an identical live exhibit, which is returned instead. */
  created: boolean;
}

/** The original's bytes, checked against its seal; a mismatch throws before anything is made. */
async function readOriginal(session: VaultSession, source: ExhibitSource): Promise<Buffer> {
  const out = Buffer.alloc(source.bytes);
  let at = 0;
  for await (const chunk of verifiedChunks(session.db, vaultObjects(session), source)) {
    // More bytes than sealed: verifiedChunks throws E_EVIDENCE_HASH_MISMATCH at the end; stop copying.
    if (at + chunk.length <= out.length) chunk.copy(out, at);
    at += chunk.length;
  }
  return out;
}

/** Video, audio and PDF: the format's cleaner, whose own re-inspection must find nothing left. */
async function cleanAv(original: Buffer, source: ExhibitSource): Promise<StrippedImage> {
  const c = await cleanAvToBuffer(original);
  const report: MediaReport = { mediaType: c.mediaType, format: 'other', blocks: [], identifying: [], tags: {}, warnings: [] };
  return {
    data: c.data, sha256: c.exhibitSha256, mediaType: c.mediaType, originalName: exhibitName(source.originalName, c.mediaType),
    removed: c.removed, kept: [], pixelsIdentical: null, originalPixelSha256: null, exhibitPixelSha256: null,
    metadata: sealMetadata({ outcome: 'extracted', report }),
  };
}

async function strip(original: Buffer, source: ExhibitSource): Promise<StrippedImage> {
  if (AV_CLEANABLE.has(source.mediaType)) return cleanAv(original, source);
  const s = await stripMediaToBuffer(original);
  const { mediaType } = sniffMediaType(s.data.subarray(0, 4096));
  // The media module refuses an exhibit that still carries metadata; checked again here because
  // this report is what gets sealed as the exhibit's metadata.
  const report = await inspectBuffer(s.data);
  if (report.identifying.length > 0) {
    throw new CustodiaError('E_INTERNAL', `the exhibit of evidence ${source.id} still carries identifying metadata; nothing was stored`);
  }
  return {
    data: s.data, sha256: s.exhibitSha256, mediaType, originalName: exhibitName(source.originalName, mediaType),
    removed: s.removed, kept: s.kept, pixelsIdentical: s.pixelsIdentical,
    originalPixelSha256: s.originalPixelSha256, exhibitPixelSha256: s.exhibitPixelSha256,
    metadata: sealMetadata({ outcome: 'extracted', report }),
  };
}

export async function makeExhibit(session: VaultSession, evidenceId: number): Promise<Exhibit> {
  await assertAllowed(session, 'exhibits.make', `evidence:${evidenceId}`);
  const source = await exhibitSource(session.db, evidenceId);
  const original = await readOriginal(session, source);
  let made: StrippedImage | undefined;
  try {
    made = await strip(original, source);
    const { id, created } = await storeExhibit(session, source, made).catch((e: unknown) => {
      throw storageError(e, `storing the exhibit of evidence ${evidenceId}`);
    });
    return {
      id, derivedFrom: source.id, incidentId: source.incidentId, sha256: made.sha256, bytes: made.data.length,
      mediaType: made.mediaType, originalName: made.originalName, operation: STRIP_OPERATION, removed: made.removed, kept: made.kept,
      pixelsIdentical: made.pixelsIdentical, originalPixelSha256: made.originalPixelSha256, exhibitPixelSha256: made.exhibitPixelSha256, created,
    };
  } finally {
    // Decrypted evidence does not linger in memory longer than it must (T2).
    original.fill(0);
    made?.data.fill(0);
  }
}
