// Passphrases come from the environment (scripts, tests) or from a prompt that does not echo.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { CustodiaError } from '../../shared/errors/error-codes';

export async function readPassphrase(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw new CustodiaError('E_USAGE', `no passphrase: set ${envName} or run in a terminal`);
  }
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
