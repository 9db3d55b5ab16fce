// The key-slot header beside the database (`<vault>.keys`): plaintext JSON, written atomically.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CustodiaError } from '../../shared/errors/error-codes';
import { writeFileAtomic } from '../platform/atomic-write';

export const HEADER_FORMAT = 'custodia-vault-keys';
/** 2: personal slots (README "Key header"); a version-1 header is read and upgraded slot by slot. */
export const HEADER_VERSION = 2;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const hex32 = z.string().regex(/^[0-9a-f]{64}$/);
const kdfSchema = z.strictObject({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() });

/** A version-1 slot: the database key itself wrapped under the passphrase (read, never written). */
const legacySlotSchema = z.strictObject({
  /** Lowercase hex SHA-256 naming the slot's user (see slotId): hides names from a casual look. */
  id: hex32,
  kdf: kdfSchema,
  salt: b64,
  iv: b64,
  wrappedKey: b64,
  tag: b64,
});

/** The database key sealed to a slot's X25519 public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM). */
const sealedKeySchema = z.strictObject({
  ephemeralPublicKey: hex32,
  iv: b64,
  wrappedKey: b64,
  tag: b64,
});

/** A version-2 slot: the user's own secret keys sealed under their passphrase, the database key sealed to their public key. */
const personalSlotSchema = z.strictObject({
  v: z.literal(2),
  id: hex32,
  /** must_activate: made by an admin with a one-time passphrase; holds a temporary X25519 key only. */
  state: z.enum(['active', 'must_activate']),
  kdf: kdfSchema,
  salt: b64,
  iv: b64,
  /** AES-256-GCM of the X25519 secret (32 bytes), followed for an active slot by the Ed25519 seed (32 bytes). */
  secrets: b64,
  tag: b64,
  boxPublicKey: hex32,
  signingPublicKey: hex32.optional(),
  /** Absent for a slot that holds no key to the content. */
  dbKey: sealedKeySchema.optional(),
  /** During a re-key only: the new database key, until the new file is in place (accounts/rotate-vault-key.ts). */
  nextDbKey: sealedKeySchema.optional(),
});

const slotSchema = z.union([personalSlotSchema, legacySlotSchema]);

const headerSchema = z.strictObject({
  format: z.literal(HEADER_FORMAT),
  version: z.union([z.literal(1), z.literal(HEADER_VERSION)]),
  vaultId: z.uuid(),
  cipher: z.strictObject({ pageSize: z.number().int().min(512).max(65536) }),
  slots: z.array(slotSchema),
  /** Set while a re-key is under way (its new file is rekeyPath(vault)); the slots then also carry nextDbKey. */
  rekey: z.strictObject({ id: z.uuid(), reason: z.string().max(200) }).optional(),
});

export type LegacySlot = z.infer<typeof legacySlotSchema>;
export type PersonalSlot = z.infer<typeof personalSlotSchema>;
export type SealedKey = z.infer<typeof sealedKeySchema>;
export type KeySlot = z.infer<typeof slotSchema>;
export type VaultHeader = z.infer<typeof headerSchema>;

export function headerPath(vaultPath: string): string {
  return `${vaultPath}.keys`;
}

/** Where a re-key writes the database under its new key before it takes the vault's name. */
export function rekeyPath(vaultPath: string): string {
  return `${vaultPath}.rekey`;
}

/** Where a backup exports the database (under its own key) before it goes to the target; a crash may leave it, the next backup overwrites it. */
export function backupCopyPath(vaultPath: string): string {
  return `${vaultPath}.backup`;
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
