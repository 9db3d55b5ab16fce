// The options every vault command shares (--vault, --user, --json) and the open → act →
// checkpoint → close sequence around each command.
import { type Command, InvalidArgumentError } from 'commander';
import { CustodiaError } from '../../shared/errors/error-codes';
import { withSealedChanges } from '../accounts/sealed-changes';
import { unlockVault } from '../accounts/unlock-vault';
import type { VaultSession } from '../accounts/vault-session';
import type { OutputOptions } from './output';
import { readPassphrase } from './passphrase';
import { progressToStderr } from './progress';

export interface SessionOptions extends OutputOptions {
  vault: string;
  user: string;
}

export function sessionCommand(cmd: Command): Command {
  return cmd
    .requiredOption('--vault <file>', 'vault database file')
    .requiredOption('--user <name>', 'acting user (passphrase from CUSTODIA_PASSPHRASE or a prompt)')
    .option('--json', 'print one JSON object');
}

/** A new passphrase: from envName when set, else typed twice at the prompt. */
export async function newPassphrase(envName: string, who: string): Promise<string> {
  const first = await readPassphrase(envName, `new passphrase for ${who}: `);
  if (process.env[envName]) return first;
  const again = await readPassphrase(envName, 'repeat it: ');
  if (again !== first) throw new CustodiaError('E_USAGE', 'the two passphrases differ');
  return first;
}

export function positiveInt(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) throw new InvalidArgumentError('expected a positive integer');
  return Number(value);
}

/** Runs fn with an open session; what it appended to the log is sealed (core rule); the session always closes. */
export async function withSession<R>(opts: SessionOptions, fn: (s: VaultSession) => Promise<R>): Promise<R> {
  const passphrase = await readPassphrase('CUSTODIA_PASSPHRASE', `passphrase for ${opts.user}: `);
  const session = await unlockVault({ path: opts.vault, user: opts.user, passphrase, onStorageProgress: progressToStderr('moving evidence out of the database') });
  for (const notice of session.notices) process.stderr.write(`note: ${notice}\n`);
  try {
    return await withSealedChanges(session, () => fn(session));
  } finally {
    await session.close();
  }
}
