// Applies numbered migrations, each in its own transaction together with its user_version bump.
import { CustodiaError } from '../../shared/errors/error-codes';
import type { Database } from './database';
import { migrations as all } from './migrations';
import type { Migration } from './migrations/migration';

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

export async function migrate(db: Database, migrations: readonly Migration[] = all): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new CustodiaError('E_INTERNAL', `migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = await schemaVersion(db);
  if (current > migrations.length) {
    throw new CustodiaError('E_VAULT_VERSION', `this vault has schema ${current}; this Custodia knows up to ${migrations.length}: update Custodia`);
  }
  for (const m of migrations.slice(current)) {
    await db.transaction(async (tx) => {
      await m.up(tx);
      await tx.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
  return migrations.length;
}
