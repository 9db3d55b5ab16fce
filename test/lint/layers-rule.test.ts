// The layering rule must catch what it is for: a lower folder reaching up, a sibling reaching
// across, a driver outside its room. Linted as virtual files with the project's real config.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'test/eslint.config.js' });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layers of main/', () => {
  it('refuses an import that goes up a layer, types included', async () => {
    const found = await messages('main/vault/probe.ts', "import type { VaultSession } from '../accounts/vault-session';\nexport type X = VaultSession;\n");
    expect(found).toEqual([expect.stringContaining('custodia/layers: main/vault (layer 1) may not import main/accounts (layer 3)')]);
  });

  it('refuses a sibling of the same layer (audit and dossier stand side by side)', async () => {
    const found = await messages('main/dossier/probe.ts', "import { verifyLog } from '../audit/verify-log';\nexport const v = verifyLog;\n");
    expect(found).toEqual([expect.stringContaining('custodia/layers: main/dossier (layer 6) may not import main/audit (layer 6)')]);
  });

  it('refuses an import of the composition root and a folder outside every layer', async () => {
    expect(await messages('main/ipc/probe.ts', "import '../index';\n")).toEqual([expect.stringContaining('may not import main/(root)')]);
    expect(await messages('main/newthing/probe.ts', 'export const a = 1;\n')).toEqual([expect.stringContaining('main/newthing is in no layer')]);
  });

  it('allows imports downwards and within a folder', async () => {
    expect(await messages('main/records/probe.ts', "import { appendCustody } from '../custody/custody-log';\nimport { checkRole } from '../accounts/names';\nexport const a = [appendCustody, checkRole];\n")).toEqual([]);
  });

  it('keeps drivers in their rooms: SQLCipher, sharp and ipcMain', async () => {
    expect(await messages('main/records/probe.ts', "import sqlcipher from '@journeyapps/sqlcipher';\nexport const s = sqlcipher;\n")).toEqual([expect.stringContaining('no-restricted-imports')]);
    expect(await messages('main/dossier/probe.ts', "import sharp from 'sharp';\nexport const s = sharp;\n")).toEqual([expect.stringContaining('Only main/media/')]);
    expect(await messages('main/app/probe.ts', "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n")).toEqual([expect.stringContaining('Only main/ipc/register-ipc.ts')]);
    expect(await messages('main/media/probe.ts', "import sharp from 'sharp';\nexport const s = sharp;\n")).toEqual([]);
    expect(await messages('main/records/probe.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([expect.stringContaining('Only main/app')]);
  });
});
