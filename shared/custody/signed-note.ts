// C2SP signed notes (c2sp.org/signed-note), Ed25519 only: a text ending in a newline, a blank
// line, then signature lines "— <key name> base64(key ID || signature)". Key IDs and verifier
// keys are as the spec recommends, so transparency-log witnesses and tools (Go's
// golang.org/x/mod/sumdb/note among them) read Custodia's checkpoints as they read any log's.
// Pure, so the app, the CLI and a dossier verifier share it.
import { ed25519 } from '@noble/curves/ed25519.js';
import { CustodiaError } from '../errors/error-codes';
import { bytesEqual, utf8 } from './bytes';
import { sha256 } from './sha256';

/** The signed-note signature type of plain Ed25519. */
const ED25519 = 0x01;
const DASH = '\u2014 ';
/** The spec asks verifiers to accept at least 16; more is refused as a hostile file. */
export const MAX_SIGNATURES = 100;

export interface NoteSignature {
  name: string;
  keyId: Uint8Array;
  signature: Uint8Array;
}

export interface ParsedNote {
  /** The signed text, ending in its newline. */
  text: string;
  signatures: NoteSignature[];
}

function bad(message: string): never {
  throw new CustodiaError('E_BAD_CHECKPOINT_FILE', message);
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (const byte of b) s += String.fromCharCode(byte);
  return btoa(s);
}

/** Standard base64 with padding, refusing any other spelling of the same bytes. */
export function fromBase64(s: string): Uint8Array | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return null;
  const bytes = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  return toBase64(bytes) === s ? bytes : null;
}

/** Key names may hold anything but spaces, plus signs and control characters. */
export function validKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+\p{Cc}]/u.test(name);
}

/** SHA-256(key name || 0x0A || 0x01 || public key)[:4], as the spec recommends for Ed25519. */
export function noteKeyId(name: string, publicKey: Uint8Array): Uint8Array {
  const n = utf8(name);
  const input = new Uint8Array(n.length + 2 + publicKey.length);
  input.set(n, 0);
  input[n.length] = 0x0a;
  input[n.length + 1] = ED25519;
  input.set(publicKey, n.length + 2);
  return sha256(input).subarray(0, 4);
}

const hex8 = (id: Uint8Array): string => [...id].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The verifier key a witness is configured with: name+hex key ID+base64(0x01 || public key). */
export function verifierKey(name: string, publicKey: Uint8Array): string {
  if (!validKeyName(name) || publicKey.length !== 32) throw new CustodiaError('E_INVALID_INPUT', 'a verifier key needs a key name without spaces or plus signs and a 32-byte Ed25519 key');
  const material = new Uint8Array(33);
  material[0] = ED25519;
  material.set(publicKey, 1);
  return `${name}+${hex8(noteKeyId(name, publicKey))}+${toBase64(material)}`;
}

/** A verifier key read back; null when malformed, of another algorithm, or when its ID does not match its key. */
export function parseVerifierKey(vkey: string): { name: string; keyId: Uint8Array; publicKey: Uint8Array } | null {
  const parts = vkey.split('+');
  // The base64 key material may itself contain plus signs.
  if (parts.length < 3) return null;
  const [name, id] = parts as [string, string];
  const material = fromBase64(parts.slice(2).join('+'));
  if (!validKeyName(name) || !/^[0-9a-f]{8}$/.test(id) || !material || material.length !== 33 || material[0] !== ED25519) return null;
  const publicKey = material.subarray(1);
  return hex8(noteKeyId(name, publicKey)) === id ? { name, keyId: noteKeyId(name, publicKey), publicKey } : null;
}

/** The text signed by one key, as a note: text + blank line + one signature line. */
export function signNote(text: string, name: string, secretKey: Uint8Array): string {
  if (!text.endsWith('\n') || /[\p{Cc}]/u.test(text.replace(/\n/g, ''))) throw new CustodiaError('E_INVALID_INPUT', 'a note text ends in a newline and holds no other control character');
  const publicKey = ed25519.getPublicKey(secretKey);
  const id = noteKeyId(name, publicKey);
  const signature = ed25519.sign(utf8(text), secretKey);
  const blob = new Uint8Array(4 + signature.length);
  blob.set(id, 0);
  blob.set(signature, 4);
  if (!validKeyName(name)) throw new CustodiaError('E_INVALID_INPUT', 'a key name holds no space or plus sign');
  return `${text}\n${DASH}${name} ${toBase64(blob)}\n`;
}

/** Splits a note into its text and signature lines, refusing anything the spec does not allow. */
export function parseNote(note: string): ParsedNote {
  if (/[\p{Cc}]/u.test(note.replace(/\n/g, ''))) bad('a signed note holds no control character but newlines');
  if (!note.endsWith('\n')) bad('a signed note ends in a newline');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) bad('a signed note has a blank line between its text and its signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) bad(`a signed note with more than ${MAX_SIGNATURES} signatures`);
  const signatures = lines.map((line) => {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const blob = m ? fromBase64(m[2] as string) : null;
    if (!m || !validKeyName(m[1] as string) || !blob || blob.length < 5) bad(`not a signature line: ${line.slice(0, 80)}`);
    return { name: m[1] as string, keyId: blob.subarray(0, 4), signature: blob.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Whether a signature of the note is by this key (same name and key ID) and verifies. Signatures
 * of other keys are ignored, as the spec requires; undefined when the note carries none by it.
 */
export function verifyNoteBy(note: ParsedNote, name: string, publicKey: Uint8Array): boolean | undefined {
  const id = noteKeyId(name, publicKey);
  const mine = note.signatures.filter((s) => s.name === name && bytesEqual(s.keyId, id));
  if (mine.length === 0) return undefined;
  const message = utf8(note.text);
  return mine.every((s) => s.signature.length === 64 && ed25519.verify(s.signature, message, publicKey, { zip215: false }));
}
