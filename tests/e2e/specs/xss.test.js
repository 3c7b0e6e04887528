// Script through user input: payloads typed into the login form's e-mail address and the
// dashboard's search (and put into the filter's query) come back as the text typed, escaped; no
// dialog opens, no element or handler is injected, no CSP violation is reported (withSession
// fails the test on any dialog or violation).
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

const nl = (key) => h.text('nl', key);

// Each at most 100 characters (the search's limit).
const payloads = [
  '"><script>alert(\'xss-1\')</script>',
  '\'><img src=x onerror=alert(\'xss-2\')>',
  '</title></textarea><svg onload=alert(\'xss-3\')>',
  'javascript:alert(\'xss-4\')',
  '{{t.app.name}}{{{csrf}}}<!--',
];

// Nothing from the payloads became markup: no script element, no event handler attribute, no
// element the payloads would make.
async function assertNothingInjected(s) {
  const injected = await s.page.evaluate(() => {
    const found = [];
    if (document.querySelector('script')) found.push('a <script> element');
    if (document.querySelector('img, svg, iframe, object, embed')) found.push('an img/svg/iframe');
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*javascript:/i.test(attribute.value) && attribute.name !== 'value') {
          found.push(`${element.tagName} ${attribute.name}=javascript:`);
        }
      }
    }
    return found;
  });
  assert.deepEqual(injected, [], `${s.path()}: injected markup`);
}

describe('no script through user input', () => {
  let browser;
  before(async () => { browser = await h.launchBrowser(); });
  after(async () => { await browser.close(); });

  it('the login form\'s e-mail address', async (t) => {
    await h.withSession(browser, t, async (s) => {
      await s.goto('/login');
      const email = s.page.getByLabel(nl('login.email'), { exact: true });
      for (const [index, payload] of payloads.entries()) {
        await email.fill(payload);
        await s.page.getByLabel(nl('login.password'), { exact: true }).fill('x');
        await s.clickAndWait(s.page.getByRole('button', { name: nl('login.submit') }),
          (url) => url.pathname === '/login');
        await s.page.getByRole('alert').filter({ hasText: nl('login.wrong') }).waitFor();
        assert.equal(await email.inputValue(), payload, 'the address comes back as typed');
        await assertNothingInjected(s);
        await s.shot(`payload-${index + 1}`);
      }
      // The query of the login page is not echoed either.
      await s.goto(`/login?notice=${encodeURIComponent(payloads[1])}&lang=${encodeURIComponent(payloads[0])}`);
      await assertNothingInjected(s);
      await s.assertTranslated('nl');
    });
  });

  it('the dashboard\'s search and filters', async (t) => {
    await h.withSession(browser, t, async (s) => {
      await s.loginAs('casemanager', { shoot: false });
      const search = s.page.getByLabel(nl('dashboard.search'), { exact: true });
      for (const [index, payload] of payloads.entries()) {
        await search.fill(payload);
        await s.clickAndWait(s.page.getByRole('button', { name: nl('dashboard.apply'), exact: true }),
          (url) => url.pathname === '/dashboard' && url.searchParams.get('q') === payload);
        assert.equal(await search.inputValue(), payload, 'the search comes back as typed');
        await s.page.getByText(nl('dashboard.no_cases'), { exact: true }).waitFor();
        await assertNothingInjected(s);
        await s.shot(`search-${index + 1}`);
      }
      // A payload as the employer and status (not in their lists): refused by the field.
      const query = `q=&employer=${encodeURIComponent(payloads[0])}&status=${encodeURIComponent(payloads[1])}`;
      await s.goto(`/dashboard?${query}`, { status: 422 });
      await s.assertFieldError(s.page.locator('#employer'), nl('dashboard.employer_invalid'));
      await s.assertFieldError(s.page.locator('#status'), nl('dashboard.status_invalid'));
      await assertNothingInjected(s);
      await s.shot('bad-filters');
    });
  });
});
