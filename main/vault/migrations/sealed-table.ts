// Triggers that refuse UPDATE and DELETE on a table whose rows are history: a bug cannot rewrite
// it; a direct SQL edit (which can drop the triggers) is what `log verify` catches.
export function sealedTableTriggers(table: string): string {
  return `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} rows are sealed'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} rows are sealed'); END;`;
}
