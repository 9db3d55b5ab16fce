// Every failure ends as `error E_CODE: message` on stderr and the exit code shared/errors/error-codes.ts assigns.
import { CommanderError } from 'commander';
import { CustodiaError, EXIT } from '../../shared/errors/error-codes';
import { isHelpOrVersion } from './program';

export function reportFailure(e: unknown): number {
  if (isHelpOrVersion(e)) return EXIT.ok;
  if (e instanceof CommanderError) {
    process.stderr.write(`error E_USAGE: ${e.message.replace(/^error: /, '')}\n`);
    return EXIT.usage;
  }
  if (e instanceof CustodiaError) {
    process.stderr.write(`error ${e.code}: ${e.message}\n`);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`error E_INTERNAL: ${message}\n`);
  return EXIT.internal;
}
