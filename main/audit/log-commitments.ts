// What the custody log says the vault must hold, gathered in the one pass log-scan.ts makes over
// the entries: which records were created (and by whom), every incident version's hash, each
// deletion with its reason (or the reason's hash), each case's status history, each user's latest draft, the vault's
// own settings. The verify-* modules then compare the tables with this, in both directions.

/** A parsed JSON value as text, as SQLite's json_extract would give it (true is 1). A digest is
 * hex text; anything else here can only mismatch, as it did when SQL extracted it. */
export function sqlText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'string') return v;
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

export interface Commitment { seq: number; sha256: string }
export interface RecordCommitment extends Commitment { metadataSha256: string | null }
export interface Creation { seq: number; actor: string; caseId: string | null }
/** A deletion's reason: in the clear in entries before texts were committed by hash, else its hash. */
export interface Deletion { seq: number; actor: string; reason: string | null; reasonSha256: string | null; deletedAt: string | null }
export interface VersionCommitment { seq: number; sha256: string; actor: string }
export interface StatusChange { seq: number; status: string | null; actor: string }

/** The actions that bring a record into being; a second one for the same subject reuses an id. */
const CREATES: Record<string, true> = { vault_create: true, user_add: true, case_create: true, incident_create: true, seal: true, derive: true };
/** Fields committing to a text custody_texts holds (a deletion's reasonSha256 is checked against its tombstone). */
const TEXT_FIELDS = ['purposeSha256', 'recipientSha256'] as const;
/** Subjects whose deletion leaves a tombstone (a draft's leaves nothing). */
export const TOMBSTONED = /^(case|incident|evidence):/;

export class LogCommitments {
  /** Latest entry per subject that commits to a content hash (details.sha256). */
  readonly committed = new Map<string, Commitment>();
  /** Latest entry per subject that commits to a record's metadata apart from its bytes (details.recordSha256). */
  readonly committedRecords = new Map<string, RecordCommitment>();
  readonly created = new Map<string, Creation>();
  /** Subjects created twice, with the seq of the second creation. */
  readonly reused: { subject: string; seq: number }[] = [];
  /** `incidentId:version` → the entry that created that version. */
  readonly versions = new Map<string, VersionCommitment>();
  readonly deletions = new Map<string, Deletion>();
  /** Case id → its case_edit entries in log order. */
  readonly statusChanges = new Map<string, StatusChange[]>();
  /** `actor\0key` → the latest draft_save's hash, or null once discarded. */
  readonly drafts = new Map<string, Commitment | null>();
  /** Hashes of free text kept in custody_texts (a read's purpose, a dossier's recipient and purpose, an edit's reason) → the first entry committing to it. */
  readonly texts = new Map<string, number>();
  vault: { seq: number; vaultId: string | null; organisation: string | null } | undefined;

  note(seq: number, actor: string, action: string, subject: string, details: Record<string, unknown>): void {
    // Creating the vault also creates its first admin: that entry commits to the user's record.
    const user = sqlText(details.user);
    const target = action === 'vault_create' ? (user === null ? null : `user:${user}`) : subject;
    if (target === null) return;
    const sha256 = sqlText(details.sha256);
    const recordSha256 = sqlText(details.recordSha256);
    if (sha256 !== null) commit(this.committed, target, seq, sha256);
    if (recordSha256 !== null) this.committedRecords.set(target, { seq, sha256: recordSha256, metadataSha256: sqlText(details.metadataSha256) });
    if (CREATES[action]) this.create(seq, actor, target, details);
    for (const field of TEXT_FIELDS) this.noteText(seq, details[field]);
    // A deletion's reason is kept in its tombstone; an edit's in custody_texts.
    if (action !== 'delete') this.noteText(seq, details.reasonSha256);
    if (action === 'vault_create' && this.vault === undefined) {
      this.vault = { seq, vaultId: sqlText(details.vaultId), organisation: sqlText(details.organisation) };
    } else if (action === 'incident_create' || action === 'incident_edit') {
      const version = sqlText(details.version) ?? (action === 'incident_create' ? '1' : null);
      if (version !== null && sha256 !== null) this.versions.set(`${subject.slice(9)}:${version}`, { seq, sha256, actor });
    } else if (action === 'delete') {
      if (subject.startsWith('draft:')) this.drafts.set(`${actor}\0${subject.slice(6)}`, null);
      else this.deletions.set(subject, { seq, actor, reason: sqlText(details.reason), reasonSha256: sqlText(details.reasonSha256), deletedAt: sqlText(details.deletedAt) });
    } else if (action === 'case_edit') {
      const id = subject.slice(5);
      const changes = this.statusChanges.get(id) ?? [];
      changes.push({ seq, status: sqlText(details.status), actor });
      this.statusChanges.set(id, changes);
    } else if (action === 'draft_save' && sha256 !== null) {
      this.drafts.set(`${actor}\0${subject.slice(6)}`, { seq, sha256 });
    }
  }

  private noteText(seq: number, sha256: unknown): void {
    if (typeof sha256 === 'string' && !this.texts.has(sha256)) this.texts.set(sha256, seq);
  }

  private create(seq: number, actor: string, subject: string, details: Record<string, unknown>): void {
    if (this.created.has(subject)) this.reused.push({ subject, seq });
    else this.created.set(subject, { seq, actor, caseId: sqlText(details.caseId) });
  }
}

/** The later entry wins; updating in place spares an object per entry at a million entries. */
function commit(map: Map<string, Commitment>, subject: string, seq: number, sha256: string): void {
  const c = map.get(subject);
  if (c) {
    c.seq = seq;
    c.sha256 = sha256;
  } else {
    map.set(subject, { seq, sha256 });
  }
}
