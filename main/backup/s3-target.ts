// A backup target in any store that speaks the S3 API (Garage, MinIO, a hosted S3), through the AWS
// SDK: endpoint, region and credentials come from the standard AWS environment variables and files;
// CUSTODIA_S3_PATH_STYLE=1 for stores that need path-style addressing. Conditional writes are not
// relied on (many stores ignore If-None-Match): a HEAD before each PUT keeps names write-once for
// one writer, and every name is a content hash or a fresh sequence number, so a PUT that races
// another one writes the same bytes or fails the backup's read-back of its manifest.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CustodiaError } from '../../shared/errors/error-codes';
import { checkTargetName, type BackupTarget } from './backup-target';

const S3_URL = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/;

function status(e: unknown): number | undefined {
  return (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function unreachable(label: string, e: unknown): CustodiaError {
  if (e instanceof CustodiaError) return e;
  const why = (e as { name?: string }).name ?? 'error';
  return new CustodiaError('E_BACKUP_TARGET', `the S3 store of ${label} answered ${why}${status(e) ? ` (HTTP ${status(e)})` : ''}`);
}

export function isS3Address(spec: string): boolean {
  return spec.startsWith('s3://');
}

export class S3Target implements BackupTarget {
  readonly label: string;
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #prefix: string;

  constructor(spec: string, client?: S3Client) {
    const m = S3_URL.exec(spec);
    if (!m?.[1]) throw new CustodiaError('E_USAGE', `${spec} is not an s3://bucket/prefix address`);
    this.#bucket = m[1];
    const prefix = (m[2] ?? '').replace(/^\/+|\/+$/g, '');
    this.#prefix = prefix ? `${prefix}/` : '';
    this.label = `s3://${this.#bucket}/${prefix}`;
    // The SDK warns on every run under Node 20 about versions to come, not this one; stderr is the CLI's for progress and notes.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    this.#client = client ?? new S3Client({
      forcePathStyle: process.env.CUSTODIA_S3_PATH_STYLE === '1',
      // Only checksums a request needs: many S3-compatible stores reject the SDK's newer defaults.
      // Every byte is checked by its SHA-256 name on read-back instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  #key(name: string): string {
    return `${this.#prefix}${checkTargetName(name)}`;
  }

  async list(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.#client.send(new ListObjectsV2Command({ Bucket: this.#bucket, Prefix: `${this.#prefix}${prefix}`, ...(token ? { ContinuationToken: token } : {}) }));
        for (const o of page.Contents ?? []) if (o.Key) found.push(o.Key.slice(this.#prefix.length));
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (e) {
      throw unreachable(this.label, e);
    }
    return found;
  }

  async has(name: string): Promise<boolean> {
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }));
      return true;
    } catch (e) {
      if (status(e) === 404) return false;
      throw unreachable(this.label, e);
    }
  }

  async putIfAbsent(name: string, bytes: Uint8Array): Promise<boolean> {
    if (await this.has(name)) return false;
    try {
      await this.#client.send(new PutObjectCommand({ Bucket: this.#bucket, Key: this.#key(name), Body: bytes, ContentLength: bytes.length }));
    } catch (e) {
      throw unreachable(this.label, e);
    }
    return true;
  }

  async read(name: string): Promise<Buffer | undefined> {
    try {
      const got = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: this.#key(name) }));
      if (!got.Body) return Buffer.alloc(0);
      return Buffer.from(await got.Body.transformToByteArray());
    } catch (e) {
      if (status(e) === 404) return undefined;
      throw unreachable(this.label, e);
    }
  }

  async sync(): Promise<void> {
    // A PUT the store acknowledged is stored: nothing to flush.
  }

  close(): void {
    this.#client.destroy();
  }
}
