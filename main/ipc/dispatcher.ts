// The door every IPC call goes through (T8): unknown channels refused, the request parsed with
// the contract before the handler sees it, the answer parsed again so nothing extra leaves
// main, and every failure turned into {code, message} in the user's language.
import { CONTRACT, isChannel, type Envelope, type IpcError } from '../../shared/ipc/contract';
import { CustodiaError, isCustodiaError, type ErrorCode } from '../../shared/errors/error-codes';
import { errorMessage } from '../../shared/i18n/error-messages';
import { sealSoon } from '../accounts/sealed-changes';
import type { VaultSession } from '../accounts/vault-session';
import type { Handler, HandlerContext, HandlerTable } from './context';

export type Dispatch = (channel: unknown, request: unknown) => Promise<Envelope<unknown>>;

export function createDispatcher(table: HandlerTable, ctx: HandlerContext): Dispatch {
  const fail = (code: ErrorCode): { ok: false; error: IpcError } => ({
    ok: false,
    error: { code, message: errorMessage(code, ctx.settings.get().language) },
  });

  return async (channel, request) => {
    if (!isChannel(channel)) return fail('E_UNKNOWN_CHANNEL');
    const handler = table[channel] as Handler<typeof channel>;
    const schema = CONTRACT[channel];
    const parsed = schema.request.safeParse(request);
    if (!parsed.success) return fail('E_INVALID_INPUT');
    try {
      const value = await handler(parsed.data as never, ctx).finally(() => {
        // What the call appended is sealed by the core's rule, coalesced for the app.
        if (ctx.session) sealSoon(ctx.session.vault);
      });
      return { ok: true, value: schema.response.parse(value) };
    } catch (e) {
      if (isCustodiaError(e)) return fail(e.code);
      // Anything else is our bug: say so without leaking paths or stack traces to the renderer,
      // and log only what kind of error it was: messages can quote vault content (T1).
      console.error(`ipc ${channel}: unexpected ${e instanceof Error ? e.name : typeof e}`);
      return fail('E_INTERNAL');
    }
  };
}

/** The core session of the unlocked vault, or E_VAULT_LOCKED. */
export function requireSession(ctx: HandlerContext): VaultSession {
  if (!ctx.session) throw new CustodiaError('E_VAULT_LOCKED', 'The vault is locked');
  return ctx.session.vault;
}
