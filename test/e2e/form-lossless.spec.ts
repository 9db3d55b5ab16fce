// An incident recorded with every field of the design's interchange example (as the CLI or a
// bulk import records it) is edited in the app in one field; the vault and the dossier then
// carry every other field unchanged (issue 12: editing used to drop witnesses, the end time,
// the place hierarchy, consent details and the authorities' responses).
import { execFileSync } from 'node:child_process';
import { expect, test } from './harness/app-fixture';
import designExample from './harness/design-incident.json' with { type: 'json' };
import type { Locator, Page } from '@playwright/test';
import portuguese from '../../shared/i18n/pt.json' with { type: 'json' };
import { createVault, es, go, openSection } from './harness/steps';
import { pseudonymise } from '../../shared/dossier/pseudonymise';
import { incidentSchema, type Incident } from '../../shared/incident/incident-schema';
import type { RecipientKind } from '../../shared/dossier/dossier-types';
import type { Language } from '../../shared/vocabulary/languages';
import type { ExportProtection } from '../../shared/dossier/export-protection';

/** data/dossier.json of a dossier ZIP, read with python's zipfile (an independent tool). */
function dossierJson(zip: string): { namesShown: boolean; language: Language; recipient: { kind: RecipientKind }; incidents: { incident: Incident }[]; protection: ExportProtection } {
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
  // The protections the export recorded (the prosecutor's defaults: no contacts or notes, staff by role); ana is the vault's admin.
  const opts = { showNames: dossier.namesShown, recipient: dossier.recipient.kind, language: dossier.language, protection: dossier.protection, staff: { ana: 'admin' as const } };
  expect(exported).toStrictEqual(pseudonymise(expected, opts).incident);
  expect(exported.narrative).toBe(EDITED_NARRATIVE);
  expect(exported.occurredUntil).toBe(stored.occurredUntil);
  expect(exported.placeDetail).toStrictEqual(stored.placeDetail);
  expect(exported.coordinates).toStrictEqual(stored.coordinates);
  expect(exported.perpetratorDetails).toStrictEqual(stored.perpetratorDetails);
  expect(exported.linkToDefenceWork).toBe(stored.linkToDefenceWork);
  expect(exported.measuresRequested).toBe(stored.measuresRequested);
  expect(exported.witnesses?.map((w) => [w.pseudonym, w.willingToTestify])).toStrictEqual([['Testigo 1', true]]);
  expect(exported.affected?.[0]?.consent).toStrictEqual({ ...stored.affected?.[0]?.consent, obtainedBy: 'administración' });
  expect(exported.reportedTo).toStrictEqual(stored.reportedTo);
  expect(exported.notReportedReason).toBeNull();
});

/** Each language with an organisation whose zone is not the computer's (America/Lima here). */
const OFFICERS = [
  { lang: 'pt', where: 'Brazil', zone: 'America/Sao_Paulo', offset: '-03:00' },
  { lang: 'es', where: 'Mexico', zone: 'America/Mexico_City', offset: '-06:00' },
] as const;

