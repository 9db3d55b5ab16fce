// A log package (`custodia log export`): the custody entries, the stored checkpoints and the
// signed roster, for an auditor who holds no key to the vault (THREATS T3/T4). It is plain JSON
// and harmless by construction: entries name actors, actions, subjects and hashes, and commit to
// any free text by hash only (main/custody/committed-texts.ts). Custodia writes it one entry per
// line, each line the entry's exact canonical bytes, so a verifier hashes what the vault hashed
// while streaming a million entries:
//
//   {"format":"custodia-log-package/1",…header…,"entries":[
//   <entry 1>,
//   …
//   <entry n>
//   ]}
//
// The verification is here, pure, so the app can run it; reading the file is the caller's.
import { z } from 'zod';
import { fromHex, parseLowerHex, toHex } from './bytes';
import { canonicalJson } from './canonical-json';
import { verifyCheckpointSignature, type Checkpoint } from './checkpoint';
import { GENESIS_PREV } from './custody-entry';
import { CUSTODY_ACTIONS, type CustodyAction } from '../vocabulary/custody-actions';
import { leafHash, nodeHash } from './merkle';
import { RosterDeriver, heldAt, memberHash, verifyRosterSignature, type KeyPeriod, type RosterMember, type SignedRoster } from './roster';
import { rosterMemberSchema, signedRosterSchema } from './roster-schema';
import { sha256, type HashFn } from './sha256';
import { isNoteCheckpoint, noteSigner, type KeptCheckpoint, type NoteCheckpoint, type TreeHead } from './tlog-checkpoint';
import type { ErrorCode } from '../errors/error-codes';

export const LOG_PACKAGE_FORMAT = 'custodia-log-package/1';
/** The header line ends by opening the entries array; the last line closes it and the package. */
export const HEADER_TAIL = '"entries":[';
export const PACKAGE_END = ']}';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const checkpointSchema = z.strictObject({
  origin: z.string(), treeSize: z.number().int().nonnegative(), rootHash: hex64, time: z.string(), signer: hex64,
  signature: z.string().regex(/^[0-9a-f]{128}$/),
});

export const logPackageHeaderSchema = z.strictObject({
  format: z.literal(LOG_PACKAGE_FORMAT),
  origin: z.string().min(1),
  exportedAt: z.string(),
  exportedBy: z.string(),
  treeSize: z.number().int().nonnegative(),
  rootHash: hex64,
  checkpoints: z.array(checkpointSchema),
  roster: z.strictObject({ roster: signedRosterSchema, members: z.array(rosterMemberSchema) }).nullable(),
  entries: z.array(z.never()).length(0),
});

export type LogPackageHeader = Omit<z.infer<typeof logPackageHeaderSchema>, 'entries'>;

/** The first line of a package: the header, opening the entries array. */
export function packageHeaderLine(h: LogPackageHeader): string {
  const { format, origin, exportedAt, exportedBy, treeSize, rootHash, checkpoints, roster } = h;
  const json = JSON.stringify({ format, origin, exportedAt, exportedBy, treeSize, rootHash, checkpoints, roster });
  return `${json.slice(0, -1)},${HEADER_TAIL}`;
}

export interface PackageProblem {
  code: ErrorCode;
  message: string;
  seq?: number;
}

export interface LogPackageReport {
  ok: boolean;
  origin: string;
  entries: number;
  rootHash: string;
  checkpoints: number;
  /** The largest tree a valid checkpoint signed: entries past it are chained but unsigned. */
  signedUpTo: number;
  /** Signed rosters found in the log (each checked against the log's own users and keys). */
  rosters: number;
  problems: PackageProblem[];
}

/** A tree the package must extend: an earlier package's head or a checkpoint kept elsewhere. */
export interface EarlierTree {
  label: string;
  treeSize: number;
  rootHash: string;
  /** Present for a checkpoint (JSON or C2SP note): its signature and signer are checked as well. */
  checkpoint?: KeptCheckpoint;
}

