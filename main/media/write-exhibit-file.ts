// OUT appears complete or not at all (platform/atomic-write.ts), and is never an existing file:
// OUT may be the sealed original someone passed by mistake.
import { CustodiaError } from '../../shared/errors/error-codes';
import { writeFileAtomic } from '../platform/atomic-write';

export async function writeExhibitFile(outPath: string, data: Buffer): Promise<void> {
  try {
    await writeFileAtomic(outPath, data, { replace: false });
  } catch (e) {
    if (e instanceof CustodiaError) throw e;
    throw new CustodiaError('E_CANNOT_WRITE', `cannot write ${outPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
