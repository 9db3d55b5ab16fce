// E_INTERNAL (a fault in Custodia, not in the data) exits 70, never 1: exit 1 tells a script
// "something was found altered", and a crash must not be read as evidence of tampering.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportFailure } from '../../main/cli/report-failure';
import { CustodiaError, ERROR_CODES, EXIT } from '../../shared/errors/error-codes';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('E_INTERNAL has its own exit code', () => {
  it('an unexpected exception prints E_INTERNAL and exits 70', () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(reportFailure(new RangeError('Maximum call stack size exceeded'))).toBe(70);
    expect(err).toHaveBeenCalledWith('error E_INTERNAL: Maximum call stack size exceeded\n');
  });

  it('a CustodiaError with E_INTERNAL exits 70 as well; no other code shares it', () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(reportFailure(new CustodiaError('E_INTERNAL', 'report font missing'))).toBe(EXIT.internal);
    expect(Object.entries(ERROR_CODES).filter(([, exit]) => exit === EXIT.internal).map(([code]) => code)).toEqual(['E_INTERNAL']);
    expect(EXIT.internal).not.toBe(EXIT.integrity);
  });
});
