// The shared helpers of the browser tests: one browser per spec file, one Session (a fresh
// browser context and page) per test, the demo accounts, the catalogue's texts, and the checks
// every page should pass (translated, no console errors or CSP violations, no script run).
//
// A spec file (specs/NAME.test.js) looks like this; run.sh starts the server and runs them all:
//
//   const { describe, it, before, after } = require('node:test');
//   const h = require('../lib/harness');
//   describe('something', () => {
//     let browser;
//     before(async () => { browser = await h.launchBrowser(); });
//     after(async () => { await browser.close(); });
//     it('does a thing', async (t) => {
//       await h.withSession(browser, t, async (s) => {
//         await s.loginAs('casemanager');          // Dutch unless { lang: 'en' }
//         await s.shot('dashboard');               // <spec>--<test>--NN-dashboard.png
//         await s.assertTranslated();
//       });
//     });
//   });
//
// withSession records a trace, and on failure stores it with the page's HTML and a screenshot;
// at the end of each test it fails on console errors, page errors, CSP violations and dialogs.
// Works on Node 18 (Debian 12's) and later: no newer APIs.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { chromium, request } = require('playwright-core');

const repo = path.resolve(__dirname, '..', '..', '..');

const config = {
  baseURL: (process.env.E2E_BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, ''),
  screenshots: process.env.E2E_SCREENSHOTS || path.join(repo, 'build', 'e2e-screenshots'),
  failures: process.env.E2E_FAILURES || path.join(repo, 'build', 'e2e-failures'),
  chromium: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  // Generous for a loaded CI machine (the server is niced beside other work); never a sleep.
  timeout: Number(process.env.E2E_TIMEOUT_MS || 15000),
};

// The demo database's accounts (spoorboek demo): all with the password "demo", none with TOTP.
const PASSWORD = 'demo';
const ACCOUNTS = {
  admin: { email: 'admin@demo.test', name: 'Beheerder (demo)' },
  casemanager: { email: 'casemanager@demo.test', name: 'Casemanager (demo)' },
  manager: { email: 'manager@demo.test', name: 'Leidinggevende (demo)' },
  doctor: { email: 'doctor@demo.test', name: 'Bedrijfsarts (demo)' },
  expert: { email: 'expert@demo.test', name: 'Arbeidsdeskundige (demo)' },
  coach: { email: 'coach@demo.test', name: 'Re-integratiecoach (demo)' },
  employee: { email: 'employee@demo.test', name: 'Werknemer (demo)' },
};

// ---- the catalogue (web/i18n), read the way src/web/catalogue.cc flattens it ----

function flatten(node, prefix, out) {
  for (const [name, value] of Object.entries(node)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (value !== null && typeof value === 'object') flatten(value, key, out);
    else out[key] = String(value);
  }
  return out;
}

// A language's texts: web/i18n/<lang>.json and every web/i18n/<lang>/<area>.json, each a tree of
// full keys (as src/web/catalogue.cc loads them).
function loadLanguage(lang) {
  const texts = flatten(JSON.parse(fs.readFileSync(path.join(repo, `web/i18n/${lang}.json`), 'utf8')),
    '', {});
  const areas = path.join(repo, 'web/i18n', lang);
  if (fs.existsSync(areas)) {
    for (const file of fs.readdirSync(areas).filter((name) => name.endsWith('.json')).sort()) {
      flatten(JSON.parse(fs.readFileSync(path.join(areas, file), 'utf8')), '', texts);
    }
  }
  return texts;
}

const catalogue = { nl: loadLanguage('nl'), en: loadLanguage('en') };

