// Issue 9 item 6, threat T4 (the accused's lawyer asking "who saw it"): showing what identifies a
// person is a custody event. An incident's full content (names of the affected and witnesses) and
// an item's sealed metadata (GPS, owner) each append a `view` entry naming who read which
// version; list and search pages, which show pseudonymous summaries, append nothing. An edit may
// carry a reason, kept in the vault and committed to by hash, so the log package quotes no words.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exportLogPackage } from '../../main/audit/log-package';
import { verifyLog } from '../../main/audit/verify-log';
import { committedText, textCommitment } from '../../main/custody/committed-texts';
import { viewEvidenceMetadata } from '../../main/evidence/evidence-metadata';
import { incidentHistory } from '../../main/records/incident-history';
import { listIncidents, searchIncidents } from '../../main/records/incident-queries';
import { addIncident, editIncident } from '../../main/records/incidents';
import { showIncident } from '../../main/records/show-incident';
import { makeRichImage, tempDir } from '../media/fixtures';
import { code, entries, importFile, insiderSql, withIncident } from '../evidence/fixtures';
import { INCIDENT, tempVault, type TempVault } from '../vault/fixture';

let media: { dir: string; cleanup: () => void };
let jpeg: string;
beforeAll(async () => {
  media = tempDir();
  jpeg = await makeRichImage(media.dir, 'jpeg');
});
afterAll(() => media.cleanup());

let v: TempVault;
let incidentId: number;
beforeEach(async () => {
  v = await tempVault();
  incidentId = await withIncident(v.session);
});
afterEach(() => v.cleanup());

const views = async (subject: string) => (await entries(v.session, subject)).filter((e) => e.action === 'view');
const logLength = async () => (await v.session.db.get<{ n: number }>('SELECT count(*) AS n FROM custody_log'))?.n;

describe('T4: reads of what identifies people are custody events', () => {
  it('showing an incident appends a view naming the reader and the version shown; lists, search and history append nothing', async () => {
    await editIncident(v.session, incidentId, { ...INCIDENT, riskLevel: 'medium' });
    const before = await logLength();
    await listIncidents(v.session);
    await searchIncidents(v.session, 'Tambopata');
    await incidentHistory(v.session, incidentId);
    expect(await logLength()).toBe(before);

    const current = await showIncident(v.session, incidentId);
    const old = await showIncident(v.session, incidentId, { version: 1, purpose: 'comparing with the police report' });
    expect(current.shown.version).toBe(2);
    expect(old.shown.incident.riskLevel).toBe(INCIDENT.riskLevel);
    const seen = await views(`incident:${incidentId}`);
    expect(seen.map((e) => [e.actor, e.details.version, e.details.what])).toEqual([['ana', 2, 'incident'], ['ana', 1, 'incident']]);
    expect(seen[1]?.details.purposeSha256).toBe(textCommitment('comparing with the police report'));
    expect(await committedText(v.session.db, textCommitment('comparing with the police report'))).toBe('comparing with the police report');
    // Showing an old version must not read, to log verify, as the incident's content going back.
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });

  it('a version the incident never had is refused and logs nothing', async () => {
    const before = await logLength();
    expect(await code(showIncident(v.session, incidentId, { version: 9 }))).toBe('E_NOT_FOUND');
    expect(await logLength()).toBe(before);
  });

  it('showing an item\'s sealed metadata (GPS, device, author) appends a view; an item with none read shows nothing and logs nothing', async () => {
    const { id } = await importFile(v.session, incidentId, jpeg);
    const m = await viewEvidenceMetadata(v.session, id);
    expect(m.outcome).toBe('extracted');
    expect((await views(`evidence:${id}`)).map((e) => e.details)).toEqual([{ evidenceId: id, what: 'metadata' }]);

    const text = join(media.dir, 'note.txt');
    await writeFile(text, 'plain words');
    const plain = await importFile(v.session, incidentId, text);
    const before = await logLength();
    expect((await viewEvidenceMetadata(v.session, plain.id)).outcome).toBe('none');
    expect(await logLength()).toBe(before);
    expect((await verifyLog(v.session)).problems).toEqual([]);
  });

  it('an edit may carry a reason: kept in the vault, committed to by hash, checked by log verify, absent from the log package', async () => {
    const reason = 'corrected after Rosa Quispe called back';
    await editIncident(v.session, incidentId, { ...INCIDENT, riskLevel: 'low' }, { reason });
    const edit = (await entries(v.session, `incident:${incidentId}`)).find((e) => e.action === 'incident_edit');
    expect(edit?.details.reasonSha256).toBe(textCommitment(reason));
    expect((await verifyLog(v.session)).problems).toEqual([]);
    const out = join(v.dir, 'audit.json');
    await exportLogPackage(v.session, out);
    expect(await readFile(out, 'utf8')).not.toContain('Quispe');
    // The insider who deletes the words the edit committed to is caught.
    await insiderSql(v.session, `DELETE FROM custody_texts WHERE sha256 = '${textCommitment(reason)}'`);
    expect((await verifyLog(v.session)).problems.map((p) => p.code)).toContain('E_RECORD_MISSING');
  });

  it('a blank or overlong reason is refused and nothing is saved', async () => {
    for (const reason of ['   ', 'x'.repeat(5001)]) {
      expect(await code(editIncident(v.session, incidentId, { ...INCIDENT, riskLevel: 'low' }, { reason }))).toBe('E_INVALID_INPUT');
    }
    expect((await showIncident(v.session, incidentId)).detail.version).toBe(1);
  });
});

it('adding an incident is not a read', async () => {
  const before = await logLength();
  await addIncident(v.session, 1, INCIDENT);
  expect(await logLength()).toBe((before ?? 0) + 1);
});
