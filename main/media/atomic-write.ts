// OUT appears complete or not at all: written beside it under a temporary name, synced, renamed.
import { randomBytes } from 'node:crypto';
import { access, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CustodiaError } from '../../shared/errors/error-codes';

export async function writeFileAtomic(outPath: string, data: Buffer): Promise<void> {
  // Never replace an existing file: OUT may be the sealed original someone passed by mistake.
  if (await exists(outPath)) throw new CustodiaError('E_EXISTS', `${outPath} already exists; choose another output file`);
  const temp = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    const fh = await open(temp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, outPath);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    if (e instanceof CustodiaError) throw e;
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