// A catalogue text ("login.email" in "nl"); fails the test when the key is missing, so a spec
// never silently looks for a raw key.
function text(lang, key, values = {}) {
  const found = catalogue[lang] && catalogue[lang][key];
  assert.ok(found !== undefined, `web/i18n/${lang}.json has no ${key}`);
  return found.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

// Catalogue::text() answers a missing key with the key itself ("dashboard.title"). Such a key
// starts with one of the catalogue's top-level names, or one the C++ code adds (core names).
const namespaces = new Set([
  ...Object.keys(catalogue.nl).map((k) => k.split('.')[0]),
  ...Object.keys(catalogue.en).map((k) => k.split('.')[0]),
  'milestone', 'case_status', 'entry_type', 'milestone_status', 'stage', 'agenda',
]);
const rawKeyPattern = new RegExp(
  `(?:^|[^\\w@./-])((?:${[...namespaces].join('|')})\\.[a-z0-9_]+(?:\\.[a-z0-9_]+)*)(?![\\w@/-])`,
  'g');

// The raw message keys in a text (for tests of this check itself and for pages).
function rawKeysIn(value) {
  const found = [];
  for (const match of value.matchAll(rawKeyPattern)) found.push(match[1]);
  return found;
}

// ---- names of files ----

function slug(value) {
  return String(value).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
}

function specName() {
  // The spec file that required us first is the one node --test runs in this process.
  const main = require.main && require.main.filename ? require.main.filename : process.argv[1];
  return slug(path.basename(main || 'spec').replace(/\.test\.js$/, ''));
}

// ---- the browser ----

async function launchBrowser() {
  return chromium.launch({
    executablePath: config.chromium,
    // A container has no user namespaces for chromium's sandbox; the pages are our own.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

// Console errors known and reported to the pages' owners, not yet fixed. Each is a wish in the
// report; remove it here once the page has it.
const KNOWN_GAPS = [
];

class Session {
  constructor(context, page, name) {
    this.context = context;
    this.page = page;
    this.name = name;          // "<spec>--<test>"
    this.steps = 0;
    this.lang = 'nl';          // the language the last check saw
    this.problems = [];        // console errors, page errors, CSP violations, dialogs
    this.errorPages = new Set(); // "status path" of pages answered with 4xx (refusals, 404)
    this.allowedProblems = []; // regular expressions of expected problems (rare)
  }

  url(pathname) {
    return pathname.startsWith('http') ? pathname : config.baseURL + pathname;
  }

  // Opens a page of the server; fails on a 5xx answer. Returns the response.
  async goto(pathname, { status } = {}) {
    const response = await this.page.goto(this.url(pathname), { waitUntil: 'load' });
    assert.ok(response, `no response for ${pathname}`);
    if (status !== undefined) {
      assert.equal(response.status(), status, `status of ${pathname}`);
    } else {
      assert.ok(response.status() < 500, `${pathname} answered ${response.status()}`);
    }
    return response;
  }

  // The path (and query) of the page shown now.
  path() {
    const url = new URL(this.page.url());
    return url.pathname + url.search;
  }

  // A full-page screenshot in the screenshots folder: <spec>--<test>--NN-<step>.png.
  async shot(step) {
    this.steps += 1;
    const file = path.join(config.screenshots,
      `${this.name}--${String(this.steps).padStart(2, '0')}-${slug(step)}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }

  async htmlLang() {
    return this.page.locator('html').getAttribute('lang');
  }

  // Clicks `locator` (a button or link that leads to another page) and waits until the new page
  // has loaded and its URL matches `url` (a RegExp, a string or a predicate). Waits for the next
  // "load" event, so a form that answers on the same URL (a refusal) is waited for too.
  async clickAndWait(locator, url) {
    await this.actAndWait(() => locator.click(), url);
  }

  // The same for a key (Enter in a form).
  async pressAndWait(key, url) {
    await this.actAndWait(() => this.page.keyboard.press(key), url);
  }

  async actAndWait(action, url) {
    await Promise.all([this.page.waitForEvent('load'), action()]);
    await this.page.waitForURL(url, { waitUntil: 'load' });
  }

  // Logs in through the login page as one of ACCOUNTS (or { email, password }) and waits for the
  // page the server sends the person to (the dashboard, the employee's case). Then makes sure the
  // page is in `lang` (the stored preference may differ: another test may have changed it).
  async loginAs(who, { lang = 'nl', password = PASSWORD, shoot = true } = {}) {
    const account = typeof who === 'string' ? ACCOUNTS[who] : who;
    assert.ok(account, `no demo account ${who}`);
    await this.goto(`/login?lang=${lang}`);
    await this.page.getByLabel(text(lang, 'login.email'), { exact: true }).fill(account.email);
    await this.page.getByLabel(text(lang, 'login.password'), { exact: true })
      .fill(account.password || password);
    if (shoot) await this.shot(`login-${typeof who === 'string' ? who : 'form'}`);
    await this.clickAndWait(
      this.page.getByRole('button', { name: text(lang, 'login.submit'), exact: true }),
      (url) => !url.pathname.startsWith('/login'));
    // (Only on our own pages: the employee's case page may not exist yet.)
    const shown = await this.htmlLang();
    if (shown && shown !== lang) await this.switchLanguage(lang);
    this.lang = lang;
    if (shoot) await this.shot(`after-login-${typeof who === 'string' ? who : 'form'}`);
  }

  // Logs out with the header's button; waits for the login page with its notice.
  async logout() {
    const lang = await this.htmlLang();
    await this.clickAndWait(
      this.page.getByRole('button', { name: text(lang, 'nav.logout'), exact: true }),
      /\/login\?notice=logged_out/);
    await this.page.getByRole('status').filter({ hasText: text(lang, 'login.logged_out') })
      .waitFor();
  }

  // Switches the page's language: the header's form when logged in, the nl/en links otherwise.
  // Waits for the same page in the new language.
  async switchLanguage(lang) {
    const current = await this.htmlLang();
    if (current === lang) return;
    const choice = this.page.locator('#language-choice');
    if (await choice.count()) {
      await this.page.getByLabel(text(current, 'language.choose'), { exact: true })
        .selectOption(lang);
      await this.clickAndWait(
        this.page.getByRole('button', { name: text(current, 'language.save'), exact: true }),
        () => true);
    } else {
      await this.clickAndWait(this.page.locator(`a[hreflang="${lang}"]`),
        new RegExp(`[?&]lang=${lang}`));
    }
    await this.page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    this.lang = lang;
  }

  // Fills a form by its labels: { 'catalogue.key': value } (texts in the page's language);
  // a value of true/false checks or unchecks, an array or a string selects in a <select>.
  async fillByLabels(values, lang = this.lang) {
    for (const [key, value] of Object.entries(values)) {
      const field = this.page.getByLabel(text(lang, key), { exact: true });
      const tag = await field.evaluate((element) => element.tagName.toLowerCase());
      if (typeof value === 'boolean') await field.setChecked(value);
      else if (tag === 'select') await field.selectOption(value);
      else await field.fill(String(value));
    }
  }

  // Neither the page's text nor its HTML (hidden parts included) contains `secret`: for what a
  // role must never see (a medical note for a case manager).
  async assertNotShown(secret) {
    assert.ok(!(await this.page.content()).includes(secret),
      `${this.path()} contains ${JSON.stringify(secret)}`);
  }

  // The page is in `lang` and shows no raw message key (Catalogue::text's answer to a missing
  // key) nor an empty heading, label, button, link, option or table header (a template's
  // {{t.missing.key}} renders as nothing).
  async assertTranslated(lang = this.lang) {
    assert.equal(await this.htmlLang(), lang, `${this.path()}: <html lang>`);
    const seen = await this.page.evaluate(() => {
      const shown = (element) => {
        const style = window.getComputedStyle(element);
        return style.display !== 'none' && style.visibility !== 'hidden';
      };
      const attributes = [];
      for (const element of document.querySelectorAll('[title],[placeholder],[aria-label],[alt]')) {
        for (const name of ['title', 'placeholder', 'aria-label', 'alt']) {
          const value = element.getAttribute(name);
          if (value) attributes.push(value);
        }
      }
      const empty = [];
      const selector = 'h1,h2,h3,h4,label,button,a,option,th,caption,legend,title';
      for (const element of document.querySelectorAll(selector)) {
        if (element.tagName !== 'TITLE' && element.tagName !== 'OPTION' &&
            element.tagName !== 'CAPTION' && !shown(element)) continue;
        const label = (element.textContent || '').trim() || element.getAttribute('aria-label');
        // An "any" option may be empty on purpose only when it has no value... ours all have text.
        if (!label) empty.push(element.outerHTML.slice(0, 120));
      }
      return {
        text: `${document.title}\n${document.body.innerText}\n${attributes.join('\n')}`,
        empty,
      };
    });
    const keys = rawKeysIn(seen.text);
    assert.deepEqual(keys, [], `${this.path()} shows untranslated keys: ${keys.join(', ')}`);
    assert.deepEqual(seen.empty, [], `${this.path()} has elements without text`);
  }

  // The page is no wider than the window (nothing to scroll sideways); names the elements that
  // stick out when it is.
  async assertNoHorizontalScroll() {
    const sizes = await this.page.evaluate(() => {
      const window_ = window.innerWidth;
      const wide = [];
      for (const element of document.body.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        const scrolled = (node) => {   // inside a box that scrolls sideways on its own
          for (let up = node.parentElement; up && up !== document.body; up = up.parentElement) {
            if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(up).overflowX)) return true;
          }
          return false;
        };
        if (box.right > window_ + 1 && !scrolled(element) && !(element.parentElement &&
            element.parentElement.getBoundingClientRect().right > window_ + 1)) {
          wide.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}` +
            `${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}` +
            ` in ${element.closest('section') ? element.closest('section').getAttribute('aria-labelledby') : 'page'}` +
            ` (${Math.round(box.right)} px)`);
        }
      }
      return {
        scroll: document.documentElement.scrollWidth,
        window: window_,
        wide: wide.slice(0, 5),
      };
    });
    assert.ok(sizes.scroll <= sizes.window,
      `${this.path()} scrolls sideways: ${sizes.scroll} px in a ${sizes.window} px window; ` +
      `too wide: ${sizes.wide.join(', ')}`);
  }

  // The field `input` (a Locator) is marked invalid and its own message (aria-describedby) says
  // `message`.
  async assertFieldError(input, message) {
    await assert.doesNotReject(input.waitFor(), 'the field is on the page');
    assert.equal(await input.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
    const described = (await input.getAttribute('aria-describedby')) || '';
    const ids = described.split(/\s+/).filter(Boolean);
    const texts = [];
    for (const id of ids) texts.push(((await this.page.locator(`#${id}`).textContent()) || '').trim());
    assert.ok(texts.includes(message),
      `the field's messages ${JSON.stringify(texts)} include ${JSON.stringify(message)}`);
  }

  assertClean() {
    // Chromium logs "Failed to load resource: ... status of 422" for a page that answers a
    // refused form with 422 (or 401, 404): that is the page working, not an error.
    const expected = (problem) => {
      const match = /^console: Failed to load resource: the server responded with a status of (\d+) \([^)]*\) \((http\S+)\)$/
        .exec(problem);
      return match && this.errorPages.has(`${match[1]} ${new URL(match[2]).pathname}`);
    };
    const left = this.problems.filter((p) => !expected(p) &&
      !KNOWN_GAPS.some((re) => re.test(p)) && !this.allowedProblems.some((re) => re.test(p)));
    assert.deepEqual(left, [], 'console errors, page errors, CSP violations or dialogs');
  }
}

