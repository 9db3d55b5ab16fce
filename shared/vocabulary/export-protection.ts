// The choices an export makes to protect people (T5), as constants the CLI, the IPC contract,
// the interface and the dossier's own record of them share.

/** What can be taken out of every text of an export: contacts, ID document numbers, the notes field. */
export const REDACTABLE = ['phones', 'emails', 'ids', 'notes'] as const;
export type Redactable = (typeof REDACTABLE)[number];

/** Staff (who obtained a consent, who handled evidence) appear by their role, or by name. */
export const STAFF_NAMING = ['role', 'name'] as const;
export type StaffNaming = (typeof STAFF_NAMING)[number];

/**
 * Coordinates of an incident (and in its texts): left out, rounded to N decimals (0, about
 * 110 km, to 4, about 11 m), or kept exact.
 */
export const COORDINATE_POLICIES = ['drop', 'round:0', 'round:1', 'round:2', 'round:3', 'round:4', 'keep'] as const;
export type CoordinatePolicy = (typeof COORDINATE_POLICIES)[number];
export type RoundingDecimals = 0 | 1 | 2 | 3 | 4;

/** The side of the square a coordinate rounded to N decimals falls in, near the equator. */
export const ROUNDING_SQUARE: Record<RoundingDecimals, string> = { 0: '110 km', 1: '11 km', 2: '1 km', 3: '100 m', 4: '10 m' };

/** The decimals a `round:N` policy keeps, or null for drop and keep. */
export function roundingOf(p: CoordinatePolicy): RoundingDecimals | null {
  return p.startsWith('round:') ? (Number(p.slice(6)) as RoundingDecimals) : null;
}
