// Verdicts a caseworker can trust, and a flow that only goes where the plan's rules apply:
// "Ikke relevant" everywhere is not a plain "Klar", "Opfyldt" with unticked elements is not
// "Klar", "Næste" skips what does not apply, and an unreadable record says it was set aside.
import { test, expect, openApp, createAssessment, expectAccessible } from './fixtures.mjs';

/** The krav that apply to a new Type 1 plan without an områdefornyelse. */
const KRAV = ['faelles-analyse', 'organisering-snitflader', 'udvikling-brobygning', 'forandringsstrategi', 'kompetenceudvikling',
  'borgerinddragelse', 'fysiske-tiltag', 'sekretariat', 'styregruppe-afklaring', 'halvaarlig-evaluering'];

async function openItem(page, id, item) {
  await page.goto(`#/vurdering/${id}/punkt/${item}`);
  await expect(page.locator('main h1')).toBeVisible();
}

test('every krav "Ikke relevant" with a reason is not a plain "Klar": the reasons must be accepted', async ({ page }) => {
  test.setTimeout(60_000);
  const id = await createAssessment(page, { name: 'Alt er irrelevant' });
  for (const item of KRAV) {
    await openItem(page, id, item);
    await page.locator('#status-not-relevant').check();
    await page.getByLabel('Hvorfor er punktet ikke relevant for jeres plan?').fill(`Vi mener ikke, at ${item} passer til os.`);
  }
  await page.goto(`#/vurdering/${id}/rapport`);
  // The level itself (rendered as data-level), not the wording: "Klar" never equals "✓ Klar",
  // and a missing or still-loading verdict must fail, not pass.
  const verdict = page.locator('.report .verdict');
  await expect(verdict).toHaveAttribute('data-level', 'ready-if-accepted');
  await expect(verdict).toHaveText('(✓) Klar, hvis kommunen godkender begrundelserne');
  await expect(page.locator('.report')).toContainText(`${KRAV.length} begrundelse`);
  await expect(page.locator('.report .reasons li')).toHaveCount(KRAV.length);
  await expect(page.locator('.report')).toContainText(/efter jeres egen vurdering/i);
  await expectAccessible(page, 'the report with reasons to accept');
  await page.goto(`#/vurdering/${id}/tjek`);
  await expect(page.locator('.verdict-panel .verdict')).toHaveAttribute('data-level', 'ready-if-accepted');
});

test('"Opfyldt" with an element left unticked is not "Klar"', async ({ page }) => {
  test.setTimeout(60_000);
  const id = await createAssessment(page, { name: 'Næsten alt' });
  for (const item of [...KRAV, 'styregruppe-sammensaetning']) {
    await openItem(page, id, item);
    await page.locator('#status-met').check();
  }
  await page.goto(`#/vurdering/${id}/tjek`);
  // Opfyldt with a required element unticked counts as partly met: "Næsten klar".
  await expect(page.locator('.verdict-panel .verdict')).toHaveAttribute('data-level', 'almost-ready');
  await expect(page.locator('.verdict-panel .verdict')).toHaveText('Næsten klar');
  await openItem(page, id, 'faelles-analyse');
  await expect(page.locator('#elements-warning')).toContainText('ikke krydset af');
});

test('"Næste" from K12 on a Type 1 plan goes to the check page, and items that do not apply stay folded', async ({ page }) => {
  const id = await createAssessment(page, { name: 'Type 1' });
  await openItem(page, id, 'halvaarlig-evaluering');
  await expect(page.locator('.caption')).toContainText('Punkt 11 af 11');
  await page.locator('.pager__next').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek jeres svar' })).toBeVisible();

  // F1 does not apply to Type 1: reachable from the overview, with its notice and a folded form.
  await page.goto(`#/vurdering/${id}/oversigt`);
  await page.getByRole('link', { name: /F1 / }).click();
  await expect(page.locator('.include-box')).toContainText('gælder punktet ikke');
  await expect(page.locator('#status-met')).toHaveCount(0);
  await page.getByLabel('Medtag punktet alligevel').check();
  await expect(page.locator('#status-met')).toBeVisible();
  await expectAccessible(page, 'an item that does not apply, included');
});

test('an assessment whose record could not be read says it was set aside, not that it does not exist', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => localStorage.setItem('helhedsplan-tjek:assessment:itu', '{"format":"helhedsplan-tjek.assessment"'));
  await page.goto('#/vurdering/itu/oversigt');
  await page.reload();
  await expect(page.locator('main h1')).toHaveText('Vurderingen kunne ikke læses');
  await expect(page.locator('main')).not.toContainText('Vurderingen findes ikke');
  await page.locator('main').getByRole('link', { name: 'Gå til Dine data' }).click();
  await expect(page.getByRole('heading', { name: 'Data, der ikke kunne læses' })).toBeVisible();
});

test('a file can be imported from the start page', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.source-note')).toContainText('2011–2014');
  const file = (await import('node:fs')).readFileSync('docs/example-export.json');
  await page.getByLabel('Vælg en fil').setInputFiles({ name: 'eksport.json', mimeType: 'application/json', buffer: file });
  await expect(page.locator('#import-outcome')).toContainText('er importeret');
  await expect(page.locator('.saved-item')).toHaveCount(1);
});
