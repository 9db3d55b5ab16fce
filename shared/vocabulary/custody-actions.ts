// The fixed vocabulary of custody actions, apart from the log's hashing code so the interface
// can name them without bundling the Merkle functions.
export const CUSTODY_ACTIONS = [
  'vault_create', // the vault and its first (admin) user came into being
  'user_add',
  'user_remove',
  'key_change', // a passphrase re-wrapped a key slot, or a signing key was created
  'key_slot', // a key slot changed: its hash, signed by its user or an admin (custody/slot-log.ts)
  'case_create',
  'case_edit',
  'incident_create',
  'incident_edit',
  'draft_save',
  'receive', // evidence imported
  'seal', // evidence sealed: sha256 and metadata fixed at intake
  'view', // an access to evidence bytes (the "seal break" of Brazil's CPP 158-D), an incident's full text or an item's sealed metadata
  'derive', // exhibit, transcript, translation made from an item
  'delete', // a tombstone with a reason
  'verify',
  'export', // with recipient and purpose
  'handover', // to an authority, with its receipt reference
  'denied', // an operation the actor's role does not allow
  'roster', // an admin signed the roster: users, roles and keys with their periods, derived from the log
  'storage', // evidence storage maintained: chunks moved out of the database, unreferenced objects swept
] as const;

export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
