// Main's side of the browser tests, in its own Node process as in Electron: the real handler
// table over a real vault in a temp folder. The Playwright fixture forwards the page's calls here.
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { buildHandlerTable } from '../../../main/ipc/handler-table';
import type { Dialogs } from '../../../main/app/dialogs';
import { testContext } from '../../ipc/ipc-context';

export type HostMessage =
  | { type: 'call'; id: number; channel: unknown; request: unknown }
  | { type: 'answer'; dialog: keyof Dialogs; value: unknown }
  | { type: 'state'; id: number }
  | { type: 'close' };

const send = (m: unknown) => process.send?.(m);
const { ctx, answer } = testContext(process.env.CUSTODIA_E2E_DIR, (event) => send({ type: 'event', event }));
const dispatch = createDispatcher(buildHandlerTable(), ctx);

process.on('message', (m: HostMessage) => {
  void (async () => {
    if (m.type === 'call') send({ type: 'result', id: m.id, result: await dispatch(m.channel, m.request) });
    else if (m.type === 'answer') answer(m.dialog, m.value);
    else if (m.type === 'state') send({ type: 'result', id: m.id, result: { unlocked: ctx.session !== null } });
    else if (m.type === 'close') {
      if (ctx.session) await ctx.session.vault.close();
      process.exit(0);
    }
  })();
});
send({ type: 'ready' });
