// T9 (a crash or a refused write must not leave half a file or replace what was there):
// the one atomic writer every file of Custodia's goes through.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeAtomic, writeFileAtomic, writeFileAtomicSync } from '../../main/platform/atomic-write';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = (): string => (dir = mkdtempSync(join(tmpdir(), 'custodia-atomic-')));

describe('atomic write', () => {
  it('writes the whole file, owner-only, and leaves no temp file', async () => {
    const target = join(fresh(), 'out.json');
    await writeFileAtomic(target, '{"a":1}');
    writeFileAtomicSync(join(dir, 'sync.json'), 'sync');
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
    expect(readFileSync(join(dir, 'sync.json'), 'utf8')).toBe('sync');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).sort()).toEqual(['out.json', 'sync.json']);
  });

  it('a writer that fails half-way leaves the old file and no temp file', async () => {
    const target = join(fresh(), 'header.keys');
    writeFileSync(target, 'old');
    await expect(
      writeAtomic(target, async (fh) => {
        await fh.write('half of the new');
        throw new Error('disk pulled out');
      }),
    ).rejects.toThrow('disk pulled out');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['header.keys']);
  });

  it('replace: false refuses an existing target with E_EXISTS and keeps its bytes', async () => {
    const target = join(fresh(), 'original.jpg');
    writeFileSync(target, 'sealed original');
    await expect(writeFileAtomic(target, 'exhibit', { replace: false })).rejects.toMatchObject({ code: 'E_EXISTS' });
    expect(readFileSync(target, 'utf8')).toBe('sealed original');
    expect(readdirSync(dir)).toEqual(['original.jpg']);
  });

  it('replace: false refuses a target that appears while the file is being written', async () => {
    const target = join(fresh(), 'exhibit.jpg');
    await expect(
      writeAtomic(target, async (fh) => {
        await fh.write('exhibit');
        writeFileSync(target, 'someone else');
      }, { replace: false }),
    ).rejects.toMatchObject({ code: 'E_EXISTS' });
    expect(readFileSync(target, 'utf8')).toBe('someone else');
    expect(readdirSync(dir)).toEqual(['exhibit.jpg']);
  });

  it('replace: false writes when the name is free', async () => {
    const target = join(fresh(), 'new.bin');
    await writeFileAtomic(target, new Uint8Array([1, 2, 3]), { replace: false });
    expect([...readFileSync(target)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['new.bin']);
  });
});
