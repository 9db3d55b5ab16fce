// Stable error codes and the CLI exit code each maps to (README, "Command line").
// 70 is EX_SOFTWARE (sysexits.h): a fault in Custodia itself, never a verdict on the data.
export const EXIT = { ok: 0, integrity: 1, usage: 2, auth: 3, badInput: 4, busy: 5, internal: 70 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const ERROR_CODES = {
  E_USAGE: EXIT.usage,
  // Authentication and authorisation.
  E_BAD_PASSPHRASE: EXIT.auth,
  E_VAULT_ERASED: EXIT.auth,
  E_UNKNOWN_USER: EXIT.auth,
  E_FORBIDDEN: EXIT.auth,
  // A user added by an admin who has not yet replaced their one-time passphrase (user activate).
  E_MUST_ACTIVATE: EXIT.auth,
  // Only a user's own unlocked session holds their signing key.
  E_NO_SIGNING_KEY: EXIT.auth,
  // A key slot that holds no key to the vault's content (the auditor's, once it carries none).
  E_AUDITOR_NO_CONTENT_KEY: EXIT.auth,
  // The key a slot holds does not open the database: a header older than a re-key (or from another copy).
  E_KEY_HEADER_STALE: EXIT.auth,
  // A key slot no custody entry vouches for (accounts/slot-binding.ts): someone re-wrapped it.
  E_SLOT_NOT_IN_LOG: EXIT.auth,
  E_VAULT_LOCKED: EXIT.busy,
  E_VAULT_BUSY: EXIT.busy,
  // Bad input.
  E_INVALID_INCIDENT: EXIT.badInput,
  E_INVALID_INPUT: EXIT.badInput,
  E_UNREADABLE_FILE: EXIT.badInput,
  E_INVALID_JSON: EXIT.badInput,
  E_NOT_FOUND: EXIT.badInput,
  E_EXISTS: EXIT.badInput,
  E_NO_VAULT: EXIT.badInput,
  E_BAD_VAULT_HEADER: EXIT.badInput,
  E_VAULT_VERSION: EXIT.badInput,
  // The vault could not grow (disk full or a size limit); the operation was rolled back whole.
  E_DISK_FULL: EXIT.badInput,
  E_TOO_LARGE: EXIT.badInput,
  E_UNSUPPORTED_MEDIA: EXIT.badInput,
  E_MALFORMED_MEDIA: EXIT.badInput,
  E_DECOMPRESSION_BOMB: EXIT.badInput,
  E_METADATA_TOO_LARGE: EXIT.badInput,
  // Hostile media containers (T7): a file that ends inside a box, tag or frame; a length that does
  // not fit where it is declared; boxes nested deeper than any real file; and content whose
  // metadata cannot be removed without re-encoding (a timed GPS track, an encrypted PDF).
  E_MEDIA_TRUNCATED: EXIT.badInput,
  E_MEDIA_BAD_LENGTH: EXIT.badInput,
  E_MEDIA_TOO_DEEP: EXIT.badInput,
  E_UNCLEANABLE_CONTENT: EXIT.badInput,
  E_CANNOT_WRITE: EXIT.badInput,
  E_MALFORMED_DOSSIER: EXIT.badInput,
  E_HOSTILE_ARCHIVE: EXIT.badInput,
  // Hostile ZIPs (T7): two entries sharing bytes, headers that disagree, a wrong CRC-32.
  E_ZIP_OVERLAP: EXIT.badInput,
  E_ZIP_HEADER_MISMATCH: EXIT.badInput,
  E_ZIP_CRC_MISMATCH: EXIT.badInput,
  // Input files that are not plain UTF-8 JSON within the caps (T7).
  E_INVALID_ENCODING: EXIT.badInput,
  E_INPUT_TOO_LARGE: EXIT.badInput,
  E_JSON_TOO_DEEP: EXIT.badInput,
  E_JSON_DUPLICATE_KEY: EXIT.badInput,
  // A key slot whose KDF cost lies outside the accepted range (refused before any KDF work).
  E_KDF_PARAMS: EXIT.badInput,
  E_BAD_CHECKPOINT_FILE: EXIT.badInput,
  // A log package (`log export`) that is not one, or not laid out as Custodia writes it.
  E_BAD_LOG_PACKAGE: EXIT.badInput,
  // Integrity: something was found altered.
  E_DB_CORRUPT: EXIT.integrity,
  E_CHAIN_BROKEN: EXIT.integrity,
  E_ENTRY_HASH_MISMATCH: EXIT.integrity,
  E_SEQ_GAP: EXIT.integrity,
  E_ROOT_MISMATCH: EXIT.integrity,
  E_CHECKPOINT_SIGNATURE: EXIT.integrity,
  E_CHECKPOINT_KEY_UNKNOWN: EXIT.integrity,
  E_CONSISTENCY: EXIT.integrity,
  E_RECORD_HASH_MISMATCH: EXIT.integrity,
  E_EVIDENCE_HASH_MISMATCH: EXIT.integrity,
  // Evidence objects (vault/object-store.ts): one a row names is not in FILE.objects/, one whose
  // bytes are not those its name (sha256) or its AEAD tag vouch for, one no row names.
  E_OBJECT_MISSING: EXIT.integrity,
  E_OBJECT_ALTERED: EXIT.integrity,
  E_OBJECT_ORPHAN: EXIT.integrity,
  // Backups (main/backup/): a file the latest manifest lists is not on the target, or its bytes do
  // not hash to its name (altered, damaged or swapped), or the backed-up log does not agree with a
  // checkpoint the target holds (an older backup passed off as the latest).
  E_BACKUP_OBJECT_MISSING: EXIT.integrity,
  E_BACKUP_ALTERED: EXIT.integrity,
  E_BACKUP_INCONSISTENT: EXIT.integrity,
  // The target holds no backup at all, or backups of another vault.
  E_BACKUP_EMPTY: EXIT.badInput,
  E_BACKUP_OTHER_VAULT: EXIT.badInput,
  // The S3 store refused a call or could not be reached (credentials, endpoint, bucket, network).
  E_BACKUP_TARGET: EXIT.badInput,
  // `log verify`, both ways: a record the log created is gone, a row no entry accounts for, an id
  // given to two records, an old version rewritten, a tombstone the log does not account for
  // (or altered, or removed), a derived table out of step, a setting that reaches exports altered,
  // a case's status history rewritten, a stored checkpoint removed or rearranged, a signing key
  // the log recorded gone.
  E_RECORD_MISSING: EXIT.integrity,
  E_RECORD_UNLOGGED: EXIT.integrity,
  E_ID_REUSED: EXIT.integrity,
  E_VERSION_ALTERED: EXIT.integrity,
  E_TOMBSTONE_UNLOGGED: EXIT.integrity,
  E_TOMBSTONE_ALTERED: EXIT.integrity,
  E_TOMBSTONE_MISSING: EXIT.integrity,
  E_DERIVED_STALE: EXIT.integrity,
  E_SETTING_ALTERED: EXIT.integrity,
  E_SIGNING_KEY_MISSING: EXIT.integrity,
  E_CHECKPOINT_ALTERED: EXIT.integrity,
  E_CHECKPOINT_MISSING: EXIT.integrity,
  E_STATUS_HISTORY_ALTERED: EXIT.integrity,
  E_DOSSIER_TAMPERED: EXIT.integrity,
  E_SIGNATURE_INVALID: EXIT.integrity,
  E_KEY_MISMATCH: EXIT.integrity,
  // T6: the published admin key's roster does not show the dossier's signer as legal or admin
  // then; or the roster itself is forged, altered or signed by someone it does not show as admin.
  E_SIGNER_NOT_IN_ROSTER: EXIT.integrity,
  E_ROSTER_INVALID: EXIT.integrity,
  // The vault file was removed or replaced while a command ran: nothing it did is acknowledged.
  E_VAULT_GONE: EXIT.integrity,
  // Desktop shell: refused IPC calls.
  E_IPC_SENDER: EXIT.auth,
  E_UNKNOWN_CHANNEL: EXIT.usage,
  E_STALE_VERSION: EXIT.badInput,
  // A dossier export with a high disclosure finding nobody accepted by its id (T5): nothing written.
  E_UNACCEPTED_FINDINGS: EXIT.badInput,
  // A dossier export that would name someone to a kind of recipient they did not consent to (T5): nothing written.
  E_CONSENT: EXIT.badInput,
  // A fault in Custodia itself (a bug, a missing resource): its own exit code, not "altered".
  // The chosen SQLCipher binding is not installed (CUSTODIA_DB_DRIVER names an absent one): the
  // invocation's environment asks for what this machine lacks, not a fault in Custodia.
  E_DRIVER_MISSING: EXIT.usage,
  E_INTERNAL: EXIT.internal,
} as const satisfies Record<string, ExitCode>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error a user can meet: a stable code plus a message; the UI translates by code. */
export class CustodiaError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'CustodiaError';
    this.code = code;
    this.details = details;
  }
  get exitCode(): ExitCode {
    return ERROR_CODES[this.code];
  }
}

export function isCustodiaError(e: unknown): e is CustodiaError {
  return e instanceof CustodiaError;
}
