import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appUrl, openApp, useBrowser } from './browser';
import { details, expectViewsAgree, network, TOTAL } from './helpers';
import { generateSynthetic } from '../../scripts/generate-synthetic';
import type { Dataset } from '../../src/domain/schema';
import { importSummary, importText } from '../../src/domain/import/pipeline';

const browser = useBrowser();
const QUIRKS = 'tests/fixtures/import/meetings-quirks.csv';
const ICEWS = 'tests/fixtures/import/icews-sample.tab';

const fileInput = (page: Page) => page.getByLabel('Dataset file (JSON, CSV or TSV)');
const notice = (page: Page, text: RegExp) => page.getByRole('list', { name: 'Notices' }).getByRole('listitem').filter({ hasText: text });

/** Serves a fixture same-origin, as a dataset a link names with ?data=. */
async function serveFixture(page: Page, path: string, as: string) {
  await page.route(`**/${as}`, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: readFileSync(path) }));
}

describe('import', () => {
  it('a meetings sheet with quirks: the bad row is listed, the rest loads; a bad file after it keeps the view; a reload keeps it', async () => {
    const { page, context, errors } = await openApp(browser());
    await expectViewsAgree(page, TOTAL);
    await fileInput(page).setInputFiles(QUIRKS);
    const dialog = page.getByRole('dialog', { name: /Some rows of meetings-quirks\.csv cannot be read/ });
    await dialog.waitFor();
    expect(await dialog.getByRole('table', { name: 'Rows that will not load' }).textContent()).toContain('2021-02-30');
    expect(await dialog.textContent()).toContain('5 rows became 4 meetings; 1 row was skipped; columns ignored: \u2068Notes\u2069');
    await dialog.getByRole('button', { name: 'Load the other 4 meetings' }).click();
    await expectViewsAgree(page, 4);
    expect(await notice(page, /5 rows became 4 meetings/).textContent()).toContain('Row 5, \u2068Date\u2069 "\u20682021-02-30\u2069"');
    expect(await network(page).getByRole('button', { name: 'علی اصغر خاجی', exact: true }).count()).toBe(1);

    // A file that cannot be read at all: the view stays, a notice says why.
    await fileInput(page).setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('date,participants\n2020-13,A;B\n') });
    await notice(page, /broken\.csv/).waitFor();
    expect(await notice(page, /broken\.csv/).textContent()).toMatch(/no row could be read.*Row 2, \u2068date\u2069 "\u20682020-13\u2069"/);
    await expectViewsAgree(page, 4);

    // A reload keeps the file (IndexedDB); the Datasets menu lists it with its size.
    await page.reload();
    await expectViewsAgree(page, 4);
    await page.getByRole('button', { name: 'Datasets' }).click();
    const menu = page.getByRole('region', { name: 'Datasets' });
    await menu.getByText(/meetings-quirks\.csv/).waitFor();
    expect(await menu.textContent()).toMatch(/4 meetings, \d+ bytes/);
    expect(await menu.textContent()).toContain('never a file from your computer');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an ICEWS event file merges the rows of one sentence into one contact', async () => {
    const { page, context, errors } = await openApp(browser());
    await expectViewsAgree(page, TOTAL);
    await fileInput(page).setInputFiles(ICEWS);
    const dialog = page.getByRole('dialog', { name: /icews-sample\.tab/ });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('9 rows became 3 meetings; 2 rows were skipped; 2 non-contact events left out');
    await dialog.getByRole('button', { name: 'Load the other 3 meetings' }).click();
    await expectViewsAgree(page, 3);
    // Kept in IndexedDB once this tab records it as shown: a new address in the same tab then reopens it.
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('parley:local-dataset'))).toMatch(/icews-sample/);
    await page.goto(page.url() + (page.url().includes('?') ? '&' : '?') + 'select=meeting:icews-100-2');
    await expectViewsAgree(page, 3);
    const details = page.getByRole('complementary', { name: 'Details' });
    await details.getByText('Host a visit', { exact: false }).first().waitFor();
    expect(await details.textContent()).toMatch(/ICEWS story 100.*sentence 2; event 1, 2/);
    expect(await details.textContent()).toContain('(33.5102, 36.29128)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the same files through ?data= load with a notice of what was skipped', async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 950 } });
    const page = await context.newPage();
    await serveFixture(page, QUIRKS, 'linked/meetings-quirks.csv');
    await serveFixture(page, ICEWS, 'linked/icews-sample.tab');
    await page.goto(appUrl('data=linked/meetings-quirks.csv'));
    await expectViewsAgree(page, 4);
    expect(await notice(page, /meetings-quirks\.csv/).textContent()).toMatch(/5 rows became 4 meetings.*Row 5, \u2068Date\u2069 "\u20682021-02-30\u2069"/);
    await notice(page, /meetings-quirks\.csv/).getByRole('button', { name: 'Dismiss notice' }).click();
    await page.goto(appUrl('data=linked/icews-sample.tab'));
    await expectViewsAgree(page, 3);
    expect(await notice(page, /icews-sample\.tab/).textContent()).toMatch(/9 rows became 3 meetings.*Row 9, \u2068Event Date\u2069 "\u20682021-02-30\u2069".*Row 10, \u2068Source Country\u2069 "\u2068Atlantis\u2069"/);
    await context.close();
  });

  // Over SPLIT_MIN_BYTES: read in two parts, one in a helper worker (or whole, if the helper cannot start: the same outcome).
  it('a large event file through ?data= gives the meetings of reading it whole, and names bad rows on either side of the cut', async () => {
    const lines = readFileSync(ICEWS, 'utf8').trimEnd().split('\n');
    const good = lines.slice(1, 8);
    const [badDate, badCountry] = [lines[8]!, lines[9]!];
    // ~17 MB: over the size a helper worker is started for; each copy is its own stories (story ids 100–104 → k·10 + …).
    const copies = Math.ceil((17 * 2 ** 20) / good.join('\n').length);
    const rows: string[] = [];
    for (let k = 0; k < copies; k++) {
      for (const line of good) rows.push(line.replace(/^(\d+)\t/, `${k * 10}$1\t`).replace(/\t(10\d)\t(\d)\t/, (_, story, sentence) => `\t${k * 10}${story}\t${sentence}\t`));
      if (k === 10) rows.push(badCountry);
      if (k === copies - 10) rows.push(badCountry.replace('106', '107'), badDate);
    }
    const text = `${lines[0]}\n${rows.join('\n')}\n`;
    const expected = importText(text, 'big-events.tab');
    if (!expected.ok) throw new Error('the fixture does not import');
    const rowOf = (line: string) => rows.indexOf(line) + 2;
    expect(expected.problems.map((p) => p.row)).toEqual([rowOf(badCountry), rowOf(badCountry.replace('106', '107')), rowOf(badDate)]);

    const context = await browser().newContext({ viewport: { width: 1400, height: 950 } });
    const page = await context.newPage();
    const body = Buffer.from(text);
    // As a static file server sends it: the split needs the body's length to choose where to cut.
    await page.route('**/linked/big-events.tab', (route) => route.fulfill({ status: 200, contentType: 'text/plain', headers: { 'content-length': String(body.length) }, body }));
    await page.goto(appUrl('data=linked/big-events.tab'));
    const shown = notice(page, /big-events\.tab/);
    await shown.waitFor({ timeout: 60_000 });
    const said = (await shown.textContent())!;
    expect(said).toContain(importSummary(expected));
    for (const p of expected.problems) expect(said).toContain(`Row ${p.row},`);
    // A meeting from the end of the file (the load worker's own part), opened by a link: its record as the import made it.
    const last = expected.dataset.meetings.at(-1)!;
    await page.goto(appUrl(`data=linked/big-events.tab&select=meeting:${last.id}`));
    const panel = details(page);
    await expect.poll(() => panel.textContent(), { timeout: 60_000 }).toContain(last.summary);
    expect(await panel.textContent()).toContain(last.evidence[0]!.locator!);

    // The same file opened from disk: read in two parts too, the same rows listed before it loads.
    await fileInput(page).setInputFiles({ name: 'big-events.tab', mimeType: 'text/tab-separated-values', buffer: body });
    const dialog = page.getByRole('dialog', { name: /Some rows of big-events\.tab cannot be read/ });
    await dialog.waitFor({ timeout: 60_000 });
    expect(await dialog.textContent()).toContain(importSummary(expected));
    const listed = (await dialog.getByRole('table', { name: 'Rows that will not load' }).textContent())!;
    for (const p of expected.problems) expect(listed).toContain(String(p.row));
    await context.close();
  });

  it("a link to a sheet whose columns are not recognised asks for them before the first dataset; Cancel ends in the error screen", async () => {
    const context = await browser().newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Headers no role's synonyms name (one is a prototype name): the page must ask which column is which.
    const sheet = Buffer.from('__proto__,Besucher,Anlass\n2020-01-02,Ali Asghar Khaji; Geir Pedersen,Gespräch\n2020-02-03,Ali Asghar Khaji; Faisal Mekdad,Besuch\n');
    await page.route('**/linked/odd-columns.csv', (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: sheet }));
    await page.goto(appUrl('data=linked/odd-columns.csv'));
    const dialog = page.getByRole('dialog', { name: /Which column is which in odd-columns\.csv/ });
    await dialog.waitFor();
    await dialog.getByLabel('Date (needed)').selectOption({ label: '__proto__' });
    await dialog.getByLabel('Participants (;-separated) (needed)').selectOption({ label: 'Besucher' });
    await dialog.getByRole('button', { name: 'Import 2 meetings' }).click();
    await expectViewsAgree(page, 2);

    // The same link again, and Cancel: no dataset to keep, so the error screen (not "Loading dataset…" for good).
    await page.goto(appUrl('data=linked/odd-columns.csv'));
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('the columns were not mapped').waitFor();
    expect(await page.getByRole('button', { name: 'Open the bundled dataset' }).count()).toBe(1);
    expect(await page.getByText('Loading dataset…').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a large file whose last record fails a cross-record check: the view stays, the notice names the record', async () => {
    // Well-formed records (each passes the schema), the last naming an unknown actor: found by the cross-record checks.
    const dataset = JSON.parse(generateSynthetic({ meetings: 6000, actors: 600, seed: 4 })) as Dataset;
    dataset.meetings[5999]!.participants[1]!.actorId = 'nobody-known';
    const { page, context, errors } = await openApp(browser());
    await expectViewsAgree(page, TOTAL);
    await fileInput(page).setInputFiles({ name: 'late-fault.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dataset)) });
    const said = notice(page, /late-fault\.json/);
    await said.waitFor({ timeout: 30_000 });
    expect(await said.textContent()).toContain('meetings[5999].participants[1].actorId: unknown actor "nobody-known"');
    await expectViewsAgree(page, TOTAL);
    expect(errors).toEqual([]);
    await context.close();
  });
});
