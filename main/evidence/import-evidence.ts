// Evidence intake: the bytes stream into fixed-size chunks, each sealed as an object in the
// vault's objects folder (object-writer.ts) while their sha256 is computed; the item row, its
// object rows, its receive and seal entries commit in one transaction once every object is on
// disk, or not at all, so an import that fails half way leaves nothing behind. An image's metadata is
// read from the bytes held in memory meanwhile and sealed with it (never via a temp file, T1).
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { fileName } from '../platform/path-names';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { sniffMediaType } from '../media/sniff';
import { currentVersion } from '../records/incidents';
import { evidenceRecordHash } from '../custody/record-hash';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { parseAcquisition, type Acquisition, type AcquisitionInput } from './acquisition';
import type { Database } from '../vault/database';
import { DEFAULT_CHUNK_SIZE, fixedChunks } from './chunking';
import { insertEvidenceRow, nextEvidenceId } from './evidence-rows';
import { ObjectWriter } from '../vault/object-writer';
import { vaultObjects } from './vault-objects';
import { storageError } from '../vault/storage-error';
import { ImageCollector, insertMetadata, readMetadata, type MetadataSeal } from './media-metadata';

export interface ImportedEvidence {
  id: number;
  sha256: string;
  bytes: number;
  mediaType: string;
}

export interface ImportOptions {
  chunkSize?: number;
  /** Called with the bytes stored so far after each chunk, for the app's progress bar. */
  onProgress?: (bytesStored: number) => void;
}

const SNIFF_BYTES = 4096;

/** Marks failures of the source, so they are told apart from failures of the vault. */
async function* readingFrom(source: AsyncIterable<Buffer | Uint8Array | string>, name: string): AsyncGenerator<Buffer | Uint8Array | string> {
  const it = source[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      let next: IteratorResult<Buffer | Uint8Array | string>;
      try {
        next = await it.next();
      } catch (e) {
        finished = true;
        throw new CustodiaError('E_UNREADABLE_FILE', `cannot read ${name}: ${(e as Error).message}; nothing was imported`);
      }
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Stopped early because the vault failed: release the source (closes a file stream).
    if (!finished) await it.return?.();
  }
}

export async function importEvidenceStream(
  session: VaultSession,
  incidentId: number,
  source: AsyncIterable<Buffer | Uint8Array | string>,
  meta: { originalName: string; acquisition: AcquisitionInput },
  o: ImportOptions = {},
): Promise<ImportedEvidence> {
  await assertAllowed(session, 'records.write', `incident:${incidentId}`);
  const acquisition = parseAcquisition(meta.acquisition);
  const originalName = meta.originalName.slice(0, 1_000);
  const chunkSize = o.chunkSize ?? DEFAULT_CHUNK_SIZE;
  try {
    return await session.db.transaction(async (tx) => {
      await currentVersion(tx, incidentId);
      const id = await nextEvidenceId(tx);
      const writer = new ObjectWriter(tx, vaultObjects(session), id);
      try {
        return await storeStream(tx, writer, source, { id, incidentId, originalName, acquisition, chunkSize, actor: session.user.name, onProgress: o.onProgress });
      } catch (e) {
        // Objects of an item that will not commit: removed now rather than swept at the next unlock.
        await writer.discard();
        throw e;
      }
    });
  } catch (e) {
    throw storageError(e, `importing ${originalName}`);
  }
}

interface StreamItem {
  id: number;
  incidentId: number;
  originalName: string;
  acquisition: Acquisition;
  chunkSize: number;
  actor: string;
  onProgress: ((bytesStored: number) => void) | undefined;
}

async function storeStream(tx: Database, writer: ObjectWriter, source: AsyncIterable<Buffer | Uint8Array | string>, it: StreamItem): Promise<ImportedEvidence> {
  const { id, incidentId, originalName, acquisition, chunkSize, actor } = it;
  const hash = createHash('sha256');
  let head = Buffer.alloc(0);
  let bytes = 0;
  const image = new ImageCollector();
  for await (const chunk of fixedChunks(readingFrom(source, originalName), chunkSize)) {
    hash.update(chunk);
    image.add(chunk);
    if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
    await writer.add(chunk);
    bytes += chunk.length;
    it.onProgress?.(bytes);
  }
  const chunkCount = await writer.finish();
  const sha256 = hash.digest('hex');
  const { mediaType } = sniffMediaType(head);
  const metadata = await sealedMetadataOf(image);
  await insertEvidenceRow(tx, { id, incidentId, sha256, bytes, mediaType, originalName, acquisition, chunkSize, chunkCount, importedBy: actor });
  const subject = `evidence:${id}`;
  await appendCustody(tx, { actor, action: 'receive', subject, details: { evidenceId: id, incidentId, sha256, bytes } });
  const recordSha256 = evidenceRecordHash({ id, incidentId, sha256, bytes, mediaType, originalName, acquisition });
  if (metadata) await insertMetadata(tx, id, metadata);
  const sealedMeta = metadata ? { metadataSha256: metadata.sha256, metadataOutcome: metadata.outcome } : {};
  await appendCustody(tx, { actor, action: 'seal', subject, details: { evidenceId: id, sha256, bytes, mediaType, recordSha256, ...sealedMeta } });
  return { id, sha256, bytes, mediaType };
}

/** Images within the media module's limit get their metadata read; the copy held is then wiped. */
async function sealedMetadataOf(collector: ImageCollector): Promise<MetadataSeal | undefined> {
  const image = collector.take();
  if (!image) return undefined;
  try {
    return await readMetadata(image);
  } finally {
    image.fill(0);
  }
}

export async function importEvidence(
  session: VaultSession,
  incidentId: number,
  filePath: string,
  acquisition: AcquisitionInput,
  o: ImportOptions = {},
): Promise<ImportedEvidence> {
  let file;
  try {
    file = await open(filePath, 'r');
  } catch (e) {
    throw new CustodiaError('E_UNREADABLE_FILE', `cannot open ${filePath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    if (!(await file.stat()).isFile()) throw new CustodiaError('E_UNREADABLE_FILE', `${filePath} is not a regular file`);
    const stream = file.createReadStream({ highWaterMark: o.chunkSize ?? DEFAULT_CHUNK_SIZE, autoClose: false });
    return await importEvidenceStream(session, incidentId, stream, { originalName: fileName(filePath), acquisition }, o);
  } finally {
    await file.close();
  }
}
