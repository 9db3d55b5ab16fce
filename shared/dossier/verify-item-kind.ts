// The verifier names what it checked in plain words ("signature", "custody entry 12",
// "data/exhibits/01-photo.jpg"); the interface shows each as a translated kind plus its subject.
export const VERIFY_ITEM_KINDS = [
  'bagit_version', 'bag_info', 'signature', 'signer_key', 'dossier_signer', 'checkpoint',
  'custody_entry', 'exhibit', 'exhibit_list', 'manifest', 'file',
] as const;

export type VerifyItemKind = (typeof VERIFY_ITEM_KINDS)[number];

const FIXED: Readonly<Record<string, VerifyItemKind>> = {
  'BagIt version': 'bagit_version',
  'bag-info fields': 'bag_info',
  signature: 'signature',
  'signer key': 'signer_key',
  'dossier.json signer': 'dossier_signer',
  checkpoint: 'checkpoint',
  'exhibit list': 'exhibit_list',
};

export function verifyItemKind(name: string): { kind: VerifyItemKind; subject: string } {
  const fixed = FIXED[name];
  if (fixed) return { kind: fixed, subject: '' };
  const entry = /^custody entry (\d+)$/.exec(name);
  if (entry) return { kind: 'custody_entry', subject: entry[1] as string };
  const exhibit = /^exhibit (.+)$/.exec(name);
  if (exhibit) return { kind: 'exhibit', subject: exhibit[1] as string };
  if (/^(tag)?manifest-sha(256|512)\.txt$/.test(name)) return { kind: 'manifest', subject: name };
  return { kind: 'file', subject: name };
}
