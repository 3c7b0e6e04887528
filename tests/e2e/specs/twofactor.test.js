// The two-factor step of the login: an account with TOTP (set up here through the API for a user
// made for this test) is asked for its code after the password; a malformed or wrong code is
// refused by the field, the right one logs in.
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

const nl = (key) => h.text('nl', key);

describe('two-factor login', () => {
  let browser;
  let account;
  let secret;
  before(async () => {
    browser = await h.launchBrowser();
    // A case manager of the first employer, made by the demo's administrator.
    const admin = await h.api('admin');
    const employers = await h.json(await admin.get('/api/v1/employers'));
    const list = employers.employers || employers;
    account = { email: `totp-${Date.now()}@demo.test`, password: 'een lange zin met twee factoren' };
    await h.json(await admin.post('/api/v1/users', {
      data: {
        email: account.email, display_name: 'Casemanager met TOTP', password: account.password,
        roles: ['case_manager'], employer_id: list[0].id || list[0].employer_id,
      },
    }));
    await admin.dispose();
    // Set up TOTP as the user does: begin, then confirm with a code (the previous step's, so the
    // current and next ones are still unused for the login below).
    const user = await h.api(account);
    secret = (await h.json(await user.post('/api/v1/me/totp'))).secret;
    const step = Math.floor(Date.now() / 30000);
    await h.json(await user.post('/api/v1/me/totp/confirm',
      { data: { code: h.totpCode(secret, step - 1) } }));
    await user.dispose();
  });
  after(async () => { await browser.close(); });

  it('asks for the code; refuses a malformed and a wrong one by the field; accepts the right one',
    async (t) => {
      await h.withSession(browser, t, async (s) => {
        await s.goto('/login');
        await s.page.getByLabel(nl('login.email'), { exact: true }).fill(account.email);
        await s.page.getByLabel(nl('login.password'), { exact: true }).fill(account.password);
        await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }),
          /\/login\/code$/);
        await s.page.getByRole('heading', { level: 1, name: nl('totp.title') }).waitFor();
        await s.page.getByText(account.email, { exact: true }).waitFor();
        await s.shot('code-asked');
        await s.assertTranslated('nl');
        // The code page in English and back (the pending login survives the switch).
        await s.switchLanguage('en');
        await s.page.getByRole('heading', { level: 1, name: h.text('en', 'totp.title') }).waitFor();
        await s.assertTranslated('en');
        await s.shot('code-asked-en');
        await s.switchLanguage('nl');
        await s.assertTranslated('nl');
        const onCodePage = (url) => url.pathname === '/login/code';

        const code = s.page.getByLabel(nl('totp.code'), { exact: true });
        const submit = s.page.getByRole('button', { name: nl('totp.submit'), exact: true });
        await code.fill('12a45');
        await s.clickAndWait(submit, onCodePage);
        await s.assertFieldError(code, nl('totp.format'));
        assert.equal(await code.inputValue(), '12a45', 'what was typed is kept');
        await s.shot('malformed-code');

        // The code of an hour ago is wrong now; another try follows without the password.
        await code.fill(h.totpCode(secret, Math.floor(Date.now() / 30000) - 120));
        await s.clickAndWait(submit, onCodePage);
        await s.assertFieldError(code, nl('totp.wrong'));
        await s.shot('wrong-code');

        await code.fill(h.totpCode(secret, Math.floor(Date.now() / 30000) + 1));
        await s.clickAndWait(submit, /\/dashboard$/);
        await s.page.getByText('Casemanager met TOTP', { exact: true }).waitFor();
        await s.shot('dashboard');
        await s.logout();
      });
    });

  it('without a pending login the code page sends back to the login page', async (t) => {
    await h.withSession(browser, t, async (s) => {
      await s.goto('/login/code');
      assert.equal(s.path(), '/login');
    });
  });
});
