// Accessibility and phones: the login form completed with the keyboard alone (Tab and Enter), the
// skip link first; the pages at phone width (375 x 812) do not scroll sideways.
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

const nl = (key) => h.text('nl', key);
const phone = { width: 375, height: 812 };

// Presses Tab until `selector` has the focus (at most `max` times); returns how many presses.
async function tabTo(s, selector, max = 15) {
  for (let presses = 1; presses <= max; presses += 1) {
    await s.page.keyboard.press('Tab');
    if (await s.page.evaluate((sel) => document.activeElement.matches(sel), selector)) {
      return presses;
    }
  }
  assert.fail(`${selector} was not reached with ${max} presses of Tab`);
}

describe('keyboard and phone', () => {
  let browser;
  before(async () => { browser = await h.launchBrowser(); });
  after(async () => { await browser.close(); });

  it('the login form is completed with Tab and Enter only', async (t) => {
    await h.withSession(browser, t, async (s) => {
      await s.goto('/login');
      // The first Tab reaches the skip link; Enter on it jumps to the main content.
      await s.page.keyboard.press('Tab');
      const first = await s.page.evaluate(() => ({
        text: document.activeElement.textContent.trim(),
        href: document.activeElement.getAttribute('href'),
      }));
      assert.deepEqual(first, { text: nl('app.skip'), href: '#main' });
      await s.shot('skip-link-focused');
      await s.page.keyboard.press('Enter');
      assert.equal(new URL(s.page.url()).hash, '#main');

      await tabTo(s, '#email');
      await s.page.keyboard.type(h.ACCOUNTS.casemanager.email);
      await s.page.keyboard.press('Tab');
      assert.ok(await s.page.evaluate(() => document.activeElement.id === 'password'),
        'Tab goes from the e-mail address to the password');
      await s.page.keyboard.type(h.PASSWORD);
      // The focus is visible (the stylesheet's outline), as on every focused control.
      const outline = await s.page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'the focused field shows an outline');
      await s.shot('filled-by-keyboard');
      await s.pressAndWait('Enter', /\/dashboard$/);
      await s.shot('dashboard');

      // And out again with the keyboard: Tab to the logout button, Enter.
      await tabTo(s, 'form[action="/logout"] button', 25);
      await s.pressAndWait('Enter', /\/login\?notice=logged_out$/);
    });
  });

  const gaps = {
    doctor: 'the agenda table (web/templates/dashboard.mustache) is not in a .table-wrap: 649 px wide',
  };
  for (const role of ['casemanager', 'doctor', 'coach']) {
    const options = gaps[role] ? { todo: gaps[role] } : {};
    it(`${role}: login, dashboard and password pages fit a phone (375 px)`, options, async (t) => {
      await h.withSession(browser, t, async (s) => {
        await s.goto('/login');
        await s.assertNoHorizontalScroll();
        await s.loginAs(role);   // shoots the login page and the dashboard at phone size
        await s.assertNoHorizontalScroll();
        await s.goto('/account/password');
        await s.shot('password');
        await s.assertNoHorizontalScroll();
      }, { viewport: phone });
    });
  }
});
