// What the disclosure check can find in a dossier before it is written (T5), as constants the
// interface names in its own language without bundling the check itself.
export const DISCLOSURE_KINDS = [
  'real_name', 'name_in_text', 'phone_number', 'email_address', 'original_with_gps', 'device_serial',
  'original_metadata', 'exhibit_metadata', 'exhibit_not_stripped', 'exhibit_left_out', 'originals_to_public', 'coordinates',
  'id_number', 'original_name',
] as const;

export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];

/** High findings stop an export until each is accepted by its id; the others are shown. */
export const FINDING_SEVERITIES = ['high', 'medium', 'low'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** A finding's id: stable for the same finding in the same vault, naming nothing in the clear. */
export const FINDING_ID = /^F-[0-9a-f]{12}$/;
