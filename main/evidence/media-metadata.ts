// Image metadata read from bytes already in memory, sealed as canonical JSON. At import the
// bytes are held while they stream into the vault, so no plaintext copy of the evidence or of its
// metadata ever touches the disk (THREATS T1). A file the media module cannot read is still
// evidence: the failure is sealed in place of the report and the import goes on.
import { canonicalJson } from '../../shared/custody/canonical-json';
import { CustodiaError } from '../../shared/errors/error-codes';
import type { MediaReport } from '../../shared/media/media-report';
import { inspectBuffer } from '../media/inspect';
import { MAX_FILE_BYTES } from '../media/limits';
import { sniffMediaType } from '../media/sniff';
import { metadataBodyHash } from '../custody/record-hash';
import type { Database } from '../vault/database';

export type SealedMetadata =
  | { outcome: 'extracted'; report: MediaReport }
  | { outcome: 'failed'; error: { code: string; message: string } };

export interface MetadataSeal {
  outcome: SealedMetadata['outcome'];
  /** Canonical JSON of the SealedMetadata, exactly as stored. */
  body: string;
  /** What the item's seal (or derive) entry commits to as details.metadataSha256. */
  sha256: string;
}

/** As many bytes as the import sniffs, so both agree on what is an image. */
const SNIFF_BYTES = 4096;

/**
 * Keeps the chunks of an image while they stream past, up to the media module's size limit.
 * Anything else (not an image, or too large) is let go as soon as that is known, so importing a
 * 4 GiB video still runs in constant memory.
 */
export class ImageCollector {
  #parts: Buffer[] = [];
  #held = 0;
  #state: 'undecided' | 'image' | 'skipped' = 'undecided';

  constructor(private readonly limit = MAX_FILE_BYTES) {}

  add(chunk: Buffer): void {
    if (this.#state === 'skipped') return;
    this.#held += chunk.length;
    if (this.#held > this.limit) return this.#skip();
    this.#parts.push(chunk);
    if (this.#state === 'undecided' && this.#held >= SNIFF_BYTES) this.#decide();
  }

  /** The whole image, or undefined when the item gets no metadata row. */
  take(): Buffer | undefined {
    if (this.#state === 'undecided') this.#decide();
    if (this.#state === 'skipped') return undefined;
    const image = Buffer.concat(this.#parts, this.#held);
    this.#parts = [];
    return image;
  }

  #decide(): void {
    const head = Buffer.concat(this.#parts).subarray(0, SNIFF_BYTES);
    if (sniffMediaType(head).format === 'other') this.#skip();
    else this.#state = 'image';
  }

  #skip(): void {
    this.#state = 'skipped';
    this.#parts = [];
  }
}

// A message may quote the file (a tag name with a lone surrogate): keep it sealable JSON text.
const sealable = (message: string): string => message.slice(0, 1_000).replace(/\p{Cs}/gu, '\uFFFD');

function failure(e: unknown): { code: string; message: string } {
  if (e instanceof CustodiaError) return { code: e.code, message: sealable(e.message) };
  return { code: 'E_INTERNAL', message: sealable(`metadata could not be read: ${e instanceof Error ? e.message : String(e)}`) };
}

export function sealMetadata(metadata: SealedMetadata): MetadataSeal {
  const body = canonicalJson(metadata);
  return { outcome: metadata.outcome, body, sha256: metadataBodyHash(body) };
}

/** Reads an image's metadata; never throws for a bad image, it seals the failure instead. */
export async function readMetadata(image: Buffer): Promise<MetadataSeal> {
  try {
    return sealMetadata({ outcome: 'extracted', report: await inspectBuffer(image) });
  } catch (e) {
    return sealMetadata({ outcome: 'failed', error: failure(e) });
  }
}

export async function insertMetadata(tx: Database, evidenceId: number, seal: MetadataSeal): Promise<void> {
  await tx.run('INSERT INTO evidence_metadata (evidence_id, body) VALUES (?, ?)', [evidenceId, seal.body]);
}
