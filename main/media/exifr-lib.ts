// exifr ships UMD for Node's `require` and ESM for bundlers; which shape an import sees depends on
// the loader (node, tsx, vitest, esbuild). Pick whichever carries the functions.
import * as ns from 'exifr';

type ExifrLib = Pick<typeof ns, 'parse' | 'sidecar'>;

const candidates: unknown[] = [ns, (ns as { default?: unknown }).default];
const found = candidates.find((c): c is ExifrLib => typeof (c as Partial<ExifrLib> | undefined)?.sidecar === 'function');
if (!found) throw new Error('exifr did not load');

export const exifr: ExifrLib = found;
