// The key-slot header beside the database (`<vault>.keys`): plaintext JSON, written atomically.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CustodiaError } from '../../shared/errors/error-codes';
import { writeFileAtomic } from '../platform/atomic-write';

export const HEADER_FORMAT = 'custodia-vault-keys';
export const HEADER_VERSION = 1;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const slotSchema = z.strictObject({
  /** Lowercase hex SHA-256 naming the slot's user (see slotId): hides names from a casual look. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  kdf: z.strictObject({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  salt: b64,
  iv: b64,
  wrappedKey: b64,
  tag: b64,
});

const headerSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.literal(HEADER_VERSION),
  vaultId: z.uuid(),
  cipher: z.strictObject({ pageSize: z.number().int().min(512).max(65536) }),
  slots: z.array(slotSchema),
});

export type KeySlot = z.infer<typeof slotSchema>;
export type VaultHeader = z.infer<typeof headerSchema>;

export function headerPath(vaultPath: string): string {
  return `${vaultPath}.keys`;
}

export async function readHeader(vaultPath: string): Promise<VaultHeader> {
  let text: string;
  try {
    text = await readFile(headerPath(vaultPath), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CustodiaError('E_NO_VAULT', `no vault at ${vaultPath} (its key header ${headerPath(vaultPath)} is missing)`);
    }
    throw new CustodiaError('E_BAD_VAULT_HEADER', `cannot read ${headerPath(vaultPath)}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CustodiaError('E_BAD_VAULT_HEADER', `${headerPath(vaultPath)} is not valid JSON`);
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) {
    throw new CustodiaError('E_BAD_VAULT_HEADER', `${headerPath(vaultPath)} is not a Custodia key header: ${parsed.error.message}`);
  }
  return parsed.data;
}

/** Atomic and durable (platform/atomic-write): a crash leaves the old header or the new one. */
export async function writeHeader(vaultPath: string, header: VaultHeader): Promise<void> {
  await writeFileAtomic(headerPath(vaultPath), `${JSON.stringify(header, null, 2)}\n`);
}
