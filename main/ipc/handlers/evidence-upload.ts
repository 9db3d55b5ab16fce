// Drag and drop: the page hands over a dropped file's bytes in chunks and main streams them into
// the vault as they come (evidence/uploads.ts holds the rules). No path ever crosses, so a
// compromised page (T8) can import only bytes it already holds, never read the user's files.
import { getEvidenceItem } from '../../evidence/list-evidence';
import { uploadsOf } from '../../evidence/uploads';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { evidenceSummary } from './evidence-summary';

export const uploadHandlers = {
  'evidence.uploadBegin': async ({ incidentId, name, bytes, acquisition }, ctx) => ({
    uploadId: uploadsOf(requireSession(ctx)).begin(incidentId, { name, bytes, acquisition }),
  }),
  'evidence.uploadChunk': async ({ uploadId, data }, ctx) => {
    const r = await uploadsOf(requireSession(ctx)).chunk(uploadId, Buffer.from(data, 'base64'));
    ctx.emit({ kind: 'progress', task: 'import', item: r.name, done: r.received, total: r.bytes });
    return { received: r.received };
  },
  'evidence.uploadEnd': async ({ uploadId }, ctx) => {
    const session = requireSession(ctx);
    return evidenceSummary(await getEvidenceItem(session, await uploadsOf(session).end(uploadId)));
  },
  'evidence.uploadAbort': async ({ uploadId }, ctx) => {
    await uploadsOf(requireSession(ctx)).abort(uploadId);
    return { ok: true };
  },
} satisfies HandlerGroup;
