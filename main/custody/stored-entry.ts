// The one reader of custody entries as the vault stores them (custody_log.entry, canonical JSON).
// A row that does not parse into an entry was written by no version of Custodia: it is reported
// as tampering with the entry's own code, never shown half-read.
import type { CustodyEntry } from '../../shared/custody/custody-entry';
import { custodyEntrySchema } from '../../shared/custody/custody-entry-schema';
import { CustodiaError } from '../../shared/errors/error-codes';

export function parseStoredEntry(text: string): CustodyEntry {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = custodyEntrySchema.safeParse(json);
  if (!parsed.success) throw new CustodiaError('E_ENTRY_HASH_MISMATCH', 'a custody entry in the vault is unreadable: run log verify');
  return parsed.data;
}
