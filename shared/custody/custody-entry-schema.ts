// The shape of a custody entry as stored and as carried in a dossier, checked at every boundary
// it crosses (the vault's rows, IPC, dossier.json). Kept apart from custody-entry.ts so the
// renderer's bundle gets the schema without the hashing and Merkle code.
import { z } from 'zod';
import { CUSTODY_ACTIONS } from '../vocabulary/custody-actions';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256');

export const custodyEntrySchema = z.strictObject({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(CUSTODY_ACTIONS),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  prev: hex64,
});