for (const { lang, where, zone, offset } of OFFICERS) test(`an officer in ${where} fills every section of the form in ${lang}, dates typed and shown as dd/mm/aaaa, times in the organisation's zone`, async ({ app }) => {
  const { page } = app;
  // Typed by the Spanish keys, which every catalogue has.
  const pt: typeof es = lang === 'pt' ? portuguese : es;
  const nth = (key: keyof typeof pt) => pt[key].replace('{n}', '1');
  await createVault(app);
  await go(page, es['nav.settings']);
  await page.getByLabel(es['settings.language'], { exact: true }).selectOption(lang);
  await page.getByLabel(pt['settings.timeZone'], { exact: true }).selectOption(zone);
  const caseId = ((await app.dispatch('cases.add', { title: 'Ameaças em Altamira' })).value as { id: number }).id;
  // Two earlier months, for the dashboard's axis.
  for (const [at, risk] of [[`2026-07-10T10:00:00${offset}`, 'low'], [`2026-08-20T10:00:00${offset}`, 'medium'], [`2026-08-21T10:00:00${offset}`, 'high']] as const) {
    await app.dispatch('incidents.add', { caseId, incident: { occurredAt: at, place: 'Altamira', channel: 'in_person', verbatim: '', riskLevel: risk, type: 'harassment' } });
  }

  await page.getByRole('navigation', { name: pt['shell.sections'] }).getByRole('button', { name: pt['nav.incidents'] }).click();
  await page.getByRole('button', { name: /Ameaças em Altamira/ }).click();
  await page.getByRole('button', { name: pt['incidents.new'] }).click();
  const label = (key: keyof typeof pt, scope: Page | Locator = page) => scope.getByLabel(pt[key], { exact: true });
  // A select inside its label: the label's text holds the options too, so find it by its name.
  const choice = (key: keyof typeof pt, scope: Locator) => scope.getByRole('combobox', { name: pt[key], exact: true });
  // The offset comes from the organisation's time zone, not from the computer's (America/Lima here).
  await expect(label('form.offset')).toHaveValue(offset);
  await label('form.date').fill('15/09/2026');
  await label('form.time').fill('07:45');
  await label('form.place').fill('Reserva Extrativista Riozinho do Anfrísio, Altamira, Pará');
  await label('form.channel').selectOption({ label: pt['channel.in_person'] });
  await label('form.type').selectOption({ label: pt['type.threat'] });
  await label('form.verbatim').fill('Se continuar denunciando, você não volta pra casa');
  await label('form.perpetrators').fill('Dois homens numa caminhonete prata');
  await label('form.narrative').fill('Abordaram a liderança na estrada da reserva.');
  await page.getByRole('radio', { name: pt['risk.high'] }).check();

  await openSection(page, pt['form.sectionTime']);
  await label('form.untilDate').fill('15/09/2026');
  await label('form.untilTime').fill('08:10');
  await label('form.precision').selectOption({ label: pt['precision.hour'] });
  await openSection(page, pt['form.sectionPlace']);
  await label('place.country').fill('br');
  await label('place.region').fill('Pará');
  await label('place.province').fill('Altamira');
  await label('place.site').fill('km 40 da estrada da reserva');
  await openSection(page, pt['form.sectionPerpetrators']);
  await page.getByRole('button', { name: pt['form.addPerpetrator'] }).click();
  const perpetrator = page.getByRole('group', { name: nth('form.perpetratorN') });
  await choice('form.actorType', perpetrator).selectOption({ label: pt['actorType.illegal_economy'] });
  await label('form.affiliation', perpetrator).fill('grilagem de terras');
  await label('form.perpetratorDescription', perpetrator).fill('motorista de boné vermelho');
  await openSection(page, pt['form.sectionDefence']);
  await label('form.linkToDefenceWork').fill('Denunciou a grilagem ao MPF em 01/09/2026.');
  await label('form.measuresRequested').fill('inclusão no programa de proteção (PPDDH)');
  await openSection(page, pt['form.sectionPeople']);
  await page.getByRole('button', { name: pt['form.addPerson'] }).click();
  const person = page.getByRole('group', { name: nth('form.personN') });
  await label('form.pseudonym', person).fill('Liderança A');
  await label('form.realName', person).fill('Raimunda Souza');
  await label('form.consentObtainedOn', person).fill('16/09/2026');
  await label('form.consentObtainedBy', person).fill('ana');
  await page.getByRole('button', { name: pt['form.addWitness'] }).click();
  const witness = page.getByRole('group', { name: nth('form.witnessN') });
  await label('form.pseudonym', witness).fill('Testemunha do barco');
  await choice('form.willingToTestify', witness).selectOption({ label: pt['form.willingYes'] });
  await openSection(page, pt['form.sectionReports']);
  await page.getByRole('button', { name: pt['form.addReport'] }).click();
  const report = page.getByRole('group', { name: nth('form.reportN') });
  await choice('form.authority', report).selectOption({ label: pt['authority.prosecutor'] });
  await label('form.reference', report).fill('NF 1.23.000.000456/2026-11');
  await label('form.reportedOn', report).fill('17/09/2026');
  await choice('form.status', report).selectOption({ label: pt['reportStatus.acknowledged'] });
  await label('form.responseOn', report).fill('20/09/2026');
  await label('form.response', report).fill('Instaurada notícia de fato.');
  // A date that names no day is refused by name, not saved.
  await label('form.consentObtainedOn', person).fill('31/02/2026');
  await page.getByRole('button', { name: pt['form.save'] }).click();
  await expect(page.getByRole('alert')).toContainText(pt['field.affected']);
  await label('form.consentObtainedOn', person).fill('16/09/2026');
  await page.getByRole('button', { name: pt['form.save'] }).click();
  await expect(page.getByRole('button', { name: pt['incident.edit'] })).toBeVisible();

  const list = (await app.dispatch('incidents.list', { caseId })).value as { items: { id: number; place: string }[] };
  const id = list.items.find((i) => i.place.startsWith('Reserva'))!.id;
  const saved = ((await app.dispatch('incidents.get', { id })).value as { incident: Incident }).incident;
  expect(saved).toStrictEqual({
    occurredAt: `2026-09-15T07:45:00${offset}`,
    occurredUntil: `2026-09-15T08:10:00${offset}`,
    precision: 'hour',
    place: 'Reserva Extrativista Riozinho do Anfrísio, Altamira, Pará',
    placeDetail: { country: 'BR', region: 'Pará', province: 'Altamira', site: 'km 40 da estrada da reserva' },
    channel: 'in_person',
    perpetrators: 'Dois homens numa caminhonete prata',
    perpetratorDetails: [{ description: 'motorista de boné vermelho', actorType: 'illegal_economy', affiliation: 'grilagem de terras' }],
    verbatim: 'Se continuar denunciando, você não volta pra casa',
    narrative: 'Abordaram a liderança na estrada da reserva.',
    linkToDefenceWork: 'Denunciou a grilagem ao MPF em 01/09/2026.',
    riskLevel: 'high',
    type: 'threat',
    affected: [{ pseudonym: 'Liderança A', name: 'Raimunda Souza', consent: { toFile: true, toNameToState: false, toPublicReport: false, obtainedOn: '2026-09-16', obtainedBy: 'ana' } }],
    witnesses: [{ pseudonym: 'Testemunha do barco', willingToTestify: true }],
    reportedTo: [{ authority: 'prosecutor', reference: 'NF 1.23.000.000456/2026-11', on: '2026-09-17', status: 'acknowledged', response: 'Instaurada notícia de fato.', responseOn: '2026-09-20' }],
    measuresRequested: 'inclusão no programa de proteção (PPDDH)',
  });
  // Shown day first, and at 07:45 in the organisation's zone although the computer is in Lima.
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('17/09/2026');
  await expect(facts).toContainText('20/09/2026');
  await expect(facts).toContainText('16/09/2026');
  await expect(facts).toContainText('15/09/2026, 08:10');
  await expect(page.locator('.pane-head h2')).toContainText(/\b0?7:45\b/);
  await expect(facts).toContainText('Testemunha do barco');
  await expect(facts).not.toContainText('Raimunda Souza');

  // The dashboard names its months and writes the value on each column.
  await page.getByRole('navigation', { name: pt['shell.sections'] }).getByRole('button', { name: pt['nav.dashboard'] }).click();
  const chart = page.locator('figure.chart').first();
  const monthName = (m: string) => new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(new Date(`2026-${m}-15T12:00:00Z`));
  for (const month of ['07', '08', '09']) await expect(chart.locator('text.tick', { hasText: monthName(month) })).toHaveCount(1);
  await expect(chart.locator('text.value')).toHaveText(['1', '2', '1']);
  await expect(chart.locator('text.tick', { hasText: /^2$/ })).toHaveCount(1);
});
