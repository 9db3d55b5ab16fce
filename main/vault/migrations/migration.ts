import type { Database } from '../database';

/** One schema step. Never edited once released: a change is a new, higher-numbered migration. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): Promise<void>;
}
