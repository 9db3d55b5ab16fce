// Driver failures during evidence storage, translated into errors a user can act on.
import { CustodiaError } from '../../shared/errors/error-codes';
import { sqliteCode } from './database';

export function storageError(e: unknown, what: string): unknown {
  if (e instanceof CustodiaError) return e;
  // The database could not grow, or an object could not be written to its folder.
  if (sqliteCode(e) === 'SQLITE_FULL' || (e as NodeJS.ErrnoException | null)?.code === 'ENOSPC') {
    return new CustodiaError('E_DISK_FULL', `${what}: the vault could not grow (disk full); nothing was stored`);
  }
  return e;
}
