// The vault's roster (THREATS T6): who held which role and which signing key, over which
// period, derived from the custody log alone (vault_create, user_add, user_remove and key_change
// entries with a publicKey) and signed by an admin. The organisation then publishes one
// fingerprint, its admin's: a dossier carries the roster excerpt that covers its signer, and a
// verifier checks the admin's signature over it, not one key per lawyer. Pure, so the app can run
// it; main/custody/roster-log.ts signs it and records it in the log.
import { ed25519 } from '@noble/curves/ed25519.js';
import { parseLowerHex, toHex, utf8 } from './bytes';
import { canonicalJson } from './canonical-json';
import { keyFingerprint } from './checkpoint';
import type { CustodyEntry } from './custody-entry';
import { sha256, type HashFn } from './sha256';

export const ROSTER_FORMAT = 'custodia-roster/1';

/** One signing key of a member and the part of the log during which it was theirs. */
export interface RosterKey {
  /** Lowercase hex of the 32-byte Ed25519 public key. */
  publicKey: string;
  fingerprint: string;
  /** When (entry time) and where (entry seq) the log announced it. */
  from: string;
  fromSeq: number;
  /** When it stopped being theirs (a new key, or removal); absent while it still is. */
  until?: string;
  untilSeq?: number;
}

export interface RosterMember {
  user: string;
  role: string;
  added: string;
  addedSeq: number;
  removed?: string;
  removedSeq?: number;
  keys: RosterKey[];
}

/** What an admin signs: the members by hash, so an excerpt can show one member and still be checked. */
export interface RosterBody {
  format: typeof ROSTER_FORMAT;
  /** The log it was derived from (as a checkpoint's origin). */
  origin: string;
  /** Derived from the log's first treeSize entries. */
  treeSize: number;
  time: string;
  /** Lowercase hex SHA-256 of each member's canonical JSON, in the log's order of users. */
  memberHashes: string[];
  /** Lowercase hex of the signing admin's public key. */
  signer: string;
}

export interface SignedRoster extends RosterBody {
  signature: string;
}

/** The signed roster with the full records of only some members (a dossier's signer and the roster's). */
export interface RosterExcerpt {
  roster: SignedRoster;
  members: RosterMember[];
}

/** The roles whose members may sign a dossier for the organisation. */
export const SIGNING_ROLES: readonly string[] = ['legal', 'admin'];

const at = (iso: string): number => Date.parse(iso);

/** Builds the roster entry by entry, in log order; members() is the roster after the entries seen. */
export class RosterDeriver {
  private readonly byUser = new Map<string, RosterMember>();

  note(e: Pick<CustodyEntry, 'seq' | 'at' | 'action' | 'subject' | 'details'>): void {
    const d = e.details;
    if (e.action === 'vault_create' && typeof d.user === 'string') this.add(d.user, 'admin', e);
    else if (e.action === 'user_add' && typeof d.user === 'string' && typeof d.role === 'string') this.add(d.user, d.role, e);
    else if (e.action === 'user_remove' && e.subject.startsWith('user:')) {
      const m = this.byUser.get(e.subject.slice(5));
      if (!m || m.removed !== undefined) return;
      m.removed = e.at;
      m.removedSeq = e.seq;
      closeKey(m, e);
    } else if (e.action === 'key_change' && e.subject.startsWith('user:') && typeof d.publicKey === 'string') {
      const m = this.byUser.get(e.subject.slice(5));
      const raw = parseLowerHex(d.publicKey, 32);
      if (!m || !raw) return;
      closeKey(m, e);
      m.keys.push({ publicKey: d.publicKey, fingerprint: keyFingerprint(raw), from: e.at, fromSeq: e.seq });
    }
  }

  members(): RosterMember[] {
    return [...this.byUser.values()].map((m) => ({ ...m, keys: m.keys.map((k) => ({ ...k })) }));
  }

  private add(user: string, role: string, e: { seq: number; at: string }): void {
    if (!this.byUser.has(user)) this.byUser.set(user, { user, role, added: e.at, addedSeq: e.seq, keys: [] });
  }
}

function closeKey(m: RosterMember, e: { seq: number; at: string }): void {
  const open = m.keys.find((k) => k.until === undefined);
  if (!open) return;
  open.until = e.at;
  open.untilSeq = e.seq;
}

export function memberHash(m: RosterMember, hash: HashFn = sha256): string {
  return toHex(hash(utf8(canonicalJson(m))));
}

