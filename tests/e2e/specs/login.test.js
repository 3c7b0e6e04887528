// Logging in and out as each demo role: the dashboard shows that role's content, the employee
// goes to their own case; wrong or missing input is refused and the e-mail address kept.
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

const nl = (key, values) => h.text('nl', key, values);

// What each role's first page must show (Dutch, the default).
const dashboards = {
  casemanager: async (s) => {
    await s.page.getByRole('heading', { name: nl('dashboard.my_cases'), exact: true }).waitFor();
    await s.page.getByRole('heading', { name: nl('dashboard.attention'), exact: true }).waitFor();
    assert.equal(await s.page.getByRole('heading', { name: nl('dashboard.agenda') }).count(), 0,
      'no doctor\'s agenda for a case manager');
    assert.ok(await casesShown(s) > 0, 'the case manager sees cases');
  },
  manager: async (s) => {
    await s.page.getByRole('heading', { name: nl('dashboard.my_cases'), exact: true }).waitFor();
    assert.ok(await casesShown(s) > 0, 'the line manager sees the team\'s cases');
  },
  doctor: async (s) => {
    const agenda = s.page.getByRole('region', { name: nl('dashboard.agenda'), exact: true });
    await agenda.waitFor();
    await agenda.getByText(nl('dashboard.agenda_intro')).waitFor();
    assert.ok(await agenda.getByRole('row').count() > 1, 'the agenda lists medical steps');
  },
  expert: async (s) => {
    await s.page.getByRole('heading', { name: nl('dashboard.my_cases'), exact: true }).waitFor();
  },
  coach: async (s) => {
    const caseload = s.page.getByRole('region', { name: nl('dashboard.caseload'), exact: true });
    await caseload.waitFor();
    await caseload.getByText(nl('dashboard.caseload_intro')).waitFor();
    assert.ok(await casesShown(s) > 0, 'the coach has a track-2 caseload');
    assert.equal(await s.page.getByRole('heading', { name: nl('dashboard.agenda') }).count(), 0);
  },
  admin: async (s) => {
    await s.page.getByRole('heading', { level: 1 }).waitFor();
  },
};

// The rows of the cases table (its caption names it; the header row not counted).
async function casesShown(s) {
  const table = s.page.locator('section[aria-labelledby="cases-heading"] table tbody tr');
  return table.count();
}

describe('login and logout', () => {
  let browser;
  before(async () => { browser = await h.launchBrowser(); });
  after(async () => { await browser.close(); });

  for (const role of Object.keys(dashboards)) {
    it(`${role}: logs in to the role's dashboard and logs out`, async (t) => {
      await h.withSession(browser, t, async (s) => {
        await s.loginAs(role);
        assert.equal(s.path(), '/dashboard');
        await s.page.getByRole('heading', { level: 1, name: nl('dashboard.title') }).waitFor();
        await s.page.getByText(h.ACCOUNTS[role].name, { exact: true }).waitFor();
        await dashboards[role](s);
        await s.assertTranslated('nl');
        await s.logout();
        await s.shot('logged-out');
        await s.assertTranslated('nl');
        // The session has ended: the dashboard sends to the login page.
        await s.goto('/dashboard');
        assert.match(s.path(), /^\/login\?notice=session_ended$/);
        await s.page.getByRole('status').filter({ hasText: nl('login.session_ended') }).waitFor();
      });
    });
  }

  it('employee: goes to their own case, not a dashboard', async (t) => {
    await h.withSession(browser, t, async (s) => {
      // The case page is being built: until then its URL may answer 404, which is no error here.
      s.allowedProblems.push(/Failed to load resource: the server responded with a status of 404/);
      await s.loginAs('employee');
      assert.match(s.path(), /^\/cases\/\d+$/, 'the employee lands on their own case');
      await s.goto('/dashboard');
      assert.match(s.path(), /^\/cases\/\d+$/, '/dashboard sends the employee to their case');
    });
  });

  it('a wrong password is refused, the e-mail address kept', async (t) => {
    await h.withSession(browser, t, async (s) => {
      await s.goto('/login');
      const email = s.page.getByLabel(nl('login.email'), { exact: true });
      const password = s.page.getByLabel(nl('login.password'), { exact: true });
      await email.fill(h.ACCOUNTS.expert.email);
      await password.fill('not the password');
      await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }),
        (url) => url.pathname === '/login');
      await s.page.getByRole('alert').filter({ hasText: nl('login.wrong') }).waitFor();
      await s.shot('wrong-password');
      assert.equal(await email.inputValue(), h.ACCOUNTS.expert.email, 'the e-mail address is kept');
      assert.equal(await password.inputValue(), '', 'the password is not sent back');
      await s.assertTranslated('nl');

      // Without a password: the message stands by the password field.
      await password.fill('');
      await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }),
        (url) => url.pathname === '/login');
      await s.shot('missing-password');
      await s.assertFieldError(password, nl('login.password_missing'));
      assert.equal(await email.getAttribute('aria-invalid'), null, 'the e-mail field is fine');
      assert.equal(await email.inputValue(), h.ACCOUNTS.expert.email);
      await s.page.getByRole('alert').filter({ hasText: nl('form.check_fields') }).waitFor();

      // Without an e-mail address: by that field.
      await email.fill('');
      await password.fill('demo');
      await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }),
        (url) => url.pathname === '/login');
      await s.assertFieldError(email, nl('login.email_missing'));

      // And the right password still works afterwards.
      await email.fill(h.ACCOUNTS.expert.email);
      await password.fill(h.PASSWORD);
      await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }), /\/dashboard$/);
    });
  });
});
