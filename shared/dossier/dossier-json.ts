// data/dossier.json: the machine-readable heart of a dossier. Its schema is a format that
// verifiers years from now will read, so fields are only ever added.
import { z } from 'zod';
import { custodyEntrySchema } from '../custody/custody-entry-schema';
import { rosterExcerptSchema } from '../custody/roster-schema';
import { incidentSchema } from '../incident/incident-schema';
import { RECIPIENT_KINDS } from './dossier-types';
import { LANGUAGES } from '../vocabulary/languages';
import { COORDINATE_POLICIES, REDACTABLE, STAFF_NAMING } from '../vocabulary/export-protection';

export const DOSSIER_FORMAT = 'custodia-dossier/1';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'lowercase hex SHA-256');
const bagPath = z.string().regex(/^data\/(exhibits|originals)\/[^/\\]+$/, 'a file under data/exhibits or data/originals');

const exhibit = z.strictObject({
  id: z.string().min(1),
  file: bagPath,
  mediaType: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: hex64,
  originalSha256: hex64,
  originalId: z.string().optional(),
  originalFile: bagPath.optional(),
  incidentId: z.string().optional(),
  removedMetadata: z.array(z.string()),
  /** The original's file name, scrubbed, only when the export asked for original names. */
  originalName: z.string().optional(),
  /** False when the item could not be cleaned: `file` is then the sealed original, with its metadata. */
  cleaned: z.boolean().optional(),
  pixelsIdentical: z.boolean().optional(),
  originalPixelSha256: hex64.optional(),
  exhibitPixelSha256: hex64.optional(),
});

const proof = z.strictObject({
  leafIndex: z.number().int().nonnegative(),
  treeSize: z.number().int().positive(),
  leafHash: hex64,
  proof: z.array(hex64),
  rootHash: hex64,
});

const checkpoint = z.strictObject({
  origin: z.string(),
  treeSize: z.number().int().nonnegative(),
  rootHash: hex64,
  time: z.string(),
  signer: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});

export const dossierJsonSchema = z.strictObject({
  format: z.literal(DOSSIER_FORMAT),
  id: z.string().min(1),
  createdAt: z.string(),
  organisation: z.string(),
  recipient: z.strictObject({ kind: z.enum(RECIPIENT_KINDS), name: z.string().optional() }),
  purpose: z.string(),
  language: z.enum(LANGUAGES),
  namesShown: z.boolean(),
  incidents: z.array(z.strictObject({ id: z.string(), incident: incidentSchema })),
  exhibits: z.array(exhibit),
  custody: z.array(z.strictObject({ entry: custodyEntrySchema, proof })),
  checkpoint,
  signer: z.strictObject({ publicKey: hex64, fingerprint: hex64 }),
  /** The admin-signed roster excerpt showing the signer's role and key when signing (T6); absent in older dossiers. */
  roster: rosterExcerptSchema.optional(),
  /** What the export took out of every text or kept (export-protection.ts); absent in older dossiers. */
  protection: z.strictObject({
    redact: z.array(z.enum(REDACTABLE)),
    coordinates: z.enum(COORDINATE_POLICIES),
    staffNames: z.enum(STAFF_NAMING),
    originalNames: z.boolean(),
    keepOffFileAsPseudonym: z.boolean(),
  }).optional(),
});

export type DossierJson = z.infer<typeof dossierJsonSchema>;
export type DossierExhibitJson = DossierJson['exhibits'][number];
