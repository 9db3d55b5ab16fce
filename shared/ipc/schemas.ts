// Shapes that travel between renderer and main. Records reuse the interchange schemas so a form,
// the CLI and IPC agree on what an incident is.
import { z } from 'zod';
import { INCIDENT_TYPES, RISK_LEVELS } from '../incident/incident-schema';
import { custodyEntrySchema } from '../custody/custody-entry-schema';
import { ACQUISITION_METHODS } from '../vocabulary/acquisition';
import { CASE_STATUSES } from '../vocabulary/case-status';
import { ROLES } from '../vocabulary/roles';

export { ACQUISITION_METHODS, ROLES };
import { RECIPIENT_KINDS } from '../dossier/dossier-types';
import { DISCLOSURE_KINDS, FINDING_ID, FINDING_SEVERITIES } from '../vocabulary/disclosure-kinds';
import { VERIFY_ITEM_KINDS } from '../dossier/verify-item-kind';
import { LANGUAGES } from '../vocabulary/languages';
import { ERASE_SHORTCUTS } from '../vocabulary/erase-shortcuts';
import { COORDINATE_POLICIES, REDACTABLE, STAFF_NAMING } from '../vocabulary/export-protection';

export const RECIPIENTS = RECIPIENT_KINDS;


export const id = z.number().int().positive();
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const instantString = z.string().max(40);
const name = z.string().trim().min(1).max(100);
// Passphrases are never trimmed: every character counts.
const passphrase = z.string().min(1).max(1024);
/** An opaque handle main gives for a file it chose through its own dialog; never a path. */
export const fileToken = z.string().regex(/^[0-9a-f]{32}$/);

export const emptyRequest = z.strictObject({});
export const okResponse = z.strictObject({ ok: z.literal(true) });

export const settingsSchema = z.strictObject({
  language: z.enum(LANGUAGES),
  autoLockMinutes: z.number().int().min(1).max(240),
  /** The Backup screen reminds once the last backup is older than this. */
  backupReminderDays: z.number().int().min(1).max(365),
  /** Opt-in: erase this laptop's copy of a vault after this many failed unlocks in a row; null: never. */
  eraseAfterFailedUnlocks: z.number().int().min(3).max(50).nullable(),
  /** Opt-in: the key combination that erases the open vault at once, without asking; null: none. */
  eraseShortcut: z.enum(ERASE_SHORTCUTS).nullable(),
});
export const user = z.strictObject({ name, role: z.enum(ROLES) });

/** A row of the Users screen: the fingerprint of the user's signing key is what gets published. */
export const userListing = z.strictObject({ name, role: z.enum(ROLES), activated: z.boolean(), fingerprint: z.string().regex(/^[0-9a-f]{64}$/).nullable() });

export const vaultStatus = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('locked') }),
  z.strictObject({ state: z.literal('unlocked'), vaultId: z.string().max(200), label: z.string().max(200), user }),
]);
export const knownVault = z.strictObject({ id: z.string().max(64), label: z.string().max(200) });

export const newVaultRequest = z.strictObject({ label: name, user: name, passphrase: passphrase.min(12) });
export const unlockRequest = z.strictObject({ vaultId: z.string().max(64), user: name, passphrase });
/** A vault made again from a backup folder: the name to remember it by and any user of the backed-up vault. */
export const restoreRequest = z.strictObject({ label: name, user: name, passphrase });

/** First unlock of a user an admin added: the one-time passphrase and the user's own. */
export const activateRequest = z.strictObject({ vaultId: z.string().max(64), user: name, oneTimePassphrase: passphrase, newPassphrase: z.string().min(12).max(1024) });

export const caseSummary = z.strictObject({
  id,
  title: z.string().max(500),
  status: z.enum(CASE_STATUSES),
  incidentCount: z.number().int().nonnegative(),
  createdAt: instantString,
});

