// Checks on user names and passphrases, shared by vault creation and user management.
import { CustodiaError } from '../../shared/errors/error-codes';

import { ROLES, type Role } from '../../shared/vocabulary/roles';

export { ROLES, type Role } from '../../shared/vocabulary/roles';

// Letters of any script, digits, and . _ -: a name appears in custody entries and file names.
const USER_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u;

/** Short passphrases make even a slow KDF guessable (T1, test/README.md). */
export const MIN_PASSPHRASE_LENGTH = 8;

export function checkUserName(name: string): string {
  if (!USER_NAME.test(name)) {
    throw new CustodiaError('E_INVALID_INPUT', `invalid user name "${name}": 1-64 letters, digits, ".", "_" or "-"`);
  }
  return name.normalize('NFC');
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw new CustodiaError('E_INVALID_INPUT', `invalid role "${role}": one of ${ROLES.join(', ')}`);
  }
  return role as Role;
}

export function checkNewPassphrase(passphrase: string): string {
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
    throw new CustodiaError('E_INVALID_INPUT', `the passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters`);
  }
  return passphrase;
}
