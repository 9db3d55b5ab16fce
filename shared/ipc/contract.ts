// The one IPC contract: every channel the renderer may call, with the schema its request must
// pass before a handler runs and the schema its answer must pass before it leaves main.
import { z } from 'zod';
import { AUTHORITIES, incidentSchema } from '../incident/incident-schema';
import { CSV_FIGURES } from '../vocabulary/stats-figures';
import * as s from './schemas';
import { CASE_STATUSES } from '../vocabulary/case-status';

/** 1 MiB of bytes per upload chunk, as base64. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
const UPLOAD_CHUNK_BASE64_MAX = 4 * Math.ceil(UPLOAD_CHUNK_BYTES / 3);

const ch = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

export const CONTRACT = {
  'app.info': ch(s.emptyRequest, z.strictObject({ version: z.string(), platform: z.string() })),
  'settings.get': ch(s.emptyRequest, s.settingsSchema),
  'settings.set': ch(s.settingsSchema.partial().strict(), s.settingsSchema),

  'vault.known': ch(s.emptyRequest, z.array(s.knownVault)),
  'vault.pickExisting': ch(s.emptyRequest, nullable(s.knownVault)),
  'vault.create': ch(s.newVaultRequest, nullable(s.vaultStatus)),
  /** Restore from a backup folder, then unlock (main/backup/restore-vault.ts); null: a dialog was cancelled. Progress as `backup` events. */
  'vault.restore': ch(s.restoreRequest, nullable(s.vaultStatus)),
  'vault.unlock': ch(s.unlockRequest, s.vaultStatus),
  'session.activate': ch(s.activateRequest, s.vaultStatus),
  'vault.lock': ch(s.emptyRequest, s.vaultStatus),
  /** Erases this laptop's copy; `label` is the vault's name, typed by the user to confirm. */
  'vault.erase': ch(z.strictObject({ label: z.string().min(1).max(200) }), z.strictObject({ unreadableAfterMs: z.number(), removedAfterMs: z.number() })),
  'vault.status': ch(s.emptyRequest, s.vaultStatus),
  'vault.verify': ch(
    s.emptyRequest,
    z.strictObject({
      ok: z.boolean(),
      entries: z.number().int().nonnegative(),
      problems: z.array(z.strictObject({ code: z.string(), message: z.string(), seq: z.number().int().optional() })),
    }),
  ),

  'cases.list': ch(s.emptyRequest, z.array(s.caseSummary)),
  'cases.add': ch(z.strictObject({ title: z.string().trim().min(1).max(500) }), z.strictObject({ id: s.id })),
  'cases.setStatus': ch(z.strictObject({ id: s.id, status: z.enum(CASE_STATUSES) }), s.okResponse),

  'incidents.list': ch(s.incidentFilter, z.strictObject({ total: z.number().int(), items: z.array(s.incidentSummary) })),
  'incidents.get': ch(
    z.strictObject({ id: s.id, version: z.number().int().positive().optional() }),
    z.strictObject({ id: s.id, caseId: s.id, version: z.number().int(), incident: incidentSchema }),
  ),
  'incidents.add': ch(z.strictObject({ caseId: s.id, incident: incidentSchema }), z.strictObject({ id: s.id, version: z.number().int() })),
  'incidents.edit': ch(
    z.strictObject({ id: s.id, baseVersion: z.number().int().positive(), incident: incidentSchema, reason: z.string().min(1).max(5000).optional() }),
    z.strictObject({ id: s.id, version: z.number().int() }),
  ),
  'incidents.versions': ch(
    z.strictObject({ id: s.id }),
    z.array(z.strictObject({ version: z.number().int(), at: z.string(), by: z.string(), changed: z.array(z.string()) })),
  ),
  // A draft is whatever the form holds, half-filled and not yet valid; kept encrypted in the vault.
  'drafts.save': ch(
    z.strictObject({ key: z.string().regex(/^(new|incident):\d+$/), data: z.record(z.string(), z.unknown()) }),
    z.strictObject({ savedAt: z.string() }),
  ),
  'drafts.get': ch(
    z.strictObject({ key: z.string().regex(/^(new|incident):\d+$/) }),
    nullable(z.strictObject({ data: z.record(z.string(), z.unknown()), savedAt: z.string() })),
  ),
  'drafts.discard': ch(z.strictObject({ key: z.string().regex(/^(new|incident):\d+$/) }), s.okResponse),

  'evidence.pick': ch(
    s.emptyRequest,
    z.array(z.strictObject({ token: s.fileToken, name: z.string(), bytes: z.number().int().nonnegative() })),
  ),
  'evidence.import': ch(
    z.strictObject({ incidentId: s.id, tokens: z.array(s.fileToken).min(1).max(1000), acquisition: s.acquisition }),
    z.array(s.evidenceSummary),
  ),
  // Dropped files arrive as their bytes, never as paths: the page can only hand over what it holds.
  'evidence.uploadBegin': ch(
    z.strictObject({ incidentId: s.id, name: z.string().min(1).max(1000), bytes: z.number().int().nonnegative().max(2 ** 40), acquisition: s.acquisition }),
    z.strictObject({ uploadId: s.uploadId }),
  ),
  'evidence.uploadChunk': ch(
    z.strictObject({ uploadId: s.uploadId, data: z.base64().max(UPLOAD_CHUNK_BASE64_MAX) }),
    z.strictObject({ received: z.number().int().nonnegative() }),
  ),
  'evidence.uploadEnd': ch(z.strictObject({ uploadId: s.uploadId }), s.evidenceSummary),
  'evidence.uploadAbort': ch(z.strictObject({ uploadId: s.uploadId }), s.okResponse),
  'evidence.list': ch(z.strictObject({ incidentId: s.id }), z.array(s.evidenceSummary)),
  'evidence.get': ch(
    z.strictObject({ id: s.id }),
    s.evidenceSummary.extend({
      acquisition: s.acquisition.nullable(),
      /** From the report sealed at import: read, unreadable when sealed (the file is kept), or none kept. */
      metadataStatus: z.enum(['extracted', 'failed', 'none']),
      metadata: z.array(s.metadataTag),
      /** The position the sealed metadata holds, offered to the incident form only when asked. */
      gps: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).nullable(),
      /** The stored exhibits, oldest first. */
      exhibits: z.array(s.exhibitSummary),
      /** What an exhibit made now would drop, from the sealed report; null when there is no report. */
      preview: z.strictObject({ removed: z.array(z.string().max(200)).max(1000), pixelsIdentical: z.boolean() }).nullable(),
    }),
  ),
  'evidence.thumbnail': ch(z.strictObject({ id: s.id }), nullable(s.displayBytes)),
  'evidence.view': ch(z.strictObject({ id: s.id, which: z.enum(['original', 'exhibit']) }), s.displayBytes),
  'evidence.makeExhibit': ch(z.strictObject({ id: s.id }), s.exhibitSummary),

  'custody.timeline': ch(
    z.strictObject({
      /** One subject; `incident:N` adds its evidence, `case:N` its incidents and their evidence. */
      subject: z.string().regex(/^(case|incident|evidence|user):[\w.-]+$/).optional(),
      actor: z.string().max(100).optional(),
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    z.strictObject({ total: z.number().int(), entries: z.array(s.custodyEntry) }),
  ),
  /** A checkpoint signed now, saved where the user picks (null: the dialog was cancelled). */
  'custody.saveCheckpoint': ch(
    s.emptyRequest,
    nullable(z.strictObject({ location: z.string(), treeSize: z.number().int(), rootHash: s.sha256Hex })),
  ),

  /** When this vault was last backed up (from its custody log), or null if never. */
  'backup.status': ch(s.emptyRequest, z.strictObject({ lastAt: z.string().nullable(), sequence: z.number().int().nullable() })),
  /** A backup to a folder the user picks in main's dialog (main/backup/); null: cancelled. Progress as `backup` events. */
  'backup.toFolder': ch(
    s.emptyRequest,
    nullable(z.strictObject({ sequence: z.number().int(), objectsWritten: z.number().int(), bytesWritten: z.number().int() })),
  ),

  /** The custody log as a package for an auditor (audit/log-package.ts), saved where the user picks; null: cancelled. */
  'custody.exportPackage': ch(
    s.emptyRequest,
    nullable(z.strictObject({ location: z.string(), entries: z.number().int(), checkpoints: z.number().int(), rootHash: s.sha256Hex })),
  ),
  /** Needs no vault: an auditor picks a package, or the earlier package or checkpoint it must extend. */
  'custody.pickPackage': ch(s.emptyRequest, nullable(z.strictObject({ token: s.fileToken, name: z.string() }))),
  /** Needs no vault: chain, tree, checkpoints and rosters of a package, and that it extends the earlier tree if one is given. */
  'custody.verifyPackage': ch(
    z.strictObject({ token: s.fileToken, earlierToken: s.fileToken.optional() }),
    z.strictObject({
      ok: z.boolean(),
      entries: z.number().int(),
      checkpoints: z.number().int(),
      signedUpTo: z.number().int(),
      rosters: z.number().int(),
      rootHash: z.string().max(64),
      problems: z.array(z.strictObject({ code: z.string().max(64), message: z.string().max(2000), seq: z.number().int().optional() })).max(1000),
    }),
  ),

  'dossier.disclosure': ch(s.dossierRequest, z.strictObject({ ok: z.boolean(), findings: z.array(s.disclosureFinding) })),
  'dossier.export': ch(
    s.dossierExportRequest,
    nullable(z.strictObject({ location: z.string(), sha256: s.sha256Hex, bytes: z.number().int(), fingerprint: s.sha256Hex })),
  ),
  'dossier.pick': ch(s.emptyRequest, nullable(z.strictObject({ token: s.fileToken, name: z.string() }))),
  /**
   * ok: intact. signerChecked: signed by the fingerprint given (never true without one). failure:
   * the verdict's code. recheckToken: the same file again, while only the signer is in question.
   */
  'dossier.verify': ch(
    z.strictObject({ token: s.fileToken, fingerprint: s.sha256Hex.optional() }),
    z.strictObject({
      ok: z.boolean(),
      signerChecked: z.boolean(),
      signerFingerprint: s.sha256Hex.nullable(),
      failure: nullable(z.strictObject({ code: z.string(), message: z.string() })),
      recheckToken: nullable(s.fileToken),
      items: z.array(s.verifyItem),
    }),
  ),

  'dashboard.stats': ch(
    s.statsPeriod,
    z.strictObject({
      byMonth: z.array(z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), low: z.number(), medium: z.number(), high: z.number() })),
      byType: z.array(z.strictObject({ type: z.string(), count: z.number() })),
      openCases: z.number().int(),
      /** null while the core's summary does not say whether an incident was reported. */
      notReported: z.number().int().nullable(),
      total: z.number().int(),
      byRegion: z.array(z.strictObject({ country: z.string().nullable(), region: z.string().nullable(), count: z.number().int() })),
      withEvidence: z.number().int(),
      reported: z.number().int(),
      byAuthority: z.array(z.strictObject({ authority: z.enum(AUTHORITIES), count: z.number().int() })),
      medianDaysToComplaint: z.number().nullable(),
      datedComplaints: z.number().int(),
      measuresRequested: z.number().int(),
      measuresGranted: z.number().int(),
    }),
  ),
  /** One figure as CSV, to a file the user picks; null when they cancel. */
  'dashboard.saveCsv': ch(
    s.statsPeriod.extend({ figure: z.enum(CSV_FIGURES) }),
    nullable(z.strictObject({ location: z.string() })),
  ),

  'users.list': ch(s.emptyRequest, z.array(s.userListing)),
  /** The one-time passphrase is returned once, for the admin to hand over; it is stored nowhere. */
  'users.add': ch(z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(s.ROLES) }), z.strictObject({ oneTimePassphrase: z.string().max(100).nullable() })),
  'users.changePassphrase': ch(z.strictObject({ current: z.string().min(1).max(1024), next: z.string().min(12).max(1024) }), s.okResponse),
} as const;

export type Channel = keyof typeof CONTRACT;
export type Request<C extends Channel> = z.input<(typeof CONTRACT)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof CONTRACT)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof CONTRACT)[C]['response']>;

/** Every failure crosses the boundary as this, with the message already in the user's language. */
export const ipcError = z.strictObject({ code: z.string(), message: z.string() });
export type IpcError = z.infer<typeof ipcError>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT, name);
}
