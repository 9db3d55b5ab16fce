// Messages main pushes to the renderer. They carry no evidence, only progress and state.
import { z } from 'zod';

export const progressEvent = z.strictObject({
  kind: z.literal('progress'),
  // storage: an older vault's evidence moving out of its database at its first unlock.
  task: z.enum(['import', 'verify', 'export', 'dossier-verify', 'storage', 'backup']),
  /** Which item within the task, e.g. a file name; empty for the task as a whole. */
  item: z.string().max(500),
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
});
export const lockedEvent = z.strictObject({ kind: z.literal('locked'), reason: z.enum(['user', 'idle', 'system']) });
export const appEvent = z.discriminatedUnion('kind', [progressEvent, lockedEvent]);

export type ProgressEvent = z.infer<typeof progressEvent>;
export type AppEvent = z.infer<typeof appEvent>;
