// Evidence through the core: import from files main's dialog chose, lists, the sealed metadata,
// stored exhibits, and bytes for display.
import { importEvidence } from '../../evidence/import-evidence';
import { getEvidenceItem, listEvidence } from '../../evidence/list-evidence';
import { makeExhibit } from '../../evidence/make-exhibit';
import type { HandlerGroup } from '../context';
import { requireSession } from '../dispatcher';
import { listExhibits } from '../../evidence/list-exhibits';
import { displayBytes, exhibitView, sealedMetadataView, thumbnail } from './evidence-display';
import { evidenceSummary } from './evidence-summary';
import { stat } from 'node:fs/promises';

/** At most one progress event per PROGRESS_EVERY_MS per file: a 4 GiB video is 4,096 chunks. */
const PROGRESS_EVERY_MS = 100;
function throttled(emit: (done: number) => void): (done: number) => void {
  let last = -Infinity;
  return (done) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS) return;
    last = now;
    emit(done);
  };
}

export const evidenceHandlers = {
  'evidence.import': async ({ incidentId, tokens, acquisition }, ctx) => {
    const session = requireSession(ctx);
    // Resolve every token first: a bad token refuses the whole batch before anything is imported.
    const paths = tokens.map((t) => ctx.files.take(t));
    const ids: number[] = [];
    for (const path of paths) {
      const item = path.split(/[\\/]/).pop() ?? '';
      const total = await stat(path).then((st) => st.size, () => 0);
      const report = throttled((done: number) => ctx.emit({ kind: 'progress', task: 'import', item, done, total }));
      report(0);
      ids.push((await importEvidence(session, incidentId, path, acquisition, { onProgress: report })).id);
      ctx.emit({ kind: 'progress', task: 'import', item, done: total, total });
    }
    return Promise.all(ids.map(async (id) => evidenceSummary(await getEvidenceItem(session, id))));
  },
  'evidence.list': async ({ incidentId }, ctx) => (await listEvidence(requireSession(ctx), { incidentId })).map(evidenceSummary),
  // Reads no evidence bytes: the sealed metadata it shows (GPS, owner, device) is a `view` entry
  // of its own (viewEvidenceMetadata); exhibits are stored.
  'evidence.get': async ({ id }, ctx) => {
    const session = requireSession(ctx);
    const item = await getEvidenceItem(session, id);
    const metadata = await sealedMetadataView(session, id);
    const exhibits = (await listExhibits(session, id)).map(exhibitView);
    return { ...evidenceSummary(item), acquisition: item.acquisition, ...metadata, exhibits };
  },
  'evidence.makeExhibit': async ({ id }, ctx) => {
    const made = await makeExhibit(requireSession(ctx), id);
    return { id: made.id, sha256: made.sha256, bytes: made.bytes, removed: made.removed, pixelsIdentical: made.pixelsIdentical };
  },
  'evidence.view': async ({ id, which }, ctx) => {
    const session = requireSession(ctx);
    return displayBytes(session, id, (await getEvidenceItem(session, id)).mediaType, which);
  },
  'evidence.thumbnail': async ({ id }, ctx) => {
    const session = requireSession(ctx);
    await getEvidenceItem(session, id);
    return thumbnail(session, id);
  },
} satisfies HandlerGroup;