// Runs `work(session)` in a fresh browser context (own cookies) with a trace; on failure keeps
// the trace, the page's HTML and a screenshot in config.failures, then fails the test.
// Options: viewport ({ width, height }); artefacts: false keeps nothing on failure (for tests
// that fail on purpose).
async function withSession(browser, t, work,
  { viewport = { width: 1280, height: 900 }, artefacts = true } = {}) {
  const name = `${specName()}--${slug(t.name)}`;
  const context = await browser.newContext({ viewport, locale: 'nl-NL' });
  context.setDefaultTimeout(config.timeout);
  context.setDefaultNavigationTimeout(config.timeout);
  await context.tracing.start({ screenshots: false, snapshots: true });
  const page = await context.newPage();
  const session = new Session(context, page, name);
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const where = message.location() && message.location().url;
      session.problems.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
    }
  });
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document' && response.status() >= 400 &&
        response.status() < 500) {
      session.errorPages.add(`${response.status()} ${new URL(response.url()).pathname}`);
    }
  });
  page.on('pageerror', (error) => session.problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    session.problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  // CSP violations reach the console too; this also catches those reported only as events.
  await context.exposeBinding('__e2eCspViolation', (source, detail) => {
    session.problems.push(`csp: ${detail}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__e2eCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  let failed = null;
  try {
    await work(session);
    session.assertClean();
  } catch (error) {
    failed = error;
  }
  if (failed && !artefacts) {
    await context.tracing.stop();
  } else if (failed) {
    fs.mkdirSync(config.failures, { recursive: true });
    const base = path.join(config.failures, name);
    await context.tracing.stop({ path: `${base}.trace.zip` }).catch(() => {});
    await page.content().then((html) => fs.writeFileSync(`${base}.html`, html)).catch(() => {});
    await page.screenshot({ path: path.join(config.screenshots, `${name}--FAILED.png`), fullPage: true })
      .catch(() => {});
    if (session.problems.length) fs.writeFileSync(`${base}.problems.txt`, session.problems.join('\n'));
  } else {
    await context.tracing.stop();
  }
  await context.close();
  if (failed) {
    if (artefacts) failed.message += `\n  (page: ${page.url()}; trace and HTML in ${config.failures})`;
    throw failed;
  }
  return session;
}

// ---- the JSON API, for setting up what a spec needs (not for what it tests) ----

// An API client logged in as one of ACCOUNTS (or { email, password }): get/post/put/delete with
// the bearer token; `json(response)` checks the status and parses. Call dispose() when done.
async function api(who, { totp } = {}) {
  const account = typeof who === 'string' ? ACCOUNTS[who] : who;
  const anonymous = await request.newContext({ baseURL: config.baseURL });
  const login = await anonymous.post('/api/v1/login', {
    data: { email: account.email, password: account.password || PASSWORD, ...(totp ? { totp } : {}) },
  });
  const body = await json(login);
  await anonymous.dispose();
  return request.newContext({
    baseURL: config.baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${body.token}` },
  });
}

