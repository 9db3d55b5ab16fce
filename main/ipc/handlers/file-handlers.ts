// Files enter only through main's dialogs; the renderer gets tokens and names, never paths.
import { requireSession } from '../dispatcher';
import type { HandlerGroup } from '../context';

export const fileHandlers = {
  'evidence.pick': async (_req, ctx) => {
    requireSession(ctx);
    const paths = await ctx.dialogs.pickEvidenceFiles();
    return paths.map((p) => ctx.files.stage(p));
  },
  'dossier.pick': async (_req, ctx) => {
    const path = await ctx.dialogs.pickDossier();
    if (!path) return null;
    const { token, name } = ctx.files.stage(path);
    return { token, name };
  },
  'custody.pickPackage': async (_req, ctx) => {
    const path = await ctx.dialogs.pickLogPackage();
    if (!path) return null;
    const { token, name } = ctx.files.stage(path);
    return { token, name };
  },
} satisfies HandlerGroup;
