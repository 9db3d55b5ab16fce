// What the disclosure check can find in a dossier before it is written (T5), as constants the
// interface names in its own language without bundling the check itself.
export const DISCLOSURE_KINDS = [
  'real_name', 'name_in_text', 'phone_number', 'email_address', 'original_with_gps', 'device_serial',
  'original_metadata', 'exhibit_metadata', 'exhibit_not_stripped', 'originals_to_public', 'coordinates',
] as const;

export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
