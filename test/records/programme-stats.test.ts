// The programme's numbers (issue 12 item 6): what an organisation reports to its funders, counted
// from the list index with no incident body read, and the same figures whatever path an incident
// took into the index (add, edit, bulk import, or the migration that backfilled an older vault).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../main/audit/verify-log';
import { importEvidence } from '../../main/evidence/import-evidence';
import { importIncidents } from '../../main/records/bulk-import';
import { addCase } from '../../main/records/cases';
import { addIncident, deleteIncident, editIncident } from '../../main/records/incidents';
import { medianOf, programmeStats } from '../../main/records/programme-stats';
import { migrate } from '../../main/vault/migrate';
import { INCIDENT, errorCode, tempVault, type TempVault } from '../vault/fixture';

let v: TempVault;
let caseId: number;
beforeEach(async () => {
  v = await tempVault();
  caseId = (await addCase(v.session, { title: 'Programa 2026' })).id;
});
afterEach(() => v.cleanup());

const madre = { country: 'PE', region: 'Madre de Dios' };
const INCIDENTS = [
  // Reported to the police 3 days later and to the prosecutor; measures asked and granted.
  { ...INCIDENT, occurredAt: '2026-08-10T22:30:00-05:00', placeDetail: madre, measuresRequested: 'garantías personales',
    reportedTo: [{ authority: 'prosecutor', on: '2026-08-20', status: 'filed' }, { authority: 'police', on: '2026-08-13', status: 'measures_granted' }] },
  // Reported to the police 7 days later; measures asked, not granted.
  { ...INCIDENT, occurredAt: '2026-09-01T09:00:00-05:00', placeDetail: madre, measuresRequested: 'patrullaje', reportedTo: [{ authority: 'police', on: '2026-09-08' }] },
  // Reported with no date: counted as reported, not in the median.
  { ...INCIDENT, occurredAt: '2026-09-15T09:00:00-05:00', placeDetail: { country: 'PE', region: 'Ucayali' }, reportedTo: [{ authority: 'protection_mechanism' }] },
  // Not reported, no place detail.
  { ...INCIDENT, occurredAt: '2026-10-02T18:00:00-05:00' },
];

describe("the programme's numbers", () => {
  it('counts by region, evidence, authority, days to complaint and measures; deleted incidents count for nothing', async () => {
    const ids = [];
    for (const i of INCIDENTS) ids.push((await addIncident(v.session, caseId, i)).id);
    const gone = await addIncident(v.session, caseId, { ...INCIDENTS[0], measuresRequested: 'x' });
    await deleteIncident(v.session, gone.id, 'duplicate');
    const file = join(v.dir, 'photo.bin');
    await writeFile(file, 'evidence bytes');
    await importEvidence(v.session, ids[1]!, file, { method: 'received', from: 'Defensora A' });
    const s = await programmeStats(v.session);
    expect(s).toMatchObject({
      total: 4, reported: 3, notReported: 1, withEvidence: 1, measuresRequested: 2, measuresGranted: 1,
      medianDaysToComplaint: 5, datedComplaints: 2, openCases: 1,
      byAuthority: [{ authority: 'police', count: 2 }, { authority: 'prosecutor', count: 1 }, { authority: 'protection_mechanism', count: 1 }],
      byRegion: [{ country: 'PE', region: 'Madre de Dios', count: 2 }, { country: null, region: null, count: 1 }, { country: 'PE', region: 'Ucayali', count: 1 }],
    });
    expect(s.byMonth.map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10']);
    // A period counts only what occurred in it.
    const september = await programmeStats(v.session, { from: '2026-09-01T00:00:00-05:00', to: '2026-09-30T23:59:59-05:00' });
    expect(september).toMatchObject({ total: 2, reported: 2, withEvidence: 1, medianDaysToComplaint: 7, byMonth: [{ month: '2026-09' }] });
    // An edit moves the incident's figures with it.
    await editIncident(v.session, ids[3]!, { ...INCIDENTS[3], reportedTo: [{ authority: 'ombudsman', on: '2026-10-03' }] });
    expect(await programmeStats(v.session)).toMatchObject({ reported: 4, medianDaysToComplaint: 3, datedComplaints: 3 });
  });

  it('an import fills the same figures as one-by-one adds', async () => {
    await importIncidents(v.session, caseId, INCIDENTS);
    expect(await programmeStats(v.session)).toMatchObject({ total: 4, reported: 3, measuresGranted: 1, medianDaysToComplaint: 5 });
  });

  it('a vault from before the figures gets them backfilled from its incidents, and log verify finds the index in step', async () => {
    for (const i of INCIDENTS) await addIncident(v.session, caseId, i);
    const db = v.session.db;
    await db.exec(`DROP INDEX incident_index_programme;
      ALTER TABLE incident_index DROP COLUMN country; ALTER TABLE incident_index DROP COLUMN region;
      ALTER TABLE incident_index DROP COLUMN days_to_report; ALTER TABLE incident_index DROP COLUMN authorities;
      ALTER TABLE incident_index DROP COLUMN measures_requested; ALTER TABLE incident_index DROP COLUMN measures_granted;
      PRAGMA user_version = 10;`);
    await migrate(db);
    expect(await programmeStats(v.session)).toMatchObject({ total: 4, reported: 3, measuresRequested: 2, measuresGranted: 1, medianDaysToComplaint: 5 });
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });

  it('a period that is no date is refused', async () => {
    expect(await errorCode(programmeStats(v.session, { from: 'last spring' }))).toBe('E_INVALID_INPUT');
  });
});

describe('medianOf', () => {
  it('takes the middle of a histogram, the mean of the two middles for an even count, null for none', () => {
    expect(medianOf([])).toBeNull();
    expect(medianOf([{ days: 9, n: 1 }, { days: 1, n: 1 }, { days: 4, n: 1 }])).toBe(4);
    expect(medianOf([{ days: 2, n: 2 }, { days: 10, n: 2 }])).toBe(6);
    expect(medianOf([{ days: 0, n: 5 }, { days: 30, n: 1 }])).toBe(0);
  });
});
