import { describe, expect, it } from 'vitest';
import { appUrl, openApp, useBrowser, waitForViews } from './browser';
import { details, TOTAL } from './helpers';

const browser = useBrowser();

/** The visible text of the detail panel, whitespace collapsed. */
const panelText = async (page: Parameters<typeof details>[0]) => ((await details(page).innerText()) ?? '').replace(/\s+/g, ' ');

describe('provenance on screen', () => {
  it('reads the provenance of a meeting, a source without an address, an actor and a group in the detail panel', async () => {
    const { page, context, errors } = await openApp(browser(), 'select=meeting:2020-09-30-khaji-endo-call');
    await waitForViews(page, TOTAL);

    // A meeting whose day rests on an outside report: the report is listed apart, as corroborating, with what it supports.
    let text = await panelText(page);
    expect(text).toContain('inferred');
    expect(text).toContain('any Wednesday from 2 September to 25 November 2020');
    expect(text).toContain('Corroborating outside sources');
    expect(text).toContain('Iran, Japan discuss Syria developments (outside source, corroborating: not the record’s text)');
    expect(text).toMatch(/Retrieved\s*not recorded/);
    expect(text).toContain('reCAPTCHA notice');
    const link = details(page).getByRole('link', { name: 'https://ifpnews.com/iranian-japanese-diplomats-discuss-syria-developments' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');

    // A source whose address is not known says so; press remarks are labelled apart from the talks.
    await page.goto(appUrl('select=meeting:2020-08-17-muallem-khaji'));
    await waitForViews(page, TOTAL);
    text = await panelText(page);
    expect(text).toContain('Press remarks (to journalists, not the talks)');
    expect(text).toContain('accompanying delegation');
    expect(text).toMatch(/Time of day\s*afternoon/);
    await page.goto(appUrl('select=meeting:2021-khaji-pedersen-call'));
    await waitForViews(page, TOTAL);
    expect(await panelText(page)).toMatch(/URL\s*missing: not known/);

    // An actor's role dates are attestations, marked inferred.
    await page.goto(appUrl('select=actor:khaji'));
    await waitForViews(page, TOTAL);
    expect(await panelText(page)).toContain('first attested 2 July 2019, last attested 30 September 2020 inferred');

    // A group of unnamed people says what it is.
    await page.goto(appUrl('select=actor:syrian-officials'));
    await waitForViews(page, TOTAL);
    expect(await panelText(page)).toMatch(/Kind\s*Group of unnamed people/);

    expect(errors).toEqual([]);
    await context.close();
  });
});
