// Drafts: the app's incident form autosaved as it is typed, encrypted in the vault with
// everything else. A draft is work in progress, not a record: unvalidated JSON, one per user and
// form (`new:CASE` or `incident:ID`). Each save inserts a new row and, in the same transaction,
// removes that draft's older rows, so a failed save leaves the previous draft whole and the vault
// holds only the latest. What a draft said is never silently lost from custody: every save is a
// `draft_save` entry committing to the body's sha256, and discarding is a `delete` marked
// `change: 'discarded'`. Only the incident saved from the form becomes a record (with its versions).
import { canonicalJson } from '../../shared/custody/canonical-json';
import { CustodiaError } from '../../shared/errors/error-codes';
import { appendCustody } from '../custody/custody-log';
import { sha256Hex } from '../platform/sha256';
import type { Database } from '../vault/database';
import { assertAllowed } from '../accounts/roles';
import type { VaultSession } from '../accounts/vault-session';
import { requireLiveCase } from './cases';
import { currentVersion } from './incidents';

/** A form's worth of text with room to spare; a draft is never evidence. */
export const MAX_DRAFT_BYTES = 256 * 1024;
const KEY = /^(new|incident):([1-9]\d{0,15})$/;

export interface Draft {
  key: string;
  data: Record<string, unknown>;
  savedAt: string;
  sha256: string;
}

type DraftRow = { id: number; body: string; saved_at: string };

function parseKey(key: string): { kind: 'new' | 'incident'; id: number } {
  const m = KEY.exec(key);
  if (!m) throw new CustodiaError('E_INVALID_INPUT', `not a draft key: ${key.slice(0, 40)}`);
  return { kind: m[1] as 'new' | 'incident', id: Number(m[2]) };
}

async function latest(db: Database, user: string, key: string): Promise<DraftRow | undefined> {
  return db.get<DraftRow>('SELECT id, body, saved_at FROM drafts WHERE saved_by = ? AND draft_key = ? ORDER BY id DESC LIMIT 1', [user, key]);
}

/** The case a draft belongs to: the new incident's case, or the edited incident's. */
async function draftCase(db: Database, key: string): Promise<number> {
  const k = parseKey(key);
  if (k.kind === 'new') {
    await requireLiveCase(db, k.id);
    return k.id;
  }
  return (await currentVersion(db, k.id)).caseId;
}

export async function saveDraft(session: VaultSession, key: string, data: unknown): Promise<{ savedAt: string; sha256: string }> {
  parseKey(key);
  await assertAllowed(session, 'records.write', `draft:${key}`);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new CustodiaError('E_INVALID_INPUT', 'a draft is a JSON object');
  const body = canonicalJson(data);
  if (Buffer.byteLength(body, 'utf8') > MAX_DRAFT_BYTES) throw new CustodiaError('E_INVALID_INPUT', `a draft holds at most ${MAX_DRAFT_BYTES} bytes`);
  const sha256 = sha256Hex(body);
  const user = session.user.name;
  return session.db.transaction(async (tx) => {
    const caseId = await draftCase(tx, key);
    const previous = await latest(tx, user, key);
    // An autosave of unchanged text adds neither a row nor a custody entry.
    if (previous && sha256Hex(previous.body) === sha256) return { savedAt: previous.saved_at, sha256 };
    const savedAt = new Date().toISOString();
    const { lastID } = await tx.run('INSERT INTO drafts (case_id, draft_key, body, saved_at, saved_by) VALUES (?, ?, ?, ?, ?)', [caseId, key, body, savedAt, user]);
    await tx.run('DELETE FROM drafts WHERE saved_by = ? AND draft_key = ? AND id < ?', [user, key, lastID]);
    await appendCustody(tx, {
      actor: user, action: 'draft_save', subject: `draft:${key}`,
      details: { key, caseId, sha256, bytes: Buffer.byteLength(body, 'utf8') },
    });
    return { savedAt, sha256 };
  });
}

/** The acting user's draft for this form, or null. */
export async function getDraft(session: VaultSession, key: string): Promise<Draft | null> {
  parseKey(key);
  await assertAllowed(session, 'records.write', `draft:${key}`);
  const row = await latest(session.db, session.user.name, key);
  if (!row) return null;
  return { key, data: JSON.parse(row.body) as Record<string, unknown>, savedAt: row.saved_at, sha256: sha256Hex(row.body) };
}

/** The acting user's drafts, most recently saved first. */
export async function listDrafts(session: VaultSession): Promise<{ key: string; caseId: number | null; savedAt: string; bytes: number }[]> {
  await assertAllowed(session, 'records.write', 'draft');
  const rows = await session.db.all<{ draft_key: string; case_id: number | null; saved_at: string; bytes: number }>(`
    SELECT draft_key, case_id, saved_at, length(CAST(body AS BLOB)) AS bytes FROM drafts d
    WHERE saved_by = ? AND draft_key IS NOT NULL
      AND id = (SELECT max(id) FROM drafts e WHERE e.saved_by = d.saved_by AND e.draft_key = d.draft_key)
    ORDER BY id DESC`, [session.user.name]);
  return rows.map((r) => ({ key: r.draft_key, caseId: r.case_id, savedAt: r.saved_at, bytes: r.bytes }));
}

/** Removes the draft (after the form was saved, or abandoned). Returns false when there was none. */
export async function discardDraft(session: VaultSession, key: string): Promise<boolean> {
  parseKey(key);
  await assertAllowed(session, 'records.write', `draft:${key}`);
  const user = session.user.name;
  return session.db.transaction(async (tx) => {
    const row = await latest(tx, user, key);
    if (!row) return false;
    await tx.run('DELETE FROM drafts WHERE saved_by = ? AND draft_key = ?', [user, key]);
    await appendCustody(tx, {
      actor: user, action: 'delete', subject: `draft:${key}`,
      details: { key, sha256: sha256Hex(row.body), change: 'discarded' },
    });
    return true;
  });
}
