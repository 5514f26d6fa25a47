// Council profiles in the browser (issue 14): a person loads their council's profile file on a form page and the
// checks change (and go back with "Use the default profile"); a broken file is named at its problems and changes
// nothing; the drop-in script takes `data-sf-profile` as a built-in id or the URL of a profile file on the page's own
// origin, and never a file elsewhere.
//
//   npm run build && node --test tests/browser/profiles.test.mjs

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { useBrowser, openPage, assertClean, shot, ROOT, SKIP_OPTION } from './harness.mjs';

const BRIGHTWELL = path.join(ROOT, 'examples', 'profiles', 'brightwell.json');
const messageAt = (page, id) => page.locator(`#${id}-error, [id^="${id}"][id$="-error"]`).allTextContents();

async function messagesFor(page, field) {
  return (await page.locator(`.govuk-form-group:has(#${field}) .govuk-error-message`).allTextContents()).join(' ').replace(/\s+/g, ' ').trim();
}

describe('council profiles in the browser', SKIP_OPTION, () => {
  useBrowser();

  test('loading a profile file on a form page changes its checks, and the default brings them back', async () => {
    const { page, log } = await openPage('/www/form.html?form=case-transfer&today=2025-06-02');
    await page.fill('#f-fromLocality', 'north');
    await page.fill('#f-toLocality', 'west');
    await page.locator('#f-toLocality').blur();
    await page.waitForTimeout(200);
    assert.equal(await messagesFor(page, 'f-toLocality'), '', 'open text under the default profile');

    await page.locator('#sf-profile summary').click();
    await page.setInputFiles('#sf-profile-file', BRIGHTWELL);
    await page.waitForFunction(() => document.querySelector('#sf-profile')?.dataset.profile === 'file');
    await page.waitForFunction(() => /locality/i.test([...document.querySelectorAll('.govuk-form-group:has(#f-toLocality) .govuk-error-message')].map((e) => e.textContent).join(' ')));
    assert.match(await messagesFor(page, 'f-toLocality'), /Select a receiving locality from the list/);
    assert.equal(await messagesFor(page, 'f-fromLocality'), '', 'north is on Brightwell’s list');
    assert.match(await page.locator('#sf-profile summary').textContent(), /Brightwell/);
    assert.match(await page.locator('#sf-profile-status').textContent(), /north, south, east/);
    await shot(page, 'profiles/case-transfer-brightwell.png');

    await page.click('#sf-profile-default');
    await page.waitForFunction(() => document.querySelector('#sf-profile')?.dataset.profile === 'default');
    await page.waitForFunction(() => ![...document.querySelectorAll('.govuk-form-group:has(#f-toLocality) .govuk-error-message')].map((e) => e.textContent).join('').trim());
    assert.equal(await messagesFor(page, 'f-toLocality'), '');
    assertClean(log);
    await page.close();
  });

  test('a local list is the council’s own list when its profile gives one, and a text box under the default', async () => {
    const tag = (page, id) => page.locator(`#${id}`).evaluate((e) => e.tagName.toLowerCase());
    const options = (page, id) => page.locator(`#${id} option`).evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    // The referral page under Telford & Wrekin's profile: its three localities, titled as places.
    {
      const { page, log } = await openPage('/www/referral.html?today=2025-06-02&profile=telford-wrekin');
      assert.equal(await tag(page, 'locality'), 'select');
      assert.deepEqual(await options(page, 'locality'), [
        ['', 'Choose an option'], ['hadley-castle', 'Hadley Castle'], ['the-wrekin', 'The Wrekin'], ['lakeside-south', 'Lakeside South'],
      ]);
      await page.selectOption('#locality', 'the-wrekin');
      await page.waitForTimeout(200);
      assert.equal(await messagesFor(page, 'locality'), '');
      await shot(page, 'profiles/referral-telford-locality.png');
      assertClean(log);
      await page.close();
    }
    // Under the default: open text, as the policy documents leave it.
    {
      const { page, log } = await openPage('/www/referral.html?today=2025-06-02');
      assert.equal(await tag(page, 'locality'), 'input');
      assertClean(log);
      await page.close();
    }
    // The generic form page follows a loaded profile file and goes back with the default; typed values stay in the data.
    const { page, log } = await openPage('/www/form.html?form=case-transfer&today=2025-06-02');
    assert.equal(await tag(page, 'f-toLocality'), 'input');
    await page.fill('#f-fromLocality', 'north');
    await page.fill('#f-toLocality', 'west');
    await page.locator('#sf-profile summary').click();
    await page.setInputFiles('#sf-profile-file', BRIGHTWELL);
    await page.waitForFunction(() => document.querySelector('#sf-profile')?.dataset.profile === 'file');
    await page.waitForFunction(() => document.querySelector('#f-toLocality')?.tagName === 'SELECT');
    assert.deepEqual((await options(page, 'f-fromLocality')).map(([v]) => v), ['', 'north', 'south', 'east']);
    assert.equal(await page.locator('#f-fromLocality').inputValue(), 'north');
    assert.equal(await page.locator('#f-toLocality').inputValue(), '', '"west" is not on Brightwell’s list');
    await page.waitForFunction(() => /locality/i.test(document.querySelector('.govuk-form-group:has(#f-toLocality) .govuk-error-message')?.textContent ?? ''));
    await page.selectOption('#f-toLocality', 'south');
    await page.waitForFunction(() => !(document.querySelector('.govuk-form-group:has(#f-toLocality) .govuk-error-message')?.textContent ?? '').trim());
    await page.click('#sf-profile-default');
    await page.waitForFunction(() => document.querySelector('#f-toLocality')?.tagName === 'INPUT');
    assert.equal(await page.locator('#f-toLocality').inputValue(), 'south');
    assertClean(log);
    await page.close();
  });

  test('a broken profile file is named at its problems and changes nothing', async () => {
    const { page, log } = await openPage('/www/form.html?form=case-transfer&today=2025-06-02');
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-profile-'));
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ id: 'bad', title: 'Bad', values: { 'return-home-interview.hours': 0 } }));
    const notJson = path.join(dir, 'not.json');
    writeFileSync(notJson, '{ this is not json');
    await page.fill('#f-toLocality', 'west');
    await page.locator('#sf-profile summary').click();
    await page.setInputFiles('#sf-profile-file', bad);
    await page.waitForSelector('#sf-profile-error');
    assert.match(await page.locator('#sf-profile-error').textContent(), /values\/return-home-interview\.hours: must be between 1 and 720/);
    assert.equal(await page.locator('#sf-profile').getAttribute('data-profile'), 'default');
    assert.equal(await messagesFor(page, 'f-toLocality'), '');
    await page.setInputFiles('#sf-profile-file', notJson);
    await page.waitForFunction(() => /not JSON/.test(document.querySelector('#sf-profile-error')?.textContent ?? ''));
    assert.equal(await page.locator('body').getAttribute('data-checks'), 'ready');
    assertClean(log);
    await page.close();
  });

  test('a page’s caption names the council of the profile in force, and no council under the default', async () => {
    const caption = (page) => page.locator('#page-caption').evaluate((e) => e.innerText.replace(/\s+/g, ' ').trim());
    for (const [pathname, rest] of [['/www/referral.html', 'Strengthening Families'], ['/www/case-audit.html', 'Strengthening Families']]) {
      // Under the default profile no council is named.
      {
        const { page, log } = await openPage(`${pathname}?today=2025-06-02`);
        assert.equal(await caption(page), rest, pathname);
        assert.equal(await page.locator('body').getAttribute('data-council'), '');
        assertClean(log);
        await page.close();
      }
      // A built-in profile picked in the address: its name, from its title in profiles().
      const { page, log } = await openPage(`${pathname}?today=2025-06-02&profile=telford-wrekin`);
      assert.equal(await caption(page), `Telford & Wrekin ${rest}`, pathname);
      // The profile control says the same profile is in force, and offers the way back to the default.
      assert.match(await page.locator('#sf-profile summary').textContent(), /^Council profile: Telford & Wrekin/, pathname);
      assert.equal(await page.locator('#sf-profile').getAttribute('data-profile'), 'telford-wrekin');
      assert.equal(await page.locator('#sf-profile-default').getAttribute('hidden'), null);
      // Any council's file: its own name, then back to none with the default.
      await page.locator('#sf-profile summary').click();
      await page.setInputFiles('#sf-profile-file', BRIGHTWELL);
      await page.waitForFunction(() => document.querySelector('#sf-profile')?.dataset.profile === 'file');
      assert.equal(await caption(page), `Brightwell Borough Council ${rest}`, pathname);
      assert.doesNotMatch(await caption(page), /Telford|Wrekin/);
      await page.click('#sf-profile-default');
      await page.waitForFunction(() => document.querySelector('#sf-profile')?.dataset.profile === 'default');
      assert.equal(await caption(page), rest, pathname);
      assertClean(log);
      await page.close();
    }
    // A profile whose first version is not in force yet: the profile it extends applies, and names the page.
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-profile-'));
    const later = path.join(dir, 'later.json');
    writeFileSync(later, JSON.stringify({ id: 'kingsmere', title: 'Kingsmere (fictional)', extends: 'walsall', effectiveFrom: '2030-01-01' }));
    const { page, log } = await openPage('/www/referral.html?today=2025-06-02');
    await page.locator('#sf-profile summary').click();
    await page.setInputFiles('#sf-profile-file', later);
    await page.waitForFunction(() => document.querySelector('#sf-profile')?.dataset.profile === 'file');
    assert.equal(await caption(page), 'Walsall Strengthening Families');
    assertClean(log);
    await page.close();
  });

  const vendorWith = (attr) => ({
    setup: async (page) => {
      await page.route('**/www/vendor-demo.html*', async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace('data-sf-profile="telford-wrekin"', `data-sf-profile="${attr}"`);
        await route.fulfill({ response, body });
      });
    },
  });

  test('the drop-in script checks against a profile file on the page’s own origin', async () => {
    // The vendor demo names Telford & Wrekin: its own localities are accepted.
    {
      const { page, log } = await openPage('/www/vendor-demo.html', { ready: '#referral[data-sf-checks="ready"]' });
      await page.selectOption('#locality', 'hadley-castle');
      assert.equal((await page.evaluate(() => window.SafeguardingForms.check(document.querySelector('#referral')))).report.diagnostics
        .filter((d) => d.path === '/locality').length, 0);
      assertClean(log);
      await page.close();
    }
    // The same page with Brightwell's file: Telford & Wrekin's locality is not on its list.
    const { page, log } = await openPage('/www/vendor-demo.html', { ready: '#referral[data-sf-checks="ready"]', ...vendorWith('/examples/profiles/brightwell.json') });
    await page.selectOption('#locality', 'hadley-castle');
    const result = await page.evaluate(() => window.SafeguardingForms.check(document.querySelector('#referral')));
    const at = result.report.diagnostics.filter((d) => d.path === '/locality').map((d) => d.code);
    assert.deepEqual(at, ['INP-006']);
    assertClean(log);
    await page.close();
  });

  test('a profile URL on another origin is refused: checks unavailable, never "no problems"', async () => {
    const { page } = await openPage('/www/vendor-demo.html', { ready: '#referral[data-sf-checks="unavailable"]', ...vendorWith('https://elsewhere.example/profile.json') });
    assert.equal(await page.locator('#referral').getAttribute('data-sf-checks'), 'unavailable');
    await page.close();
  });
});
