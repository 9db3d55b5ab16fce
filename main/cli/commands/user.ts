// `custodia user add|list|remove|passphrase`: only an admin adds or removes users.
import type { Command } from 'commander';
import { addUser, changePassphrase, listUsers, removeUser } from '../../accounts/users';
import { ROLES } from '../../accounts/names';
import { printResult } from '../output';
import { readPassphrase } from '../passphrase';
import { newPassphrase, sessionCommand, withSession, type SessionOptions } from '../session-options';

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('users and their passphrases');
  sessionCommand(user.command('add').description('add a user (admin only; new passphrase: CUSTODIA_NEW_PASSPHRASE or prompt)'))
    .requiredOption('--new-user <name>', 'name of the new user')
    .requiredOption('--role <role>', ROLES.join('|'))
    .action(async (opts: SessionOptions & { newUser: string; role: string }) => {
      const added = await withSession(opts, async (s) => {
        const passphrase = await newPassphrase('CUSTODIA_NEW_PASSPHRASE', opts.newUser);
        return addUser(s, { name: opts.newUser, role: opts.role, passphrase });
      });
      printResult(opts, { user: added.name, role: added.role }, () => `added ${added.name} (${added.role})`);
    });
  sessionCommand(user.command('list').description('list users'))
    .action(async (opts: SessionOptions) => {
      const users = await withSession(opts, (s) => listUsers(s));
      printResult(opts, { users }, () => users.map((u) => `${u.name}\t${u.role}${u.removedAt ? '\tremoved' : ''}`).join('\n'));
    });
  sessionCommand(user.command('remove').description('remove a user (admin only): drops their key slot'))
    .requiredOption('--name <name>', 'user to remove')
    .action(async (opts: SessionOptions & { name: string }) => {
      await withSession(opts, (s) => removeUser(s, opts.name));
      printResult(opts, { user: opts.name, removed: true }, () => `removed ${opts.name}`);
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
