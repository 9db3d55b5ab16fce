// The report prints long commands over several lines; what a reader copies must still be the
// command VERIFY.md gives, and no line may wrap inside a word.
import { describe, expect, it } from 'vitest';
import { shellLines } from '../../main/dossier/report/pdf-layout';
import { VERIFY_COMMANDS } from '../../main/dossier/verify-guide';

describe('report command lines', () => {
  it.each(Object.values(VERIFY_COMMANDS))('%s fits and rejoins to the same command', (command) => {
    const printed = shellLines(command, 80);
    for (const line of printed.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(printed.replace(/ \\\n {4}/g, ' ')).toBe(command);
  });

  it('leaves a command with no option to break at as it is', () => {
    expect(shellLines('x'.repeat(120), 80)).toBe('x'.repeat(120));
  });
});
