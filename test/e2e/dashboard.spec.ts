// The programme's numbers as a coordinator reads them for a funder (issue 12 item 6): three
// incidents of different months, complaints to two authorities, measures requested and granted;
// the dashboard shows the shares, the median delay, the tables by authority and by region, a
// period narrows them, and a figure saved as CSV holds counts and places, never a person.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INCIDENT } from '../vault/fixture';
import { expect, test } from './harness/app-fixture';
import { SCREENSHOTS } from './harness/paths';
import { addCase, createVault, es, go } from './harness/steps';

const INCIDENTS = [
  { ...INCIDENT, occurredAt: '2026-08-10T22:30:00-05:00', placeDetail: { country: 'PE', region: 'Madre de Dios' }, riskLevel: 'high', measuresRequested: 'garantías personales',
    affected: [{ name: 'Rosa Quispe Mamani', pseudonym: 'Defensora A' }],
    reportedTo: [{ authority: 'police', on: '2026-08-13', status: 'measures_granted' }, { authority: 'prosecutor', on: '2026-08-20' }] },
  { ...INCIDENT, occurredAt: '2026-09-01T09:00:00-05:00', placeDetail: { country: 'PE', region: 'Madre de Dios' }, riskLevel: 'medium', type: 'surveillance',
    reportedTo: [{ authority: 'police', on: '2026-09-08' }] },
  { ...INCIDENT, occurredAt: '2026-10-02T18:00:00-05:00', placeDetail: { country: 'PE', region: 'Ucayali' }, riskLevel: 'low' },
];

test("the programme's figures for three months, narrowed to a period, one saved as CSV", async ({ app }) => {
  const { page } = app;
  await createVault(app);
  await addCase(page, 'Programa 2026');
  for (const incident of INCIDENTS) expect((await app.dispatch('incidents.add', { caseId: 1, incident })).ok).toBe(true);
  await go(page, es['nav.incidents']);
  await go(page, es['nav.dashboard']);

  const figures = page.locator('.figures');
  await expect(page.locator('.tile-value').first()).toHaveText('3');
  await expect(figures.getByText(es['programme.reported']).locator('..')).toContainText('67 %');
  await expect(figures.getByText(es['programme.medianDays']).locator('..')).toContainText('5 días');
  await expect(figures.getByText(es['programme.measuresGranted']).locator('..')).toContainText('1');
  const byAuthority = page.getByRole('table', { name: es['programme.byAuthority'] });
  await expect(byAuthority.getByRole('row', { name: `${es['authority.police']} 2` })).toBeVisible();
  await expect(byAuthority.getByRole('row', { name: `${es['authority.prosecutor']} 1` })).toBeVisible();
  const byRegion = page.getByRole('table', { name: es['programme.byRegion'] });
  await expect(byRegion.getByRole('row', { name: /Madre de Dios 2/ })).toBeVisible();
  // The month axis names its months and each column carries its value.
  await expect(page.locator('.chart').first()).toContainText('ago');
  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: `${SCREENSHOTS}/06-dashboard.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 860 });

  // September only: one incident, reported, seven days to its complaint.
  await page.getByLabel(es['filters.from'], { exact: true }).fill('01/09/2026');
  await page.getByLabel(es['filters.to'], { exact: true }).fill('30/09/2026');
  await expect(page.locator('.tile-value').first()).toHaveText('1');
  await expect(figures.getByText(es['programme.medianDays']).locator('..')).toContainText('7 días');

  const out = join(app.dir, 'por-region.csv');
  app.answer('chooseCsvDestination', out);
  await page.getByRole('button', { name: es['programme.saveCsv'].replace('{table}', es['programme.byRegion']) }).click();
  await expect(page.getByText(es['programme.saved'].replace('{location}', out))).toBeVisible();
  const csv = readFileSync(out, 'utf8');
  expect(csv).toBe('country,region,incidents\r\nPE,Madre de Dios,1\r\n');
  expect(csv).not.toMatch(/Rosa|Quispe|Defensora/);
});
