// Free text that custody entries commit to by hash only (a view's purpose, a dossier's recipient
// and purpose, a deletion's reason): the log can then leave the vault as a plain package that
// names no person and quotes no words (THREATS T3/T4), while the text itself stays in the vault
// (custody_texts, or the record that holds it, such as a tombstone) and can be checked against
// the entry. SHA-256 of a short, guessable text can be confirmed by guessing it: the commitment
// hides words, not a choice among a few known ones.
import type { Database } from '../vault/database';
import { sha256Hex } from '../platform/sha256';

/** The hex SHA-256 of the text's UTF-8 bytes: the value an entry's `…Sha256` field holds. */
export function textCommitment(text: string): string {
  return sha256Hex(text);
}

/** Keeps the text in the vault (once per distinct text) and returns its commitment. */
export async function commitText(tx: Database, text: string): Promise<string> {
  const sha256 = textCommitment(text);
  await tx.run('INSERT OR IGNORE INTO custody_texts (sha256, text) VALUES (?, ?)', [sha256, text]);
  return sha256;
}

/** The text an entry committed to, or undefined when the vault does not hold it. */
export async function committedText(db: Database, sha256: string): Promise<string | undefined> {
  const row = await db.get<{ text: string }>('SELECT text FROM custody_texts WHERE sha256 = ?', [sha256]);
  return row?.text;
}
