// Which items an exhibit can be made from, decided from the sealed row before any byte is read:
// a live original image in a format the media module cleans. Everything else is refused with a
// stable code and nothing is read, logged as an access, or stored.
import { CustodiaError } from '../../shared/errors/error-codes';
import { CLEANABLE_MEDIA, isCleanable } from '../../shared/vocabulary/cleanable-media';
import { refuseHeic } from '../media/heic';
import { MAX_FILE_BYTES } from '../media/limits';
import type { Database } from '../vault/database';
import type { SealedItem } from './stored-chunks';

export interface ExhibitSource extends SealedItem {
  incidentId: number;
  mediaType: string;
  originalName: string;
}

type Row = {
  sha256: string; bytes: number; chunk_count: number; incident_id: number; media_type: string; original_name: string;
  derived_from: number | null; deleted: number;
};

export async function exhibitSource(db: Database, id: number): Promise<ExhibitSource> {
  const row = await db.get<Row>(`
    SELECT e.sha256, e.bytes, e.chunk_count, e.incident_id, e.media_type, e.original_name, d.derived_from,
      e.id IN (SELECT id FROM deleted_evidence) AS deleted
    FROM evidence e LEFT JOIN evidence_derivations d ON d.evidence_id = e.id WHERE e.id = ?`, [id]);
  if (!row) throw new CustodiaError('E_NOT_FOUND', `no evidence item ${id}`);
  if (row.deleted === 1) throw new CustodiaError('E_NOT_FOUND', `evidence item ${id} is deleted; exhibits are made from live items`);
  if (row.derived_from !== null) {
    throw new CustodiaError('E_INVALID_INPUT', `evidence ${id} is itself an exhibit of evidence ${row.derived_from}; make exhibits from the original`, {
      evidenceId: id, derivedFrom: row.derived_from,
    });
  }
  if (row.media_type === 'image/heic' || row.media_type === 'image/heif') refuseHeic(row.media_type);
  if (!isCleanable(row.media_type)) {
    throw new CustodiaError(
      'E_UNSUPPORTED_MEDIA',
      `${row.media_type} files cannot be cleaned yet; only JPEG, PNG, WebP, TIFF, GIF and AVIF images, MP4/MOV/3GP/M4A, MP3, WAV, Ogg (Opus, Vorbis, FLAC), FLAC, AMR, WebM/Matroska and PDF can. The original stays sealed.`,
      { mediaType: row.media_type },
    );
  }
  if (row.bytes > MAX_FILE_BYTES) {
    throw new CustodiaError('E_TOO_LARGE', `evidence ${id} is ${row.bytes} bytes, above the limit of ${MAX_FILE_BYTES} for media processing`);
  }
  return {
    id, sha256: row.sha256, bytes: row.bytes, chunkCount: row.chunk_count,
    incidentId: row.incident_id, mediaType: row.media_type, originalName: row.original_name,
  };
}

/** `IMG_2041.jpg` → `IMG_2041.exhibit.jpg`; the extension follows what the exhibit really is. */
export function exhibitName(originalName: string, exhibitMediaType: string): string {
  const base = originalName.replace(/\.[^./\\]{1,10}$/, '') || 'evidence';
  return `${base}.exhibit.${CLEANABLE_MEDIA[exhibitMediaType] ?? 'bin'}`.slice(-1_000);
}
