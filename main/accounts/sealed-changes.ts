// "A change is sealed by a signed checkpoint": the one place that rule lives, for the CLI and the
// app alike. Whatever an action appended to the log (a change, an evidence read, a refusal) is
// covered by a checkpoint signed by the acting user when the action ends. An admin's seal also
// re-signs the roster when users or keys changed since the last one (a colleague's activation,
// a removal), so a new lawyer's dossiers verify under the organisation's one published
// fingerprint from the admin's next action on.
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { checkpointFileText } from '../custody/checkpoint-file';
import { checkpointOrigin, latestCheckpoint, signCheckpoint } from '../custody/checkpoints';
import { rosterIsCurrent, signRoster } from '../custody/roster-log';
import { loadSigningKey } from '../custody/signing-keys';
import { treeSize } from '../custody/custody-log';
import { writeFileAtomic } from '../platform/atomic-write';
import type { Database } from '../vault/database';
import type { VaultSession } from './vault-session';

/** A checkpoint of the log as it stands, signed by the session's user. */
export function signSessionCheckpoint(session: VaultSession): Promise<Checkpoint> {
  return signCheckpoint(session.db, session.vaultId, session.user.name);
}

/** A checkpoint of the whole log, signed now by the session's user, written as a C2SP note to a file kept outside the vault (a USB stick). */
export async function saveCheckpoint(session: VaultSession, outPath: string): Promise<Checkpoint> {
  const cp = await signSessionCheckpoint(session);
  const key = await loadSigningKey(session.db, session.user.name);
  await writeFileAtomic(outPath, checkpointFileText(cp, key.secretKey));
  return cp;
}

/**
 * Signs a checkpoint when the log has grown past the latest one; returns it, or null when nothing
 * was new or the action closed the session (a lock seals before it closes).
 */
export async function sealChanges(session: VaultSession): Promise<Checkpoint | null> {
  if (!session.isOpen()) return null;
  return sealLog(session.db, session.vaultId, session.user);
}

/** The rule itself, for a session that is closing: sign when the log grew past the latest checkpoint. */
export async function sealLog(db: Database, vaultId: string, signer: { name: string; role: string }): Promise<Checkpoint | null> {
  if (signer.role === 'admin' && !(await rosterIsCurrent(db))) await signRoster(db, checkpointOrigin(vaultId), signer);
  const [size, latest] = await Promise.all([treeSize(db), latestCheckpoint(db)]);
  if (latest && latest.treeSize >= size) return null;
  return signCheckpoint(db, vaultId, signer.name);
}

/** Runs an action and seals what it appended, also when it failed part way or was refused. */
export async function withSealedChanges<R>(session: VaultSession, action: () => Promise<R>): Promise<R> {
  let result: R;
  try {
    result = await action();
  } catch (e) {
    // The action's own error is what the user must see; a refusal's `denied` entry still gets sealed.
    await sealChanges(session).catch(() => undefined);
    throw e;
  }
  await sealChanges(session);
  return result;
}

/** The app seals at most this often while the user works; a lock or quit seals at once. */
export const SEAL_COALESCE_MS = 3_000;
const pending = new WeakMap<VaultSession, NodeJS.Timeout>();

/**
 * Seals soon rather than now: a burst of edits gets one checkpoint, and a caller never waits
 * behind a long transaction (an upload in progress). Closing the session seals what is left.
 */
export function sealSoon(session: VaultSession, delayMs = SEAL_COALESCE_MS): void {
  if (pending.has(session) || !session.isOpen()) return;
  const timer = setTimeout(() => {
    pending.delete(session);
    // Only the kind of failure is logged: a message could quote vault content (T1).
    sealChanges(session).catch((e: unknown) => console.error(`sealing checkpoint: ${e instanceof Error ? e.name : typeof e}`));
  }, delayMs);
  timer.unref();
  pending.set(session, timer);
  session.onClose(() => {
    clearTimeout(timer);
    pending.delete(session);
  });
}
