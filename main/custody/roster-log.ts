// The roster in the vault: derived from the custody log, signed by an admin and recorded as a
// `roster` entry (hash-chained and under every later checkpoint like any other), so each signed
// roster is itself part of the history an auditor checks. Dossiers carry an excerpt of the
// latest one that covers their signer (shared/custody/roster.ts has the format and the checks).
import type { Database } from '../vault/database';
import { toHex } from '../../shared/custody/bytes';
import { ROSTER_FORMAT, RosterDeriver, excerptFor, memberHash, signRosterBody, type KeyPeriod, type RosterExcerpt, type RosterMember, type SignedRoster } from '../../shared/custody/roster';
import { CustodiaError } from '../../shared/errors/error-codes';
import { nodeSha256 } from '../platform/sha256';
import { appendCustody, treeSize } from './custody-log';
import { loadSigningKey } from './signing-keys';
import { parseStoredEntry } from './stored-entry';

/** The entries the roster is derived from: few, so read by index ranges even in a log of millions. */
const ROSTER_SOURCES = `SELECT entry FROM custody_log
  WHERE (subject >= 'user:' AND subject < 'user;' AND action IN ('user_add', 'user_remove', 'key_change'))
     OR (subject = 'vault' AND action = 'vault_create')
  ORDER BY seq`;

export async function deriveRoster(db: Database): Promise<RosterMember[]> {
  const deriver = new RosterDeriver();
  for (const { entry } of await db.all<{ entry: string }>(ROSTER_SOURCES)) deriver.note(parseStoredEntry(entry));
  return deriver.members();
}

/** Each announced signing key with the part of the log during which it was its holder's. */
export async function signingKeyPeriods(db: Database): Promise<Map<string, KeyPeriod>> {
  const periods = new Map<string, KeyPeriod>();
  for (const m of await deriveRoster(db)) {
    for (const k of m.keys) periods.set(k.publicKey, { user: m.user, fromSeq: k.fromSeq, ...(k.untilSeq === undefined ? {} : { untilSeq: k.untilSeq }) });
  }
  return periods;
}

interface RosterRecord {
  roster: SignedRoster;
  members: RosterMember[];
}

async function rosterRecords(db: Database): Promise<RosterRecord[]> {
  const rows = await db.all<{ entry: string }>("SELECT entry FROM custody_log WHERE subject = 'roster' AND action = 'roster' ORDER BY seq DESC");
  return rows.map((r) => parseStoredEntry(r.entry).details as unknown as RosterRecord);
}

/**
 * Signs the roster as the log stands with the admin's key and records it. Only an admin signs
 * for the organisation's roster: the caller passes the acting user's role, checked here.
 */
export async function signRoster(db: Database, origin: string, signer: { name: string; role: string }): Promise<SignedRoster> {
  if (signer.role !== 'admin') throw new CustodiaError('E_FORBIDDEN', `${signer.name} (${signer.role}) may not sign the roster: only an admin may`);
  return db.transaction(async (tx) => {
    const key = await loadSigningKey(tx, signer.name);
    const members = await deriveRoster(tx);
    const roster = signRosterBody({
      format: ROSTER_FORMAT, origin, treeSize: await treeSize(tx), time: new Date().toISOString(),
      memberHashes: members.map((m) => memberHash(m, nodeSha256)), signer: toHex(key.publicKey),
    }, key.secretKey);
    await appendCustody(tx, { actor: signer.name, action: 'roster', subject: 'roster', details: { roster, members } });
    return roster;
  });
}

/** True when the latest signed roster still says what the log says (no user or key changed since). */
export async function rosterIsCurrent(db: Database): Promise<boolean> {
  const [latest] = await rosterRecords(db);
  if (!latest) return false;
  const now = (await deriveRoster(db)).map((m) => memberHash(m, nodeSha256));
  return now.length === latest.roster.memberHashes.length && now.every((h, i) => h === latest.roster.memberHashes[i]);
}

/** The excerpt of the latest signed roster that lists publicKey, or undefined when none does. */
export async function rosterExcerptFor(db: Database, publicKey: string): Promise<RosterExcerpt | undefined> {
  for (const r of await rosterRecords(db)) {
    if (r.members.some((m) => m.keys.some((k) => k.publicKey === publicKey))) return excerptFor(r.roster, r.members, [publicKey]);
  }
  return undefined;
}

/** The latest signed roster with every member, as a log package carries it; undefined before the first. */
export async function latestRoster(db: Database): Promise<RosterRecord | undefined> {
  const [latest] = await rosterRecords(db);
  return latest;
}
