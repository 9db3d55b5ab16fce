// `custodia case add|list|close|reopen`.
import type { Command } from 'commander';
import type { CaseStatus } from '../../../shared/vocabulary/case-status';
import { addCase, listCases, setCaseStatus } from '../../records/cases';
import { openCaseCount } from '../../records/dashboard-stats';
import { printResult } from '../output';
import { positiveInt, sessionCommand, withSession, type SessionOptions } from '../session-options';

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
      const flags = (c: (typeof list)[number]) => `${c.status === 'closed' ? '\tclosed' : ''}${c.deleted ? '\tdeleted' : ''}`;
      printResult(opts, { cases: list, openCases: openCaseCount(list) }, () => list.map((c) => `${c.id}\t${c.title}\t${c.incidents} incident(s)${flags(c)}`).join('\n'));
    });
  const statusCommand = (name: 'close' | 'reopen', status: CaseStatus, what: string): void => {
    sessionCommand(cases.command(name).description(what))
      .requiredOption('--id <id>', 'case', positiveInt)
      .action(async (opts: SessionOptions & { id: number }) => {
        const r = await withSession(opts, (s) => setCaseStatus(s, opts.id, status));
        printResult(opts, r, () => `case ${r.id} ${r.status}`);
      });
  };
  statusCommand('close', 'closed', 'close a case (custody-logged; it can be reopened)');
  statusCommand('reopen', 'open', 'reopen a closed case (custody-logged)');
}
