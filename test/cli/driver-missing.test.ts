// An install where the optional @journeyapps/sqlcipher could not be built (no compiler, Windows):
// the CLI works on the default driver and says nothing alarming; asking for the missing one is
// refused with its own code. The module is made unresolvable with a loader hook, as on such a machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ERROR_CODES } from '../../shared/errors/error-codes';
import { buildCli, runCli } from './cli-harness';

let cli = '';
let dir = '';
let env: Record<string, string> = {};

beforeAll(async () => {
  cli = await buildCli();
  dir = await mkdtemp(join(tmpdir(), 'custodia-no-journeyapps-'));
  const hooks = join(dir, 'hooks.mjs');
  await writeFile(hooks, `export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@journeyapps/sqlcipher')) {
    throw Object.assign(new Error("Cannot find package '@journeyapps/sqlcipher'"), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}
`);
  const register = join(dir, 'register.mjs');
  await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  env = { CUSTODIA_PASSPHRASE: 'una frase de paso larga 2026', NODE_OPTIONS: `--import=${pathToFileURL(register).href}` };
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('without the optional driver', () => {
  it('the hook really hides @journeyapps/sqlcipher', () => {
    const probe = runCli(cli, ['vault', 'init', '--vault', join(dir, 'probe.custodia'), '--user', 'ana'], { ...env, CUSTODIA_DB_DRIVER: 'journeyapps' });
    expect(probe.status).toBe(ERROR_CODES.E_DRIVER_MISSING);
    expect(probe.stderr).toMatch(/^error E_DRIVER_MISSING: the database driver "journeyapps" is not installed/);
    expect(probe.stderr).not.toMatch(/\n\s+at /);
  });

  it('creates, fills and verifies a vault on the default driver with an empty stderr', async () => {
    const path = join(dir, 'v.custodia');
    const init = runCli(cli, ['vault', 'init', '--vault', path, '--user', 'ana', '--organisation', 'Defensores del Tambopata'], env);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    const incident = join(dir, 'incident.json');
    await writeFile(incident, JSON.stringify({ occurredAt: '2026-10-02T18:30:00-05:00', place: 'Tambopata', channel: 'phone', riskLevel: 'high', type: 'threat', verbatim: 'te vamos a desaparecer' }));
    const c = runCli(cli, ['case', 'add', '--vault', path, '--user', 'ana', '--title', 'Amenazas km 108', '--json'], env);
    expect(c.stderr).toBe('');
    const add = runCli(cli, ['incident', 'add', '--vault', path, '--user', 'ana', '--case', String(c.json().id), '--file', incident], env);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const verify = runCli(cli, ['log', 'verify', '--vault', path, '--user', 'ana'], env);
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  }, 60_000);
});
