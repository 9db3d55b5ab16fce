// The officer's steps, found the way a person finds them: by the Spanish labels on screen.
import { expect, type Page } from '@playwright/test';
import spanish from '../../../shared/i18n/es.json' with { type: 'json' };
import type { App } from './app-fixture';

/** Typed by its keys, so a label the tests look for must exist in the catalogue. */
export const es = spanish;
export const PASSPHRASE = 'río madre de dios 2026';

export async function createVault(app: App, label = 'Defensores Tambopata', user = 'ana'): Promise<void> {
  const { page } = app;
  app.answer('chooseVaultLocation', `${app.dir}/tambopata.custodia`);
  await page.getByRole('navigation', { name: es['unlock.modes'] }).getByRole('button', { name: es['unlock.mode.create'] }).click();
  await page.getByLabel(es['create.label'], { exact: true }).fill(label);
  await page.getByLabel(es['create.admin'], { exact: true }).fill(user);
  await page.getByLabel(es['create.passphrase'], { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(es['create.repeat'], { exact: true }).fill(PASSPHRASE);
  await page.locator('form').getByRole('button', { name: es['create.submit'] }).click();
  await expect(page.locator('.vault-label')).toHaveText(label);
}

export async function unlock(page: Page, user: string, passphrase: string): Promise<void> {
  await page.getByLabel(es['unlock.user'], { exact: true }).fill(user);
  await page.getByLabel(es['unlock.passphrase'], { exact: true }).fill(passphrase);
  await page.locator('form').getByRole('button', { name: es['unlock.submit'], exact: true }).click();
}

export async function go(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: es['shell.sections'] }).getByRole('button', { name: section }).click();
}

export async function addCase(page: Page, title: string): Promise<void> {
  await go(page, es['nav.incidents']);
  await page.getByLabel(es['cases.new'], { exact: true }).fill(title);
  await page.getByRole('button', { name: es['cases.add'] }).click();
  await expect(page.getByRole('button', { name: new RegExp(title) })).toHaveAttribute('aria-pressed', 'true');
}

/** Opens a section of the incident form the short path leaves closed. */
export async function openSection(page: Page, title: string): Promise<void> {
  const section = page.locator('details.form-section', { has: page.locator('summary', { hasText: title }) });
  if (!(await section.evaluate((d: HTMLDetailsElement) => d.open))) await section.locator('summary').click();
}

export async function recordIncident(page: Page, o: { verbatim: string; place: string; withPeople?: boolean }): Promise<void> {
  await page.getByRole('button', { name: es['incidents.new'] }).click();
  await page.getByLabel(es['form.date'], { exact: true }).fill('02/10/2026');
  await page.getByLabel(es['form.time'], { exact: true }).fill('18:30');
  await page.getByLabel(es['form.offset'], { exact: true }).fill('-05:00');
  await page.getByLabel(es['form.place'], { exact: true }).fill(o.place);
  await page.getByLabel(es['form.channel'], { exact: true }).selectOption({ label: es['channel.phone'] });
  await page.getByLabel(es['form.type'], { exact: true }).selectOption({ label: es['type.threat'] });
  await page.getByLabel(es['form.verbatim'], { exact: true }).fill(o.verbatim);
  await page.getByLabel(es['form.perpetrators'], { exact: true }).fill('Dos hombres en moto, vinculados al campamento minero del km 108');
  await page.getByLabel(es['form.narrative'], { exact: true }).fill('Llamaron a su celular a las 18:30, después de la denuncia ante la fiscalía ambiental del 20 de setiembre.');
  await page.getByRole('radio', { name: es['risk.high'] }).check();
  if (o.withPeople) {
    await openSection(page, es['form.sectionPeople']);
    await page.getByRole('button', { name: es['form.addPerson'] }).click();
    const person = page.getByRole('group', { name: 'Persona 1' });
    await person.getByLabel(es['form.pseudonym'], { exact: true }).fill('Defensora A');
    await person.getByLabel(es['form.realName'], { exact: true }).fill('María Quispe Huamán');
    await person.getByLabel(es['form.personRole'], { exact: true }).fill('guardaparques');
    await openSection(page, es['form.sectionReports']);
    await page.getByRole('button', { name: es['form.addReport'] }).click();
    const report = page.getByRole('group', { name: 'Denuncia 1' });
    await report.getByLabel(es['form.reference'], { exact: true }).fill('Denuncia 1234-2026');
    await report.getByLabel(es['form.reportedOn'], { exact: true }).fill('03/10/2026');
  }
}
