// Where backups go: a store of named blobs that only ever gains names. Every target (a folder, an
// S3 bucket) offers the same four calls and no delete or overwrite, so nothing a backup does can
// lose what an earlier one wrote. Names are `kind/…` paths of lowercase hex and digits.
import { CustodiaError } from '../../shared/errors/error-codes';

export interface BackupTarget {
  /** What the user named (a path or s3:// address): hashed into the custody entry, never shown to the store. */
  readonly label: string;
  /** Every name under prefix (e.g. `objects/`), in no particular order. */
  list(prefix: string): Promise<string[]>;
  has(name: string): Promise<boolean>;
  /** Writes bytes under name unless the name exists; false when it did (the bytes are then left as they were). */
  putIfAbsent(name: string, bytes: Uint8Array): Promise<boolean>;
  /** The bytes under name, or undefined when there is no such name. */
  read(name: string): Promise<Buffer | undefined>;
  /** Makes every name written so far durable (a folder's entries flushed); the manifest waits for it. */
  sync(): Promise<void>;
  /** Lets go of connections (an S3 client keeps its sockets open, and the CLI would not exit). */
  close(): void;
}

const NAME = /^[a-z]+(\/[0-9a-f]{2})?\/[0-9a-z.-]+$/;

/** Refuses a name that could leave the target's folder or prefix. */
export function checkTargetName(name: string): string {
  if (!NAME.test(name) || name.includes('..')) throw new CustodiaError('E_INVALID_INPUT', `"${name.slice(0, 80)}" is not a backup file name`);
  return name;
}
