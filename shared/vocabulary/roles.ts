// The four roles and what each may do (README, "Roles"), one home for the core's checks, the
// IPC schemas and the interface's pickers.
export const ROLES = ['admin', 'documenter', 'legal', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** Add or remove users, change another user's slot. */
  'users.manage': ['admin'],
  /** Create and edit cases and incidents, delete (tombstone) them, import evidence. */
  'records.write': ['admin', 'documenter'],
  /** Read case titles, incident content and evidence metadata (names of people live there). */
  'records.read': ['admin', 'documenter', 'legal'],
  /** Evidence bytes: never the auditor, who checks hashes instead. */
  'evidence.read': ['admin', 'documenter', 'legal'],
  /** Make a metadata-free exhibit of an original (stored as a new, linked item): legal picks exhibits too. */
  'exhibits.make': ['admin', 'documenter', 'legal'],
  /** Signed dossiers for authorities: the legal team's job. */
  'dossier.export': ['admin', 'legal'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isAllowed(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
