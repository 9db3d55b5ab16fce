// A table cannot be added unguarded (issue 10 item 2): every table of a new vault's schema,
// FTS5's shadow tables included, must have a tamper case for each operation or an exemption
// that says why none is needed; and every case must name a table that exists.
import { describe, expect, it } from 'vitest';
import type { TamperCase, TamperExemption, TamperOp } from './tamper-matrix';
import { RECORD_CASES } from './tamper-cases-records';
import { EVIDENCE_CASES } from './tamper-cases-evidence';
import { LOG_CASES } from './tamper-cases-log';
import { DERIVED_CASES, DERIVED_EXEMPTIONS } from './tamper-cases-derived';
import { ATTACK_CASES } from './tamper-cases-attacks';
import { tempVault } from '../vault/fixture';

const OPS: TamperOp[] = ['insert', 'update', 'delete', 'swap'];
const CASES: TamperCase[] = [...RECORD_CASES, ...EVIDENCE_CASES, ...LOG_CASES, ...DERIVED_CASES, ...ATTACK_CASES];

const EXEMPTIONS: TamperExemption[] = [
  ...DERIVED_EXEMPTIONS,
  { table: 'pending_files', why: 'bookkeeping of plaintext files being written outside the vault, not a record: a row lives for one write and holds no content; what it may do at the next open is main/vault/pending-files.ts\'s to check' },
];

describe('T3: every table of the schema has tamper cases', () => {
  it('has a case or a justified exemption for each table and operation, and no case for a table that does not exist', async () => {
    const v = await tempVault();
    try {
      const rows = await v.session.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
      const tables = rows.map((r) => r.name);
      expect(tables).toContain('incident_search_data');
      const missing: string[] = [];
      for (const table of tables) {
        for (const op of OPS) {
          const covered = CASES.some((c) => c.table === table && c.op === op)
            || EXEMPTIONS.some((e) => e.table === table && (e.ops === undefined || e.ops.includes(op)) && e.why.length > 20);
          if (!covered) missing.push(`${table} ${op}`);
        }
      }
      expect(missing).toEqual([]);
      const unknown = [...CASES, ...EXEMPTIONS].map((c) => c.table).filter((t) => !tables.includes(t));
      expect(unknown).toEqual([]);
    } finally {
      await v.cleanup();
    }
  });
});
