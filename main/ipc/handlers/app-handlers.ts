// Channels that need no vault: version, settings.
import type { HandlerGroup } from '../context';

export const appHandlers = {
  'app.info': async (_req, ctx) => ({ version: ctx.appVersion, platform: process.platform }),
  'settings.get': async (_req, ctx) => ctx.settings.get(),
  'settings.set': async (patch, ctx) => ctx.settings.set(patch),
} satisfies HandlerGroup;
