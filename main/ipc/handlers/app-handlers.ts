// Channels that need no vault: version, settings, outbound links.
import { CustodiaError } from '../../../shared/errors/error-codes';
import type { HandlerTable } from '../context';

export const appHandlers: HandlerTable = {
  'app.info': async (_req, ctx) => ({ version: ctx.appVersion, platform: process.platform }),
  'app.openExternal': async ({ url }, ctx) => {
    if (new URL(url).protocol !== 'https:') throw new CustodiaError('E_INVALID_INPUT', 'Only https links open outside');
    await ctx.openExternal(url);
    return { ok: true as const };
  },
  'settings.get': async (_req, ctx) => ctx.settings.get(),
  'settings.set': async (patch, ctx) => ctx.settings.set(patch),
};