/** UTF-8 canonical JSON of exactly the body's fields: the signed bytes (its `format` sets it apart from a checkpoint's). */
export function rosterBodyBytes(r: RosterBody): Uint8Array {
  const { format, origin, treeSize, time, memberHashes, signer } = r;
  return utf8(canonicalJson({ format, origin, treeSize, time, memberHashes, signer }));
}

export function signRosterBody(body: RosterBody, secretKey: Uint8Array): SignedRoster {
  return { ...body, signature: toHex(ed25519.sign(rosterBodyBytes(body), secretKey)) };
}

/** True only for a well-formed roster whose signature verifies under its own signer key (strict RFC 8032). */
export function verifyRosterSignature(r: SignedRoster): boolean {
  try {
    const key = parseLowerHex(r.signer, 32);
    const signature = parseLowerHex(r.signature, 64);
    if (!key || !signature || r.format !== ROSTER_FORMAT) return false;
    return ed25519.verify(signature, rosterBodyBytes(r), key, { zip215: false });
  } catch {
    return false;
  }
}

/** The member who held publicKey at time, if any (the key announced at or before it and not yet replaced or removed). */
export function holderAt(members: readonly RosterMember[], publicKey: string, time: string): RosterMember | undefined {
  const t = at(time);
  if (Number.isNaN(t)) return undefined;
  return members.find((m) => m.keys.some((k) => k.publicKey === publicKey && at(k.from) <= t && (k.until === undefined || t < at(k.until))));
}

/** The part of the log during which a signing key was its holder's: from its announcement up to (not including) the entry that replaced or removed it. */
export interface KeyPeriod {
  user: string;
  fromSeq: number;
  untilSeq?: number;
}

/** Whether a tree of treeSize entries was signed while the key was its holder's: a removed user who kept their old key must not sign a later tree (T3). */
export function heldAt(period: KeyPeriod | undefined, treeSize: number): boolean {
  return period !== undefined && period.fromSeq <= treeSize && (period.untilSeq === undefined || treeSize < period.untilSeq);
}

export type ExcerptVerdict =
  | { ok: true; member: RosterMember }
  | { ok: false; code: 'E_ROSTER_INVALID' | 'E_SIGNER_NOT_IN_ROSTER'; problem: string };

/**
 * Does this excerpt, signed by an admin it itself lists, show that publicKey belonged to a member
 * holding one of `roles` at `time`? Member records the admin did not sign (their hash is not in the
 * signed list) count for nothing, so an excerpt cannot be padded with a forged member.
 */
export function checkRosterExcerpt(ex: RosterExcerpt, publicKey: string, time: string, roles: readonly string[] = SIGNING_ROLES): ExcerptVerdict {
  const r = ex.roster;
  if (!verifyRosterSignature(r)) return { ok: false, code: 'E_ROSTER_INVALID', problem: 'the roster signature does not verify' };
  const signed = new Set(r.memberHashes);
  const members = ex.members.filter((m) => signed.has(memberHash(m)));
  const signer = holderAt(members, r.signer, r.time);
  if (!signer || signer.role !== 'admin') {
    return { ok: false, code: 'E_ROSTER_INVALID', problem: `the roster is signed by key ${r.signer.slice(0, 16)}…, which it does not show as an admin's when it was signed` };
  }
  const holder = holderAt(members, publicKey, time);
  if (!holder) {
    const forged = ex.members.length - members.length;
    return {
      ok: false, code: 'E_SIGNER_NOT_IN_ROSTER',
      problem: `the roster signed by ${keyFingerprint(parseLowerHex(r.signer, 32)!)} does not list key ${publicKey.slice(0, 16)}… at ${time}${forged ? ` (${forged} member record(s) it never signed)` : ''}`,
    };
  }
  if (!roles.includes(holder.role)) {
    return { ok: false, code: 'E_SIGNER_NOT_IN_ROSTER', problem: `the roster lists key ${publicKey.slice(0, 16)}… as ${holder.user}'s, a ${holder.role}, who may not sign for the organisation` };
  }
  return { ok: true, member: holder };
}

/** The excerpt covering the holder of publicKey: their record and the roster signer's, nothing of anyone else. */
export function excerptFor(roster: SignedRoster, members: readonly RosterMember[], publicKeys: readonly string[]): RosterExcerpt {
  const wanted = members.filter((m) => m.keys.some((k) => publicKeys.includes(k.publicKey) || k.publicKey === roster.signer));
  return { roster, members: wanted };
}
