// `custodia user add|activate|list|remove|passphrase`: only an admin adds or removes users; a
// new user activates with the one-time passphrase `user add` printed.
import type { Command } from 'commander';
import { activateUser } from '../../accounts/activate-user';
import { addUser, changePassphrase, listUsers, removeUser } from '../../accounts/users';
import { ROLES } from '../../accounts/names';
import { withSealedChanges } from '../../accounts/sealed-changes';
import { printResult, type OutputOptions } from '../output';
import { readPassphrase } from '../passphrase';
import { newPassphrase, sessionCommand, withSession, type SessionOptions } from '../session-options';
import { progressToStderr } from '../progress';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('users and their passphrases');
  sessionCommand(user.command('add').description('add a user (admin only); prints their one-time passphrase, once (an auditor gets none: they work from a log package)'))
    .requiredOption('--new-user <name>', 'name of the new user')
    .requiredOption('--role <role>', ROLES.join('|'))
    .action(async (opts: SessionOptions & { newUser: string; role: string }) => {
      const added = await withSession(opts, (s) => addUser(s, { name: opts.newUser, role: opts.role }));
      printResult(opts, { user: added.user.name, role: added.user.role, oneTimePassphrase: added.oneTimePassphrase },
        () => added.oneTimePassphrase === null
          ? `added ${added.user.name} (auditor): auditors hold no key to the vault; give them a log package (custodia log export) to check with custodia log verify --package`
          : `added ${added.user.name} (${added.user.role}); one-time passphrase, shown only now: ${added.oneTimePassphrase}\n${added.user.name} sets their own with: custodia user activate`);
    });
  user.command('activate')
    .description('first unlock of a new user: one-time passphrase in CUSTODIA_PASSPHRASE, your own in CUSTODIA_NEW_PASSPHRASE (or prompts)')
    .requiredOption('--vault <file>', 'vault database file')
    .requiredOption('--user <name>', 'your user name')
    .option('--json', 'print one JSON object')
    .action(async (opts: OutputOptions & { vault: string; user: string }) => {
      const oneTime = await readPassphrase('CUSTODIA_PASSPHRASE', `one-time passphrase for ${opts.user}: `);
      const next = await newPassphrase('CUSTODIA_NEW_PASSPHRASE', opts.user);
      const session = await activateUser({ path: opts.vault, user: opts.user, oneTimePassphrase: oneTime, newPassphrase: next });
      try {
        const fingerprint = await withSealedChanges(session, async () => (await listUsers(session)).find((u) => u.name === session.user.name)?.fingerprint ?? null);
        printResult(opts, { user: session.user.name, activated: true, fingerprint }, () => `${session.user.name} is active; signing key fingerprint ${fingerprint ?? '-'}`);
      } finally {
        await session.close();
      }
    });
  sessionCommand(user.command('list').description('list users with their signing key fingerprints'))
    .action(async (opts: SessionOptions) => {
      const users = await withSession(opts, (s) => listUsers(s));
      printResult(opts, { users }, () => users.map((u) => [u.name, u.role, u.fingerprint ?? '-', u.removedAt ? 'removed' : u.role === 'auditor' ? 'no vault key' : u.activated ? 'active' : 'must activate'].join('\t')).join('\n'));
    });
  sessionCommand(user.command('remove').description('remove a user (admin only): drops their key slot and rotates the vault key'))
    .requiredOption('--name <name>', 'user to remove')
    .action(async (opts: SessionOptions & { name: string }) => {
      const result = await withSession(opts, (s) => removeUser(s, opts.name, progressToStderr('re-keying the vault')));
      if (result.notice) process.stderr.write(`note: ${result.notice}\n`);
      printResult(opts, { user: opts.name, removed: true, rekeyed: result.rekeyed }, () => `removed ${opts.name}${result.rekeyed ? '; the vault key was rotated' : ''}`);
    });
  sessionCommand(user.command('passphrase').description('change your passphrase (new one: CUSTODIA_NEW_PASSPHRASE or prompt)'))
    .action(async (opts: SessionOptions) => {
      await withSession(opts, async (s) => {
        const oldPassphrase = await readPassphrase('CUSTODIA_PASSPHRASE', `current passphrase for ${opts.user}: `);
        const next = await newPassphrase('CUSTODIA_NEW_PASSPHRASE', opts.user);
        await changePassphrase(s, { oldPassphrase, newPassphrase: next });
      });
      printResult(opts, { user: opts.user, changed: true }, () => `passphrase changed for ${opts.user}`);
    });
}
