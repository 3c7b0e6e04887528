// The harness's own checks catch what they are for: raw message keys, a CSP violation, a dialog
// and a console error on one of our pages (so a green run means something).
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

describe('the harness', () => {
  let browser;
  before(async () => { browser = await h.launchBrowser(); });
  after(async () => { await browser.close(); });

  it('finds raw message keys and nothing else', () => {
    assert.deepEqual(h.rawKeysIn('Overzicht\ndashboard.title\n(login.wrong)'),
      ['dashboard.title', 'login.wrong']);
    assert.deepEqual(h.rawKeysIn('milestone_status.overdue: case_status.sick'),
      ['milestone_status.overdue', 'case_status.sick']);
    assert.deepEqual(h.rawKeysIn('doctor@demo.test, /static/spoorboek.css?v=1, 27.11.2026, ' +
      'Re-integratieverslag. Dashboard.'), []);
  });

  it('notices a CSP violation, a dialog and a console error', async (t) => {
    const problems = [];
    await assert.rejects(h.withSession(browser, t, async (s) => {
      await s.goto('/login');
      await s.page.evaluate(() => {
        const image = document.createElement('img');
        image.src = 'https://elsewhere.invalid/pixel.png';   // img-src 'self' refuses it
        document.body.append(image);
        console.error('an error on purpose');
        window.alert('a dialog on purpose');
      });
      // Wait until all three have arrived (events come asynchronously), then let withSession judge.
      for (let i = 0; i < 100 && s.problems.length < 3; i += 1) {
        await s.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      }
      problems.push(...s.problems);
    }, { artefacts: false }), /console errors, page errors, CSP violations or dialogs/);
    assert.ok(problems.some((p) => p.startsWith('csp: ') || /Content Security Policy/.test(p)),
      `a CSP violation among ${JSON.stringify(problems)}`);
    assert.ok(problems.some((p) => p.startsWith('dialog (alert)')), 'the dialog');
    assert.ok(problems.some((p) => p === 'console: an error on purpose' ||
      p.startsWith('console: an error on purpose')), 'the console error');
  });
});
