// C2SP signed notes and checkpoints (issue 15 item 2): Custodia's notes must be byte for byte
// what the reference implementation (golang.org/x/mod/sumdb/note, whose published test vector is
// used here) writes, and its checkpoints must verify in an independent verifier written from the
// specifications in Python with PyNaCl. T6: a note changed in any byte, or signed by an unknown
// key, is never taken for the user's.
import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../shared/custody/checkpoint';
import { fromBase64, parseNote, parseVerifierKey, signNote, verifierKey, verifyNoteBy } from '../../../shared/custody/signed-note';
import { checkpointNoteText, parseCheckpointNote, signCheckpointNote } from '../../../shared/custody/tlog-checkpoint';
import { naclMissing, signedNoteJudge as judge } from './judges';

// From golang.org/x/mod/sumdb/note's note_test.go.
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIGNED = `${TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
// PRIVATE+KEY+name+id+base64(0x01 || seed); the base64 part may itself hold plus signs.
const seed = fromBase64(SKEY.split('+').slice(4).join('+'))!.subarray(1);


describe('C2SP signed notes', () => {
  it("reproduces the reference implementation's verifier key and signed note byte for byte", () => {
    const publicKey = parseVerifierKey(VKEY)!.publicKey;
    expect(verifierKey('PeterNeumann', publicKey)).toBe(VKEY);
    expect(signNote(TEXT, 'PeterNeumann', seed)).toBe(SIGNED);
    expect(verifyNoteBy(parseNote(SIGNED), 'PeterNeumann', publicKey)).toBe(true);
  });

  it('T6: a changed byte fails; a key of another name or ID is ignored, not trusted', () => {
    const publicKey = parseVerifierKey(VKEY)!.publicKey;
    expect(verifyNoteBy(parseNote(SIGNED.replace('cryptography', 'cryptographY')), 'PeterNeumann', publicKey)).toBe(false);
    expect(verifyNoteBy(parseNote(SIGNED), 'PeterNeumann2', publicKey)).toBeUndefined();
    expect(verifyNoteBy(parseNote(SIGNED), 'PeterNeumann', generateSigningKeyPair().publicKey)).toBeUndefined();
  });

  it('refuses mangled verifier keys and malformed notes with a stable code', () => {
    for (const bad of [VKEY.slice(1), VKEY.replace('c74f20a3', 'c74f20a4'), VKEY.replace('+ARpc', '+AXpc'), `${VKEY}=`, 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW']) {
      expect(parseVerifierKey(bad), bad).toBeNull();
    }
    for (const bad of [TEXT, SIGNED.slice(0, -1), SIGNED.replace('\u2014', '-'), SIGNED.replace('x08go', 'x08g!'), `${TEXT}\u0007\n${SIGNED}`,
      `${TEXT}\n${`\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`.repeat(101)}`]) {
      expect(() => parseNote(bad)).toThrow(expect.objectContaining({ code: 'E_BAD_CHECKPOINT_FILE' }));
    }
  });
});

describe('C2SP checkpoints', () => {
  const head = { origin: 'custodia/0b9e3c1e-4a7d-4d8e-9b1a-2f6c5d4e3a21', treeSize: 1234, rootHash: 'c5'.repeat(32) };

  it('writes the three lines of the spec and reads them back strictly', () => {
    expect(checkpointNoteText(head)).toBe(`${head.origin}\n1234\n${Buffer.from(head.rootHash, 'hex').toString('base64')}\n`);
    const { secretKey } = generateSigningKeyPair();
    expect(parseCheckpointNote(signCheckpointNote(head, secretKey))).toMatchObject(head);
    for (const text of [`${head.origin}\n01234\nxQ==\n`, `${head.origin}\n-1\n${Buffer.alloc(32).toString('base64')}\n`, `${head.origin}\n5\n${Buffer.alloc(31).toString('base64')}\n`, `${head.origin}\n5\n${Buffer.alloc(32).toString('base64')}\nextension\n`]) {
      expect(() => parseCheckpointNote(signNote(text, head.origin, secretKey))).toThrow(expect.objectContaining({ code: 'E_BAD_CHECKPOINT_FILE' }));
    }
  });

  it.skipIf(naclMissing)('an independent verifier (Python, PyNaCl, written from the specs) accepts the checkpoint and refuses a changed one', () => {
    const { secretKey, publicKey } = generateSigningKeyPair();
    const note = signCheckpointNote(head, secretKey);
    const vkey = verifierKey(head.origin, publicKey);
    expect(judge(note, vkey)).toEqual({ ok: true, ...head });
    expect(judge(note.replace('1234', '1235'), vkey)).toMatchObject({ ok: false, why: 'bad signature' });
    expect(judge(note, verifierKey(head.origin, generateSigningKeyPair().publicKey))).toMatchObject({ ok: false });
    // The judge itself is sound: it accepts the reference implementation's note.
    expect(judge(SIGNED, VKEY)).toMatchObject({ ok: false, why: 'not a checkpoint' });
  });
});
