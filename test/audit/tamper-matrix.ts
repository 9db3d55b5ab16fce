// The tamper matrix (issue 10 item 2, threat T3): each case is one change an insider with the
// database key makes (triggers dropped, one transaction, foreign keys off), and the exact set of
// codes `log verify` must report, without and with a checkpoint kept outside the vault. Verify
// runs in a session opened after the change, as the next command would (SQLite and FTS5 cache
// some of what they read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/audit/verify-log';
import type { ErrorCode } from '../../shared/errors/error-codes';
import type { Database } from '../../main/vault/database';
import type { VaultSession } from '../../main/accounts/vault-session';
import type { Checkpoint } from '../../shared/custody/checkpoint';
import { buildTemplate, copyOf, type TamperTemplate } from './tamper-vault';

export type TamperOp = 'insert' | 'update' | 'delete' | 'swap';

export interface TamperCase {
  table: string;
  op: TamperOp;
  /** What the insider achieves, as the test's name. */
  what: string;
  sql: string;
  codes: ErrorCode[];
  /** Codes with the outside checkpoint, when they differ. */
  external?: ErrorCode[];
  /** Refused before verify can run: the next unlock itself finds the change (codes then lists that one code). */
  refusedAtOpen?: true;
}

/** Tables (or single operations on them) with no tamper case, and why none is needed. */
export interface TamperExemption { table: string; ops?: TamperOp[]; why: string }

/**
 * Swaps the given columns of the row matching `a` and the row matching `b`. The new values come
 * from a FROM subquery, which SQLite reads before it writes: a subquery in SET would see the
 * first row already changed and copy instead of swap.
 */
export function swapRows(table: string, columns: string[], a: string, b: string): string {
  const cols = columns.join(', ');
  return `UPDATE ${table} SET ${columns.map((c) => `${c} = s.${c}`).join(', ')}
    FROM (SELECT (SELECT rowid FROM ${table} WHERE ${b}) AS target, ${cols} FROM ${table} WHERE ${a}
      UNION ALL SELECT (SELECT rowid FROM ${table} WHERE ${a}), ${cols} FROM ${table} WHERE ${b}) AS s
    WHERE ${table}.rowid = s.target`;
}

/** Every trigger of the schema dropped and the change made, in one transaction. */
export async function insiderChange(db: Database, sql: string): Promise<void> {
  const triggers = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'trigger'");
  await db.exec('PRAGMA foreign_keys = OFF');
  await db.exec(`BEGIN IMMEDIATE; ${triggers.map((t) => `DROP TRIGGER "${t.name}";`).join(' ')} ${sql}; COMMIT;`);
  await db.exec('PRAGMA foreign_keys = ON');
}

export async function verifyCodes(session: VaultSession, external?: Checkpoint): Promise<string[]> {
  const report = await verifyLog(session, external ? { externalCheckpoint: external } : {});
  return [...new Set(report.problems.map((p) => p.code))].sort();
}

export function tamperMatrix(title: string, cases: readonly TamperCase[]): void {
  describe(`T3 tamper matrix: ${title}`, () => {
    let template: TamperTemplate;
    beforeAll(async () => {
      template = await buildTemplate();
    }, 60_000);
    afterAll(async () => template?.cleanup());

    for (const c of cases) {
      it(`T3: ${c.table} ${c.op}: ${c.what} → ${c.codes.join(', ')}`, async () => {
        const copy = await copyOf(template);
        try {
          await insiderChange(copy.session.db, c.sql);
          if (c.refusedAtOpen) {
            await expect(copy.reopen()).rejects.toMatchObject({ code: c.codes[0] });
            return;
          }
          await copy.reopen();
          expect(await verifyCodes(copy.session)).toEqual([...c.codes].sort());
          expect(await verifyCodes(copy.session, copy.checkpoint)).toEqual([...(c.external ?? c.codes)].sort());
        } finally {
          await copy.cleanup();
        }
      });
    }
  });
}
