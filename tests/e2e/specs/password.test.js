// Changing the password: a wrong current password, or two new ones that differ, are refused with
// the message by the field, and nothing is changed (the old password still logs in).
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

const nl = (key) => h.text('nl', key);
const replacement = 'een lange zin als nieuw wachtwoord';

describe('change password', () => {
  let browser;
  before(async () => { browser = await h.launchBrowser(); });
  after(async () => { await browser.close(); });

  it('refuses a wrong current password and two different new ones; changes nothing', async (t) => {
    await h.withSession(browser, t, async (s) => {
      await s.loginAs('manager', { shoot: false });
      await s.clickAndWait(s.page.getByRole('navigation', { name: nl('nav.main') })
        .getByRole('link', { name: nl('nav.password'), exact: true }), /\/account\/password$/);
      await s.page.getByRole('heading', { level: 1, name: nl('password.title') }).waitFor();
      await s.shot('form');
      await s.assertTranslated('nl');

      const current = s.page.getByLabel(nl('password.current'), { exact: true });
      const fresh = s.page.getByLabel(nl('password.new'), { exact: true });
      const repeat = s.page.getByLabel(nl('password.repeat'), { exact: true });
      const submit = s.page.getByRole('button', { name: nl('password.submit'), exact: true });

      await current.fill('not my password');
      await fresh.fill(replacement);
      await repeat.fill(replacement);
      await s.clickAndWait(submit, /\/account\/password$/);
      await s.shot('wrong-current');
      await s.assertFieldError(current, nl('password.wrong_current'));
      await s.page.getByRole('alert').filter({ hasText: nl('form.check_fields') }).waitFor();
      for (const field of [current, fresh, repeat]) {
        assert.equal(await field.inputValue(), '', 'passwords are never sent back');
      }
      await s.assertTranslated('nl');

      await current.fill(h.PASSWORD);
      await fresh.fill(replacement);
      await repeat.fill(`${replacement} maar anders`);
      await s.clickAndWait(submit, /\/account\/password$/);
      await s.shot('mismatch');
      await s.assertFieldError(repeat, nl('password.mismatch'));
      assert.equal(await current.getAttribute('aria-invalid'), null);

      // Nothing was changed: the old password still logs in, the new one does not.
      await s.logout();
      await s.loginAs('manager', { shoot: false });
      await s.logout();
      await s.page.getByLabel(nl('login.email')).fill(h.ACCOUNTS.manager.email);
      await s.page.getByLabel(nl('login.password')).fill(replacement);
      await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }),
        (url) => url.pathname === '/login');
      await s.page.getByRole('alert').filter({ hasText: nl('login.wrong') }).waitFor();
    });
  });
});
