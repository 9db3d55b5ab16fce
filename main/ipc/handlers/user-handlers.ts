// Users and passphrases through the core's user service (which checks the admin role itself).
import { addUser, changePassphrase, listUsers } from '../../accounts/users';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';

export const userHandlers = {
  'users.list': async (_req, ctx) =>
    (await listUsers(requireSession(ctx))).filter((u) => u.removedAt === null).map((u) => ({ name: u.name, role: u.role, activated: u.activated, fingerprint: u.fingerprint })),
  'users.add': async ({ name, role }, ctx) => {
    const { oneTimePassphrase } = await addUser(requireSession(ctx), { name, role });
    return { oneTimePassphrase };
  },
  'users.changePassphrase': async ({ current, next }, ctx) => {
    await changePassphrase(requireSession(ctx), { oldPassphrase: current, newPassphrase: next });
    return { ok: true as const };
  },
} satisfies HandlerGroup;