async function json(response, status) {
  const text = await response.text();
  const ok = status === undefined ? response.ok() : response.status() === status;
  assert.ok(ok, `${response.url()} answered ${response.status()}: ${text}`);
  return text ? JSON.parse(text) : null;
}

// ---- two-factor codes (RFC 6238: SHA-1, 6 digits, 30 s, as src/security/totp.h) ----

function base32Decode(text) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of text.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(c);
    assert.ok(value >= 0, `not base32: ${c}`);
    bits += value.toString(2).padStart(5, '0');
  }
  const bytes = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  return Buffer.from(bytes);
}

// The code of time step `step` (floor(unix seconds / 30)) for a base32 secret.
function totpCode(secretBase32, step = Math.floor(Date.now() / 1000 / 30)) {
  const counter = Buffer.alloc(8);
  counter.writeUInt32BE(Math.floor(step / 2 ** 32), 0);
  counter.writeUInt32BE(step % 2 ** 32, 4);
  const hmac = crypto.createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const value = (hmac.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}

fs.mkdirSync(config.screenshots, { recursive: true });

module.exports = {
  ACCOUNTS,
  PASSWORD,
  Session,
  api,
  catalogue,
  config,
  launchBrowser,
  rawKeysIn,
  json,
  text,
  totpCode,
  withSession,
};
