// The one reader of stored custody entries: every listing (timeline, log show, an item's history,
// proofs) reads through it, so a row an insider rewrote into something that is not an entry is
// refused with the entry's code instead of being shown half-read (T3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseStoredEntry } from '../../main/custody/stored-entry';
import { custodyEntries, custodyTimeline, entriesFor } from '../../main/custody/custody-queries';
import { readEntry } from '../../main/custody/prove';
import { addCase } from '../../main/records/cases';
import { errorCode, tempVault, type TempVault } from '../vault/fixture';
import { tamper } from '../audit/tamper-fixture';

let v: TempVault;
beforeAll(async () => {
  v = await tempVault();
  await addCase(v.session, { title: 'Caso A' });
  await addCase(v.session, { title: 'Caso B' });
});
afterAll(() => v.cleanup());

describe('parseStoredEntry', () => {
  it('reads a stored entry back exactly', async () => {
    const row = await v.session.db.get<{ entry: string }>('SELECT entry FROM custody_log WHERE seq = 1');
    const entry = parseStoredEntry(row!.entry);
    expect(JSON.parse(row!.entry)).toEqual(entry);
    expect(entry.seq).toBe(1);
  });

  it.each([
    ['not JSON', '{"seq":1,'],
    ['an array', '[]'],
    ['an unknown action', JSON.stringify({ seq: 1, at: 'x', actor: 'a', action: 'erase', subject: 's', details: {}, prev: '0'.repeat(64) })],
    ['an extra field', JSON.stringify({ seq: 1, at: 'x', actor: 'a', action: 'case_create', subject: 's', details: {}, prev: '0'.repeat(64), by: 'b' })],
    ['a bad prev', JSON.stringify({ seq: 1, at: 'x', actor: 'a', action: 'case_create', subject: 's', details: {}, prev: 'zz' })],
  ])('T3 refuses %s with E_ENTRY_HASH_MISMATCH', async (_, text) => {
    expect(await errorCode(Promise.resolve().then(() => parseStoredEntry(text)))).toBe('E_ENTRY_HASH_MISMATCH');
  });
});

describe('T3 listings over a rewritten entry row', () => {
  it('the whole-vault page, log show, the subject history and the proof reader all refuse it', async () => {
    const { seq } = (await v.session.db.get<{ seq: number }>("SELECT seq FROM custody_log WHERE subject = 'case:2'"))!;
    expect((await custodyEntries(v.session.db, { subject: 'case:2', fromSeq: 1, limit: 10 })).map((e) => e.seq)).toEqual([seq]);
    await tamper(v.session.db, `UPDATE custody_log SET entry = '{"seq":${seq}}' WHERE seq = ${seq}`);
    const db = v.session.db;
    expect(await errorCode(custodyTimeline(db, { scope: { kind: 'vault' }, offset: 0, limit: 100 }))).toBe('E_ENTRY_HASH_MISMATCH');
    expect(await errorCode(custodyEntries(db, { fromSeq: 1, limit: 100 }))).toBe('E_ENTRY_HASH_MISMATCH');
    expect(await errorCode(entriesFor(db, 'case:2'))).toBe('E_ENTRY_HASH_MISMATCH');
    expect(await errorCode(readEntry(db, seq))).toBe('E_ENTRY_HASH_MISMATCH');
    // Entries before it still read: the range is filtered in SQL.
    expect((await custodyEntries(db, { fromSeq: 1, limit: seq - 1 })).map((e) => e.seq)).toEqual(Array.from({ length: seq - 1 }, (_, i) => i + 1));
  });
});
