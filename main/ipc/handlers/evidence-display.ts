// What the evidence screen shows, without decrypting any original: metadata from the report
// sealed at import, exhibits as the stored derivatives, and display bytes only of exhibits
// (or of the original when the user opens it, which is a logged `view` of the original).
import type { Response } from '../../../shared/ipc/contract';
import { CustodiaError } from '../../../shared/errors/error-codes';
import type { MediaReport } from '../../../shared/media/media-report';
import { viewEvidenceMetadata } from '../../evidence/evidence-metadata';
import { exhibitOf, type ExhibitSummary } from '../../evidence/list-exhibits';
import { openEvidenceStream } from '../../evidence/read-evidence';
import type { VaultSession } from '../../accounts/vault-session';
import { reportPredictsIdenticalPixels } from '../../media/lossless-strip';
import { makePreview } from '../../media/preview';

export const MAX_DISPLAY_BYTES = 64 * 1024 * 1024;
const THUMB_EDGE = 256;
type Detail = Response<'evidence.get'>;
type DisplayBytes = Response<'evidence.view'>;

/** Every read is a custody `view` of the item read, committed before the first byte leaves. */
async function readForDisplay(session: VaultSession, id: number, purpose: string): Promise<Buffer> {
  const { item, stream } = await openEvidenceStream(session, id, { purpose });
  if (item.bytes > MAX_DISPLAY_BYTES) {
    stream.destroy();
    throw new CustodiaError('E_TOO_LARGE', `evidence ${id} is too large to show on screen`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const short = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '').slice(0, 2000);

function tagsOf(report: MediaReport): Detail['metadata'] {
  const identifying = new Set(report.identifying.map((t) => t.tag));
  return Object.entries(report.tags).flatMap(([group, tags]) =>
    Object.entries(tags).map(([tag, value]) => ({ group, tag, value: short(value), identifying: identifying.has(`${group}:${tag}`) })),
  );
}

/** The sealed metadata as the screen shows it; an altered row is refused by the core, never shown. */
export async function sealedMetadataView(session: VaultSession, id: number): Promise<Pick<Detail, 'metadata' | 'metadataStatus' | 'gps' | 'preview'>> {
  const m = await viewEvidenceMetadata(session, id);
  if (m.outcome !== 'extracted') return { metadata: [], metadataStatus: m.outcome, gps: null, preview: null };
  const { report } = m;
  return {
    metadata: tagsOf(report),
    metadataStatus: 'extracted',
    gps: report.gps ? { lat: report.gps.lat, lon: report.gps.lon } : null,
    // What an exhibit made now would drop, read from the sealed report.
    preview: { removed: report.blocks, pixelsIdentical: reportPredictsIdenticalPixels(report) },
  };
}

export const exhibitView = (x: ExhibitSummary): Detail['exhibits'][number] => ({
  id: x.id, sha256: x.sha256, bytes: x.bytes, removed: x.removed, pixelsIdentical: x.pixelsIdentical,
});

/** The original as sealed, or its stored exhibit; never an exhibit made on the fly. */
export async function displayBytes(session: VaultSession, id: number, mediaType: string, which: 'original' | 'exhibit'): Promise<DisplayBytes> {
  if (which === 'original') return { mediaType, base64: (await readForDisplay(session, id, 'display original')).toString('base64') };
  const exhibit = await exhibitOf(session, id);
  if (!exhibit) throw new CustodiaError('E_NOT_FOUND', `evidence ${id} has no exhibit yet`);
  return { mediaType: exhibit.mediaType, base64: (await readForDisplay(session, exhibit.id, 'display exhibit')).toString('base64') };
}

// Thumbnails live only in main's memory and only for the session that made them: keyed by the
// session object, so a lock (which drops the session) leaves nothing reachable, and a new unlock
// starts empty; `forgetThumbnails` empties them at once, for the lock itself to call. A
// non-image or an item without an exhibit has no thumbnail (the tile shows a placeholder): the
// original is never shrunk, so no thumbnail can carry its metadata or what the exhibit hides.
// Making one decrypts the exhibit, so it is a logged `view` of the exhibit (purpose
// 'thumbnail'), once per item per session; the original's timeline is untouched.
const thumbnails = new WeakMap<VaultSession, Map<number, DisplayBytes>>();

export function forgetThumbnails(session: VaultSession): void {
  thumbnails.get(session)?.clear();
  thumbnails.delete(session);
}

export function cachedThumbnails(session: VaultSession): number {
  return thumbnails.get(session)?.size ?? 0;
}

export async function thumbnail(session: VaultSession, id: number): Promise<DisplayBytes | null> {
  let cache = thumbnails.get(session);
  if (!cache) {
    thumbnails.set(session, (cache = new Map()));
    session.onClose(() => forgetThumbnails(session));
  }
  const known = cache.get(id);
  if (known) return known;
  const exhibit = await exhibitOf(session, id);
  // "No exhibit yet" is not remembered: one may be made later in the session.
  if (!exhibit || exhibit.bytes > MAX_DISPLAY_BYTES) return null;
  const bytes = await readForDisplay(session, exhibit.id, 'thumbnail');
  const jpeg = await makePreview(bytes, { edge: THUMB_EDGE, quality: 70 });
  const made = { mediaType: 'image/jpeg', base64: jpeg.toString('base64') };
  bytes.fill(0);
  jpeg.fill(0);
  cache.set(id, made);
  return made;
}