/** Whole days (UTC), as the incident filters take them. */
export const statsPeriod = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });
export const incidentFilter = z.strictObject({
  caseId: id.optional(),
  query: z.string().max(500).optional(),
  risk: z.array(z.enum(RISK_LEVELS)).max(3).optional(),
  type: z.array(z.enum(INCIDENT_TYPES)).max(INCIDENT_TYPES.length).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  notReportedOnly: z.boolean().optional(),
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export const incidentSummary = z.strictObject({
  id,
  caseId: id,
  version: z.number().int().positive(),
  occurredAt: instantString,
  place: z.string().max(1000),
  riskLevel: z.enum(RISK_LEVELS),
  type: z.enum(INCIDENT_TYPES),
  /** Whether any authority was told; null while the core's summary does not say. */
  reported: z.boolean().nullable(),
  evidenceCount: z.number().int().nonnegative(),
});

/** An upload in progress, named by main (random, single session). */
export const uploadId = z.string().regex(/^[0-9a-f]{32}$/);

export const acquisition = z.strictObject({
  method: z.enum(ACQUISITION_METHODS),
  from: z.string().max(1000).nullable().optional(),
  platform: z.string().max(200).nullable().optional(),
  capturedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export const evidenceSummary = z.strictObject({
  id,
  incidentId: id,
  name: z.string().max(500),
  mediaType: z.string().max(200),
  bytes: z.number().int().nonnegative(),
  sha256: sha256Hex,
  importedAt: instantString,
  importedBy: z.string().max(100),
  /** The original an exhibit was made from; null for originals. */
  derivedFrom: id.nullable(),
});
export const metadataTag = z.strictObject({
  group: z.string().max(100),
  tag: z.string().max(200),
  value: z.string().max(2000),
  /** Names a person, a device or a place: shown highlighted. */
  identifying: z.boolean(),
});
export const exhibitSummary = z.strictObject({
  id,
  sha256: sha256Hex,
  bytes: z.number().int().nonnegative(),
  removed: z.array(z.string().max(200)).max(1000),
  pixelsIdentical: z.boolean().nullable(),
});
/** Bytes for display only, base64 so every transport (IPC, test binding) carries them alike. */
export const displayBytes = z.strictObject({ mediaType: z.string().max(200), base64: z.string() });

/** The renderer is shown entries, not their chaining (the audit runs in main). */
export const custodyEntry = custodyEntrySchema.omit({ prev: true });

export const dossierRequest = z.strictObject({
  incidentIds: z.array(id).min(1).max(1000),
  /** Evidence items whose exhibits go in; every live item of the incidents when empty. */
  exhibitIds: z.array(id).max(10_000),
  recipient: z.enum(RECIPIENTS),
  recipientNote: z.string().max(500).optional(),
  purpose: z.string().max(2000),
  language: z.enum(LANGUAGES),
  pseudonyms: z.boolean(),
  originals: z.boolean(),
  // What to take out or keep beyond names (shared/dossier/export-protection.ts); each left out takes the recipient's default.
  redact: z.array(z.enum(REDACTABLE)).max(REDACTABLE.length).optional(),
  coordinates: z.enum(COORDINATE_POLICIES).optional(),
  staffNames: z.enum(STAFF_NAMING).optional(),
  originalNames: z.boolean().optional(),
  keepOffFileAsPseudonym: z.boolean().optional(),
});
/** An export names the high findings the user accepted, by id; any other high finding stops it. */
export const dossierExportRequest = dossierRequest.extend({ accept: z.array(z.string().regex(FINDING_ID)).max(1000) });
export const disclosureFinding = z.strictObject({
  id: z.string().regex(FINDING_ID),
  severity: z.enum(FINDING_SEVERITIES),
  code: z.enum(DISCLOSURE_KINDS),
  subject: z.string().max(200),
  message: z.string().max(2000),
});
export const verifyItem = z.strictObject({
  check: z.enum(VERIFY_ITEM_KINDS),
  subject: z.string().max(500),
  ok: z.boolean(),
  code: z.string().max(100).optional(),
  message: z.string().max(2000).optional(),
});
