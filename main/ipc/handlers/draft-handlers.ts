// The incident form's autosave through the core's draft service (main/records/drafts.ts).
import { discardDraft, getDraft, saveDraft } from '../../records/drafts';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';

export const draftHandlers = {
  'drafts.save': async ({ key, data }, ctx) => ({ savedAt: (await saveDraft(requireSession(ctx), key, data)).savedAt }),
  'drafts.get': async ({ key }, ctx) => {
    const draft = await getDraft(requireSession(ctx), key);
    return draft ? { data: draft.data, savedAt: draft.savedAt } : null;
  },
  'drafts.discard': async ({ key }, ctx) => {
    await discardDraft(requireSession(ctx), key);
    return { ok: true as const };
  },
} satisfies HandlerGroup;