export interface PackageVerifyOptions {
  hash?: HashFn;
  /** Lowercase hex of a hash; Node passes Buffer's native one (a million entries, a million calls). */
  hex?: (b: Uint8Array) => string;
  /**
   * Checks a checkpoint signature; announced tells whether the log announced the signer's key
   * (a faster verifier may be used for those). Defaults to the strict pure one.
   */
  verifySignature?: (cp: Checkpoint, announced: boolean) => boolean;
  earlier?: EarlierTree;
}

const ACTIONS = new Set<string>(CUSTODY_ACTIONS);
const MAX_PER_CODE = 20;

/**
 * Streams a package's entries: add() each entry's exact bytes in order, then finish(). Memory
 * stays that of the users and checkpoints, not of the entries.
 */
export class LogPackageVerifier {
  private readonly hash: HashFn;
  private readonly hex: (b: Uint8Array) => string;
  private readonly verifySig: (cp: Checkpoint, announced: boolean) => boolean;
  private readonly problems: PackageProblem[] = [];
  private readonly perCode = new Map<string, number>();
  private readonly roster = new RosterDeriver();
  private readonly keys = new Map<string, KeyPeriod>();
  /** Roots wanted at these sizes (checkpoints, the earlier tree, the header's), filled as the stream passes them. */
  private readonly wanted = new Map<number, string | null>();
  /** RFC 9162 compact range: roots of the perfect subtrees covering the leaves so far, left to right. */
  private readonly stackRoots: Uint8Array[] = [];
  private readonly stackSizes: number[] = [];
  private count = 0;
  private prev = GENESIS_PREV;
  private rosters = 0;
  private lastRoster: SignedRoster | undefined;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly header: LogPackageHeader, private readonly opts: PackageVerifyOptions = {}) {
    this.hash = opts.hash ?? sha256;
    this.hex = opts.hex ?? toHex;
    this.verifySig = opts.verifySignature ?? ((cp) => verifyCheckpointSignature(cp));
    for (const cp of header.checkpoints) this.wanted.set(cp.treeSize, null);
    if (opts.earlier) this.wanted.set(opts.earlier.treeSize, null);
    this.wanted.set(header.treeSize, null);
    this.wanted.set(0, toHex(this.hash(new Uint8Array(0))));
  }

  private add(p: PackageProblem): void {
    const n = (this.perCode.get(p.code) ?? 0) + 1;
    this.perCode.set(p.code, n);
    if (n <= MAX_PER_CODE) this.problems.push(p);
    else if (n === MAX_PER_CODE + 1) this.problems.push({ code: p.code, message: `further ${p.code} problems not listed` });
  }

  /** One entry's canonical bytes (text, when the caller has it decoded already). */
  addEntry(bytes: Uint8Array, text?: string): void {
    const seq = this.count + 1;
    const entryHash = this.hex(this.hash(bytes));
    this.push(leafHash(bytes, this.hash));
    let e: { seq?: unknown; prev?: unknown; at?: unknown; actor?: unknown; action?: unknown; subject?: unknown; details?: unknown };
    try {
      e = JSON.parse(text ?? this.decoder.decode(bytes)) as typeof e;
    } catch {
      this.add({ code: 'E_ENTRY_HASH_MISMATCH', seq, message: `entry ${seq} is not JSON` });
      this.prev = entryHash;
      return;
    }
    if (e.seq !== seq) this.add({ code: 'E_SEQ_GAP', seq, message: `entry ${seq} says it is entry ${String(e.seq)}: entries were removed, added or reordered` });
    if (e.prev !== this.prev) this.add({ code: 'E_CHAIN_BROKEN', seq, message: `entry ${seq} does not chain to entry ${seq - 1}` });
    const details = e.details;
    if (typeof e.at !== 'string' || typeof e.actor !== 'string' || typeof e.subject !== 'string' || typeof e.action !== 'string' ||
      !ACTIONS.has(e.action) || typeof details !== 'object' || details === null || Array.isArray(details)) {
      this.add({ code: 'E_ENTRY_HASH_MISMATCH', seq, message: `entry ${seq} is not a custody entry` });
    } else if (e.action === 'roster') {
      this.checkRoster(seq, details as Record<string, unknown>);
    } else {
      this.noteUsers({ seq, at: e.at, action: e.action as CustodyAction, subject: e.subject, details: details as Record<string, unknown> });
    }
    this.prev = entryHash;
  }

  private noteUsers(e: { seq: number; at: string; action: CustodyAction; subject: string; details: Record<string, unknown> }): void {
    if (!e.subject.startsWith('user:') && e.action !== 'vault_create') return;
    this.roster.note(e);
    const user = e.subject.slice(5);
    if (e.action === 'user_remove' || (e.action === 'key_change' && typeof e.details.publicKey === 'string')) {
      for (const k of this.keys.values()) if (k.user === user && k.untilSeq === undefined) k.untilSeq = e.seq;
    }
    if (e.action === 'key_change' && typeof e.details.publicKey === 'string' && parseLowerHex(e.details.publicKey, 32)) {
      this.keys.set(e.details.publicKey, { user, fromSeq: e.seq });
    }
  }

  /** A signed roster in the log: an admin's signature over exactly what the log said before it. */
  private checkRoster(seq: number, details: Record<string, unknown>): void {
    this.rosters += 1;
    const roster = signedRosterSchema.safeParse(details.roster);
    const members = z.array(rosterMemberSchema).safeParse(details.members);
    if (!roster.success || !members.success) {
      this.add({ code: 'E_ROSTER_INVALID', seq, message: `roster entry ${seq} holds no signed roster` });
      return;
    }
    const r = roster.data;
    this.lastRoster = r;
    const derived = this.roster.members();
    const problem = !verifyRosterSignature(r) ? 'its signature does not verify'
      : r.origin !== this.header.origin ? `it names another log (${r.origin})`
        : r.treeSize !== seq - 1 ? `it says it was derived from ${r.treeSize} entries, not the ${seq - 1} before it`
          : !sameMembers(derived, r.memberHashes, members.data, this.hash) ? 'its users, roles or keys are not what the log says'
            : !this.isAdminKey(r.signer, derived) ? `it is signed by key ${r.signer.slice(0, 16)}…, which no admin of the log held then` : null;
    if (problem) this.add({ code: 'E_ROSTER_INVALID', seq, message: `roster entry ${seq}: ${problem}` });
  }

  private isAdminKey(publicKey: string, members: readonly RosterMember[]): boolean {
    return members.some((m) => m.role === 'admin' && m.removed === undefined && m.keys.some((k) => k.publicKey === publicKey && k.until === undefined));
  }

  private push(leaf: Uint8Array): void {
    let node = leaf;
    let size = 1;
    while (this.stackSizes.length > 0 && this.stackSizes[this.stackSizes.length - 1] === size) {
      node = nodeHash(this.stackRoots.pop() as Uint8Array, node, this.hash);
      this.stackSizes.pop();
      size *= 2;
    }
    this.stackRoots.push(node);
    this.stackSizes.push(size);
    this.count += 1;
    if (this.wanted.has(this.count)) this.wanted.set(this.count, toHex(this.root()));
  }

  private root(): Uint8Array {
    let r = this.stackRoots[this.stackRoots.length - 1] as Uint8Array;
    for (let i = this.stackRoots.length - 2; i >= 0; i--) r = nodeHash(this.stackRoots[i] as Uint8Array, r, this.hash);
    return r;
  }

  finish(): LogPackageReport {
    const h = this.header;
    const rootHash = this.count === 0 ? (this.wanted.get(0) as string) : toHex(this.root());
    if (this.count !== h.treeSize) {
      this.add({ code: 'E_CONSISTENCY', message: `the package says it holds ${h.treeSize} entries but holds ${this.count}: it was cut short or padded` });
    } else if (rootHash !== h.rootHash) {
      this.add({ code: 'E_ROOT_MISMATCH', message: 'the entries do not have the root hash the package names' });
    }
    let signedUpTo = 0;
    let previous = 0;
    h.checkpoints.forEach((cp, i) => {
      if (this.checkCheckpoint(cp, `checkpoint ${i + 1}`, 'E_ROOT_MISMATCH')) signedUpTo = Math.max(signedUpTo, cp.treeSize);
      if (cp.treeSize < previous) this.add({ code: 'E_ROOT_MISMATCH', message: `checkpoint ${i + 1} signs a smaller log than the one before it` });
      previous = cp.treeSize;
    });
    const earlier = this.opts.earlier;
    if (earlier) {
      if (earlier.checkpoint) this.checkCheckpoint(earlier.checkpoint, earlier.label, 'E_CONSISTENCY');
      else if (earlier.treeSize > this.count) this.add({ code: 'E_CONSISTENCY', message: `${earlier.label} holds ${earlier.treeSize} entries, this package only ${this.count}: the log was cut short` });
      else if (this.wanted.get(earlier.treeSize) !== earlier.rootHash) this.add({ code: 'E_CONSISTENCY', message: `this log does not continue ${earlier.label}: its first ${earlier.treeSize} entries were rewritten` });
    }
    if (h.roster && (!this.lastRoster || canonicalJson(h.roster.roster) !== canonicalJson(this.lastRoster))) {
      this.add({ code: 'E_ROSTER_INVALID', message: 'the roster the package names is not the latest one its log recorded' });
    }
    return {
      ok: this.problems.length === 0, origin: h.origin, entries: this.count, rootHash, checkpoints: h.checkpoints.length, signedUpTo,
      rosters: this.rosters, problems: this.problems,
    };
  }

  /** A note names no signer: the keys the log announced are tried, and a failing one refuses it. */
  private noteSigned(cp: NoteCheckpoint, label: string): (TreeHead & { signer: string }) | undefined {
    try {
      const signer = noteSigner(cp.note, cp.origin, [...this.keys.keys()].map((k) => fromHex(k)));
      if (signer) return { ...cp, signer: toHex(signer) };
      this.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `${label} (size ${cp.treeSize}) is signed by no key a user of this log held` });
    } catch (e) {
      this.add({ code: 'E_CHECKPOINT_SIGNATURE', message: `${label}: ${(e as Error).message}` });
    }
    return undefined;
  }

  /** Signed by a key the log had announced by then and not yet retired, over a tree these entries have. */
  private checkCheckpoint(kept: KeptCheckpoint, label: string, rootCode: 'E_ROOT_MISMATCH' | 'E_CONSISTENCY'): boolean {
    const before = this.problems.length;
    const cp = isNoteCheckpoint(kept) ? this.noteSigned(kept, label) : kept;
    if (!cp) return false;
    const key = this.keys.get(cp.signer);
    if (!isNoteCheckpoint(kept) && !this.verifySig(kept, key !== undefined)) this.add({ code: 'E_CHECKPOINT_SIGNATURE', message: `${label} (size ${cp.treeSize}) has an invalid signature` });
    if (!heldAt(key, cp.treeSize)) {
      this.add({ code: 'E_CHECKPOINT_KEY_UNKNOWN', message: `${label} (size ${cp.treeSize}) is signed by key ${cp.signer.slice(0, 16)}…, which no user of this log held at that point` });
    }
    if (cp.origin !== this.header.origin) this.add({ code: rootCode, message: `${label} names another log: ${cp.origin}` });
    if (cp.treeSize > this.count) this.add({ code: rootCode, message: `${label} describes ${cp.treeSize} entries; the package has ${this.count}: the log was cut short` });
    else if (this.wanted.get(cp.treeSize) !== cp.rootHash) this.add({ code: rootCode, message: `${label}: the first ${cp.treeSize} entries no longer have the root it signed; history was rewritten` });
    return this.problems.length === before;
  }
}

function sameMembers(derived: readonly RosterMember[], hashes: readonly string[], members: readonly RosterMember[], hash: HashFn): boolean {
  const want = derived.map((m) => memberHash(m, hash));
  return want.length === hashes.length && want.every((w, i) => w === hashes[i] && memberHash(members[i] as RosterMember, hash) === w);
}
