// Checkpoints in the C2SP form (c2sp.org/tlog-checkpoint): the note text is the origin, the tree
// size in decimal and the base64 root hash, one per line; each user signs it with their own
// Ed25519 key under the log's origin as key name (the name+ID pair tells users' keys apart). A
// witness configured with a user's verifier key (`custodia user list --json`) checks and
// cosigns it with its own tools.
import { CustodiaError } from '../errors/error-codes';
import { fromHex, toHex } from './bytes';
import type { Checkpoint } from './checkpoint';
import { fromBase64, parseNote, signNote, toBase64, verifyNoteBy, type ParsedNote } from './signed-note';

export interface TreeHead {
  origin: string;
  treeSize: number;
  /** Lowercase hex of the 32-byte RFC 9162 root hash. */
  rootHash: string;
}

/** A checkpoint read from a note: the tree head it states and the signatures that vouch for it. */
export interface NoteCheckpoint extends TreeHead {
  note: ParsedNote;
}

/** A checkpoint kept outside the vault, in either form `log checkpoint` has written. */
export type KeptCheckpoint = Checkpoint | NoteCheckpoint;

export const isNoteCheckpoint = (k: KeptCheckpoint): k is NoteCheckpoint => 'note' in k;

export function checkpointNoteText(head: TreeHead): string {
  return `${head.origin}\n${head.treeSize}\n${toBase64(fromHex(head.rootHash))}\n`;
}

/** The checkpoint's note signed by one user's key; the key name is the origin, as the spec recommends. */
export function signCheckpointNote(head: TreeHead, secretKey: Uint8Array): string {
  return signNote(checkpointNoteText(head), head.origin, secretKey);
}

function bad(message: string): never {
  throw new CustodiaError('E_BAD_CHECKPOINT_FILE', message);
}

/** The tree head a checkpoint note's text states, read strictly (extension lines are refused: Custodia writes none). */
export function parseCheckpointNote(note: string): NoteCheckpoint {
  const parsed = parseNote(note);
  const lines = parsed.text.slice(0, -1).split('\n');
  if (lines.length !== 3) bad(`a checkpoint note has three lines of text, not ${lines.length}`);
  const [origin, size, root] = lines as [string, string, string];
  if (origin.length === 0 || origin.length > 200) bad('a checkpoint note names its log on its first line');
  if (!/^(0|[1-9]\d{0,15})$/.test(size) || !Number.isSafeInteger(Number(size))) bad('the second line of a checkpoint note is its tree size in decimal');
  const rootBytes = fromBase64(root);
  if (!rootBytes || rootBytes.length !== 32) bad('the third line of a checkpoint note is a base64 SHA-256 root hash');
  return { origin, treeSize: Number(size), rootHash: toHex(rootBytes), note: parsed };
}

/** The first of these public keys that signed the note and verifies, or undefined; a failing signature by a known key refuses the whole note. */
export function noteSigner(note: ParsedNote, origin: string, publicKeys: readonly Uint8Array[]): Uint8Array | undefined {
  let signer: Uint8Array | undefined;
  for (const key of publicKeys) {
    const ok = verifyNoteBy(note, origin, key);
    if (ok === false) bad('a signature in the checkpoint note by a key of this log does not verify');
    if (ok && !signer) signer = key;
  }
  return signer;
}
