// The shape of a signed roster and of an excerpt, checked wherever one arrives from outside (a
// dossier, a log package). Apart from roster.ts so a schema-only reader skips the signature code.
import { z } from 'zod';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256');

export const rosterKeySchema = z.strictObject({
  publicKey: hex64,
  fingerprint: hex64,
  from: z.string(),
  fromSeq: z.number().int().positive(),
  until: z.string().optional(),
  untilSeq: z.number().int().positive().optional(),
});

export const rosterMemberSchema = z.strictObject({
  user: z.string(),
  role: z.string(),
  added: z.string(),
  addedSeq: z.number().int().positive(),
  removed: z.string().optional(),
  removedSeq: z.number().int().positive().optional(),
  keys: z.array(rosterKeySchema),
});

export const signedRosterSchema = z.strictObject({
  format: z.literal('custodia-roster/1'),
  origin: z.string(),
  treeSize: z.number().int().nonnegative(),
  time: z.string(),
  memberHashes: z.array(hex64),
  signer: hex64,
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});

export const rosterExcerptSchema = z.strictObject({ roster: signedRosterSchema, members: z.array(rosterMemberSchema) });
