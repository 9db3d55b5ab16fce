// An incident recorded with every field of the design's interchange example (as the CLI or a
// bulk import records it) is edited in the app in one field; the vault and the dossier then
// carry every other field unchanged (issue 12: editing used to drop witnesses, the end time,
// the place hierarchy, consent details and the authorities' responses).
import { execFileSync } from 'node:child_process';
import { expect, test } from './harness/app-fixture';
import designExample from './harness/design-incident.json' with { type: 'json' };
import { createVault, es, go } from './harness/steps';
import { pseudonymise } from '../../shared/dossier/pseudonymise';
import { incidentSchema, type Incident } from '../../shared/incident/incident-schema';
import type { RecipientKind } from '../../shared/dossier/dossier-types';
import type { Language } from '../../shared/vocabulary/languages';

/** data/dossier.json of a dossier ZIP, read with python's zipfile (an independent tool). */
function dossierJson(zip: string): { namesShown: boolean; language: Language; recipient: { kind: RecipientKind }; incidents: { incident: Incident }[] } {
  return JSON.parse(execFileSync('python3', ['-c', `
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    name = next(n for n in z.namelist() if n.endswith('data/dossier.json'))
    sys.stdout.write(z.read(name).decode('utf-8'))
`, zip], { encoding: 'utf8' })) as ReturnType<typeof dossierJson>;
}

const EDITED_NARRATIVE = 'Relato cronológico corregido: la llamada entró a las 18:30 y duró media hora.';

test('an incident with every field, edited in one field in the app, keeps every other field in the vault and the dossier', async ({ app }) => {
  const { page } = app;
  const stored = incidentSchema.parse(designExample);
  await createVault(app);
  const caseId = ((await app.dispatch('cases.add', { title: 'Amenazas en la Interoceánica' })).value as { id: number }).id;
  const added = await app.dispatch('incidents.add', { caseId, incident: stored });
  expect(added.error).toBeUndefined();
  const incidentId = (added.value as { id: number }).id;

  await go(page, es['nav.incidents']);
  await page.getByRole('button', { name: /Amenazas en la Interoceánica/ }).click();
  await page.locator('.row-button').first().click();
  // The incident screen shows what was recorded, not only the short path.
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('Testigo 1');
  await expect(facts).toContainText('-12.59, -69.19');
  await expect(facts).toContainText('urgent protection measures');
  await expect(facts).toContainText('03/10/2026');
  await expect(facts).toContainText(es['reportStatus.filed']);
  await expect(facts).toContainText('Inambari');
  await expect(facts).toContainText(es['actorType.illegal_economy']);
  // Names stay in the form; the screen shows pseudonyms, as exports do.
  await expect(facts).not.toContainText('Real Name');

  await page.getByRole('button', { name: es['incident.edit'] }).click();
  // Sections that hold data open by themselves; the dates read day first.
  await expect(page.getByLabel(es['form.date'], { exact: true })).toHaveValue('02/10/2026');
  await expect(page.getByRole('group', { name: 'Testigo 1' }).getByLabel(es['form.pseudonym'], { exact: true })).toHaveValue('Testigo 1');
  await expect(page.getByRole('group', { name: 'Denuncia 1' }).getByLabel(es['form.reportedOn'], { exact: true })).toHaveValue('03/10/2026');
  await expect(page.getByLabel(es['place.district'], { exact: true })).toHaveValue('Inambari');
  await page.getByLabel(es['form.narrative'], { exact: true }).fill(EDITED_NARRATIVE);
  await page.getByRole('button', { name: es['form.save'] }).click();
  await expect(page.getByText('versión 2', { exact: true })).toBeVisible();

  // In the vault: the design's example byte for byte, but for the one field edited.
  const expected: Incident = { ...stored, narrative: EDITED_NARRATIVE };
  const saved = (await app.dispatch('incidents.get', { id: incidentId })).value as { incident: Incident };
  expect(JSON.stringify(saved.incident)).toBe(JSON.stringify(expected));

  await go(page, es['nav.dossier']);
  await page.getByRole('checkbox', { name: /Comunidad nativa X/ }).check();
  await page.getByLabel(es['dossier.recipient'], { exact: true }).selectOption({ label: es['recipient.prosecutor'] });
  await page.getByLabel(es['dossier.purpose'], { exact: true }).fill('Denuncia penal por amenazas (art. 151 CP)');
  await page.getByRole('button', { name: es['dossier.check'] }).click();
  await expect(page.getByRole('status')).toBeVisible();
  for (const accept of await page.getByLabel(es['dossier.acceptFinding']).all()) await accept.check();
  const out = `${app.dir}/dossier-interoceanica.zip`;
  app.answer('chooseDossierDestination', out);
  await page.getByRole('button', { name: es['dossier.export'] }).click();
  await expect(page.getByText(es['dossier.written'])).toBeVisible();

  // In the dossier: what the export's own pseudonymisation makes of the edited incident, every
  // field included; the fields it carries verbatim are named too, so a failure says which.
  const dossier = dossierJson(out);
  expect(dossier.incidents).toHaveLength(1);
  const exported = dossier.incidents[0]!.incident;
  const opts = { showNames: dossier.namesShown, recipient: dossier.recipient.kind, language: dossier.language };
  expect(exported).toStrictEqual(pseudonymise(expected, opts).incident);
  expect(exported.narrative).toBe(EDITED_NARRATIVE);
  expect(exported.occurredUntil).toBe(stored.occurredUntil);
  expect(exported.placeDetail).toStrictEqual(stored.placeDetail);
  expect(exported.coordinates).toStrictEqual(stored.coordinates);
  expect(exported.perpetratorDetails).toStrictEqual(stored.perpetratorDetails);
  expect(exported.linkToDefenceWork).toBe(stored.linkToDefenceWork);
  expect(exported.measuresRequested).toBe(stored.measuresRequested);
  expect(exported.witnesses?.map((w) => [w.pseudonym, w.willingToTestify])).toStrictEqual([['Testigo 1', true]]);
  expect(exported.affected?.[0]?.consent).toStrictEqual(stored.affected?.[0]?.consent);
  expect(exported.reportedTo).toStrictEqual(stored.reportedTo);
  expect(exported.notReportedReason).toBeNull();
});
