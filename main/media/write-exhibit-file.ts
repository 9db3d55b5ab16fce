// OUT appears complete or not at all (main/fs/atomic-write.ts), and is never an existing file:
// OUT may be the sealed original someone passed by mistake.
import { access } from 'node:fs/promises';
import { CustodiaError } from '../../shared/errors/error-codes';
import { writeFileAtomic } from '../platform/atomic-write';

export async function writeExhibitFile(outPath: string, data: Buffer): Promise<void> {
  if (await exists(outPath)) throw new CustodiaError('E_EXISTS', `${outPath} already exists; choose another output file`);
  try {
    await writeFileAtomic(outPath, data);
  } catch (e) {
    throw new CustodiaError('E_CANNOT_WRITE', `cannot write ${outPath}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
