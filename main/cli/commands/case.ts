// `custodia case add|list`.
import type { Command } from 'commander';
import { addCase, listCases } from '../../records/cases';
import { printResult } from '../output';
import { sessionCommand, withSession, type SessionOptions } from '../session-options';

export function registerCaseCommands(program: Command): void {
  const cases = program.command('case').description('cases: the files incidents are kept under');
  sessionCommand(cases.command('add').description('create a case'))
    .requiredOption('--title <text>', 'case title')
    .action(async (opts: SessionOptions & { title: string }) => {
      const { id } = await withSession(opts, (s) => addCase(s, { title: opts.title }));
      printResult(opts, { id }, () => `case ${id}`);
    });
  sessionCommand(cases.command('list').description('list cases'))
    .action(async (opts: SessionOptions) => {
      const list = await withSession(opts, (s) => listCases(s));
      printResult(opts, { cases: list }, () => list.map((c) => `${c.id}\t${c.title}\t${c.incidents} incident(s)${c.deleted ? '\tdeleted' : ''}`).join('\n'));
    });
}
