// The whole case as different people (issue 4, "What must be shown"), through the pages as a
// person uses them: the case manager reports a sickness, the company doctor records a problem
// analysis with a medical note, the case manager drafts a plan of action, the employee (an account
// the administrator makes on /admin) agrees to it, a reintegration interview is recorded with
// action items (in English), the deadlines on the dashboard and the case page move, the case
// manager never sees the medical note, and the employee sees their own file and no other.
//
// The tests run in order and hand on what they made in `walk`; a step whose predecessor failed is
// skipped. The JSON API is not used: everything is a page. The first sick day lies 50 days back,
// so on any day the Probleemanalyse (week 6) is overdue and the Plan van Aanpak (week 8) due
// soon when the case is reported; once the (late) analysis is recorded, the plan is due two weeks
// after it.
'use strict';

const assert = require('node:assert/strict');
const { describe, it, before, after } = require('node:test');
const h = require('../lib/harness');

const DAY = 24 * 3600 * 1000;
// A date `days` from today as the server counts (Europe/Amsterdam), YYYY-MM-DD.
// Built from the parts, not from a locale's format: Debian's node has only English locale data
// (en-CA would fall back to "10/5/2026").
function isoDay(days) {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit',
  }).formatToParts(new Date(Date.now() + days * DAY));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function escape(value) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A form's input by its label's catalogue key: the label may go on with "(verplicht)" or a
// MEDISCH badge, so the text must start the label and be followed by nothing or a space.
function input(s, key, lang = s.lang) {
  return s.page.getByLabel(new RegExp(`^${escape(h.text(lang, key))}(?:\\s|$)`));
}

// A cell of a form's table of rows ("Activiteit, rij 1").
function cell(s, column, row, lang = s.lang) {
  return s.page.getByLabel(h.text(lang, 'forms.cell_label', {
    column: h.text(lang, `forms.field.${column}`), row,
  }), { exact: true });
}

function saveButton(s, lang = s.lang) {
  return s.page.getByRole('button', { name: h.text(lang, 'forms.save'), exact: true });
}

// The legal names of the two milestones, as the case page and the dashboard show them in Dutch
// (src/core's names; web/i18n/nl.json has no milestone.* of its own).
const PROBLEM_ANALYSIS = /Probleemanalyse/;
const PLAN_OF_ACTION = /Plan van Aanpak/;

describe('a whole case, step by step', () => {
  let browser;
  const stamp = Date.now();
  // What the steps hand on.
  const walk = {
    caseId: null,
    otherCaseId: null,          // a case of someone else (the employee must get 404 for it)
    employeeId: null,           // the internal id of the employee reported sick
    employeeName: null,
    employerName: null,
    firstSickDay: isoDay(-50),
    medicalNote: `Medische notitie ${stamp}: rugklachten, fysiotherapie`,
    activity: `Werkplek aanpassen ${stamp}`,
    action: `Opbouwschema bespreken ${stamp}`,
    employee: null,             // { email, password, name } of the account made on /admin
    // What the dashboard and the case page said at each point (see capture()).
    snapshots: {},
    // Every page the case manager opened in this case, each checked for the medical note.
    caseManagerPages: [],
    planAgreed: false,
    interviewRecorded: false,
  };
  // Whether the server has the entry forms (a build before them answers /cases/new with 404):
  // without them every step is a todo, reported and not run.
  let formsServed = true;
  before(async () => {
    browser = await h.launchBrowser();
    const probe = await fetch(`${h.config.baseURL}/cases/new`, { redirect: 'manual' });
    formsServed = probe.status !== 404;
  });
  after(async () => { await browser.close(); });

  // Skips a test whose predecessors did not leave what it needs.
  function needs(t, ...what) {
    if (!formsServed) {
      t.todo('the entry forms (/cases/new, /cases/{id}/entries/new/{form}) are not served by this build');
      return false;
    }
    const missing = what.filter((name) => !walk[name]);
    if (missing.length) t.skip(`an earlier step failed (no ${missing.join(', ')})`);
    return missing.length === 0;
  }

  // After each page: a screenshot, no raw keys, and for the case manager no medical note.
  async function seen(s, step) {
    await s.shot(step);
    await s.assertTranslated();
    if (s.who === 'casemanager') {
      await s.assertNotShown(walk.medicalNote);
      walk.caseManagerPages.push(s.path());
    }
  }

  // The case page's "what to do next": { milestone name: status class } of the open steps.
  async function nextSteps(s) {
    return s.page.locator('.next-steps li.step').evaluateAll((items) => items.map((item) => ({
      name: item.querySelector('h3').textContent.trim(),
      status: [...item.classList].find((c) => c !== 'step'),
    })));
  }

  // The case manager's dashboard, searched for the employee with the filter form: the case's row
  // (next deadline, due, urgency) and whether it is in the overdue or due-this-week card.
  async function dashboardEntry(s) {
    await s.goto('/dashboard');
    await input(s, 'dashboard.search').fill(walk.employeeName);
    await s.clickAndWait(s.page.getByRole('button', { name: h.text(s.lang, 'dashboard.apply'),
      exact: true }), /\/dashboard\?/);
    const link = `a[href="/cases/${walk.caseId}"]`;
    const row = s.page.locator('section[aria-labelledby="cases-heading"] tbody tr')
      .filter({ has: s.page.locator(link) });
    assert.equal(await row.count(), 1, 'the case has one row on the dashboard');
    const cells = await row.locator('td').allTextContents();
    const card = async (kind) => {
      const item = s.page.locator(`.card.${kind} li`).filter({ has: s.page.locator(link) });
      return (await item.count()) ? (await item.first().textContent()).trim() : null;
    };
    return {
      deadline: cells[4].trim(),
      due: cells[5].trim(),
      urgency: await row.getAttribute('class'),
      overdue: await card('overdue'),
      dueThisWeek: await card('due'),
    };
  }

  // The dashboard's entry and the case page's next steps now, kept as walk.snapshots[name].
  async function capture(s, name) {
    const dashboard = await dashboardEntry(s);
    await seen(s, `dashboard-${name}`);
    await s.goto(`/cases/${walk.caseId}`);
    const steps = await nextSteps(s);
    await seen(s, `case-${name}`);
    walk.snapshots[name] = { dashboard, steps };
    return walk.snapshots[name];
  }

  it('the case manager reports a sickness (no field for a diagnosis)', async (t) => {
    if (!needs(t)) return;
    await h.withSession(browser, t, async (s) => {
      s.who = 'casemanager';
      await s.loginAs('casemanager');
      // Someone else's case, for the employee's 404 at the end.
      const cases = await s.page.locator('a[href^="/cases/"]').evaluateAll((as) =>
        as.map((a) => a.getAttribute('href')).filter((href) => /^\/cases\/\d+$/.test(href)));
      assert.ok(cases.length > 0, 'the dashboard lists cases');
      walk.otherCaseId = Number(cases[0].split('/').pop());
      // The sick report: by a link on the dashboard when there is one (see the report).
      const link = s.page.locator('a[href="/cases/new"]');
      if (await link.count()) await s.clickAndWait(link.first(), /\/cases\/new$/);
      else await s.goto('/cases/new');
      await s.page.getByRole('heading', { level: 1, name: h.text('nl', 'forms.title.sick_report') })
        .waitFor();
      await seen(s, 'sick-report-form');

      // No input where a diagnosis could land: no text area, no free text line; the only typed
      // input is the phone number, which takes digits only (below).
      const form = s.page.locator('form.entry-form');
      assert.equal(await form.locator('textarea').count(), 0, 'no text area on the sick report');
      const typed = await form.locator('input:not([type=hidden])').evaluateAll((inputs) =>
        inputs.map((element) => `${element.type}:${element.name}`));
      assert.deepEqual(typed.filter((kind) => !/^(date|tel):/.test(kind)), [],
        'only date and phone inputs besides the choices');
      assert.deepEqual(typed.filter((kind) => kind.startsWith('tel:')), ['tel:contact_phone']);

      // An employee of the case manager's employer without an open file.
      const openCase = h.text('nl', 'forms.has_open_case');
      const employees = await input(s, 'forms.field.employee_id').locator('option')
        .evaluateAll((options) => options.map((o) => ({ value: o.value, label: o.textContent })));
      const chosen = employees.find((o) => o.value && !o.label.includes(openCase));
      assert.ok(chosen, `an employee without an open file among ${employees.length}`);
      walk.employeeId = Number(chosen.value);
      // "Naam (personeelsnummer) · Werkgever"
      const match = /^(.*) \(([^)]*)\) · (.*)$/.exec(chosen.label.trim());
      assert.ok(match, `the employee's label ${chosen.label}`);
      [, walk.employeeName, , walk.employerName] = match;

      await input(s, 'forms.field.employee_id').selectOption(chosen.value);
      await input(s, 'forms.date.sick_report').fill(walk.firstSickDay);
      await input(s, 'forms.field.expected_duration').selectOption('over_6_weeks');
      await input(s, 'forms.field.safety_net_applies').selectOption('no');
      await input(s, 'forms.field.work_accident').selectOption('no');
      await input(s, 'forms.field.third_party_liability').selectOption('no');
      // A complaint typed into the phone number is refused, next to the field, input kept.
      await input(s, 'forms.field.contact_phone').fill('griep, koorts');
      await s.clickAndWait(saveButton(s), /\/cases\/new$/);
      await s.assertFieldError(s.page.locator('#f-contact_phone'),
        h.text('nl', 'forms.error.invalid_phone'));
      assert.equal(await input(s, 'forms.field.employee_id').inputValue(), chosen.value);
      assert.equal(await input(s, 'forms.date.sick_report').inputValue(), walk.firstSickDay);
      await seen(s, 'sick-report-refused');

      await input(s, 'forms.field.contact_phone').fill('06 1234 5678');
      await s.clickAndWait(saveButton(s), /\/cases\/\d+$/);
      walk.caseId = Number(new URL(s.page.url()).pathname.split('/').pop());
      assert.notEqual(walk.caseId, walk.otherCaseId);
      await s.page.getByRole('heading', { level: 2, name: walk.employeeName }).waitFor();
      await seen(s, 'new-case');

      // The employer reports the sickness to the company doctor (week 1), from "what to do next".
      const report = `/cases/${walk.caseId}/entries/new/company_doctor_report`;
      await s.clickAndWait(s.page.locator(`.next-steps a[href="${report}"]`), new RegExp(`${report}$`));
      await seen(s, 'company-doctor-report-form');
      await input(s, 'forms.field.company_doctor').fill('Bedrijfsarts (demo)');
      await s.clickAndWait(saveButton(s), new RegExp(`/cases/${walk.caseId}$`));
      await seen(s, 'company-doctor-reported');

      await capture(s, 'reported');
    });
  });

  it('the doctor records a problem analysis with a medical note', async (t) => {
    if (!needs(t, 'caseId')) return;
    await h.withSession(browser, t, async (s) => {
      s.who = 'doctor';
      await s.loginAs('doctor');
      await s.goto(`/cases/${walk.caseId}`);
      await seen(s, 'case-before');
      // "What to do next" links the problem analysis form for the doctor.
      const form = `/cases/${walk.caseId}/entries/new/problem_analysis`;
      await s.clickAndWait(s.page.locator(`.next-steps a[href="${form}"]`), new RegExp(`${form}$`));
      await s.page.getByRole('heading', { level: 1, name: h.text('nl', 'forms.title.problem_analysis') })
        .waitFor();
      await seen(s, 'problem-analysis-form');
      await input(s, 'forms.field.limitations').fill('Niet langer dan 2 uur zitten\nNiet tillen boven 10 kg');
      await input(s, 'forms.field.possibilities').fill('Administratief werk in korte blokken');
      await input(s, 'forms.field.prognosis').fill('Herstel binnen drie maanden verwacht.');
      await input(s, 'forms.field.advice').fill('Opbouwen vanaf 2 x 2 uur per week in eigen werk, aangepast.');
      await input(s, 'forms.field.medical_note').fill(walk.medicalNote);
      await s.clickAndWait(saveButton(s), new RegExp(`/cases/${walk.caseId}$`));
      await seen(s, 'problem-analysis-recorded');
      // The doctor's case page shows the medical note.
      await s.page.getByText(walk.medicalNote).first().waitFor();
    });
  });

  it('the case manager drafts a plan of action', async (t) => {
    if (!needs(t, 'caseId')) return;
    await h.withSession(browser, t, async (s) => {
      s.who = 'casemanager';
      await s.loginAs('casemanager');
      await capture(s, 'analysed');
      // The analysis is in the file; of its medical part only that there is one.
      await s.page.locator('.entries .medical-note')
        .filter({ hasText: h.text('nl', 'case.medical_present') }).first().waitFor();
      const form = `/cases/${walk.caseId}/entries/new/plan_of_action`;
      await s.clickAndWait(s.page.locator(`.next-steps a[href="${form}"]`), new RegExp(`${form}$`));
      await s.page.getByRole('heading', { level: 1, name: h.text('nl', 'forms.title.plan_of_action') })
        .waitFor();
      await seen(s, 'plan-form');
      await input(s, 'forms.field.goal').selectOption('own_work_adapted');
      await cell(s, 'activities_description', 1).fill(walk.activity);
      await cell(s, 'activities_owner', 1).fill('Leidinggevende (demo)');
      await cell(s, 'activities_due', 1).fill(isoDay(14));
      await input(s, 'forms.field.employee_agreement').selectOption('pending');
      await s.clickAndWait(saveButton(s), new RegExp(`/cases/${walk.caseId}$`));
      await seen(s, 'plan-recorded');
      // The activity with its owner and date among the action items.
      const item = s.page.locator('.action-items tbody tr').filter({ hasText: walk.activity });
      await item.waitFor();
      assert.match(await item.textContent(), /Leidinggevende \(demo\)/);
      await capture(s, 'planned');
    });
  });

  it('the employee agrees to the plan of action', async (t) => {
    if (!needs(t, 'caseId', 'employeeId')) return;
    await h.withSession(browser, t, async (s) => {
      // The administrator gives the employee an account on /admin.
      s.who = 'admin';
      await s.loginAs('admin');
      await s.goto('/admin#users');
      await seen(s, 'admin');
      walk.employee = {
        email: `werknemer-${stamp}@demo.test`,
        password: 'een lange zin als eerste wachtwoord',
        name: walk.employeeName,
      };
      const form = s.page.locator('form[action="/admin/users"]');
      await form.getByLabel(h.text('nl', 'admin.email'), { exact: true }).fill(walk.employee.email);
      await form.getByLabel(h.text('nl', 'admin.name'), { exact: true }).fill(walk.employee.name);
      await form.getByLabel(h.text('nl', 'admin.initial_password'), { exact: true })
        .fill(walk.employee.password);
      await form.getByLabel(h.text('nl', 'role.employee'), { exact: true }).check();
      await form.getByLabel(h.text('nl', 'admin.employer'), { exact: true })
        .selectOption({ label: walk.employerName });
      await form.getByLabel(h.text('nl', 'admin.employee_number'), { exact: true })
        .fill(String(walk.employeeId));
      await s.shot('admin-new-user');
      await s.clickAndWait(form.getByRole('button', { name: h.text('nl', 'admin.add_user'), exact: true }),
        /\/admin/);
      await s.page.getByRole('status').filter({ hasText: h.text('nl', 'admin.notice.user_added') })
        .waitFor();
      await s.page.getByRole('cell', { name: walk.employee.email, exact: true }).waitFor();
      await seen(s, 'admin-user-added');
      await s.logout();

      // The employee, in English: lands on their own file and agrees to the plan.
      s.who = 'employee';
      await s.loginAs(walk.employee, { lang: 'en' });
      assert.equal(new URL(s.page.url()).pathname, `/cases/${walk.caseId}`);
      await s.page.getByRole('heading', { level: 1, name: h.text('en', 'case.own_title') }).waitFor();
      await seen(s, 'own-file');
      // From the file's "What you can do yourself" when it links the form, else from the list of
      // forms of the file (see the report: the own page does not link it yet).
      const agreement = /\/entries\/new\/plan_agreement$/;
      const agree = s.page.locator('.own-actions').getByRole('link',
        { name: h.text('en', 'case.own.agree_plan'), exact: true });
      if (await agree.count()) {
        await s.clickAndWait(agree, agreement);
      } else {
        await s.goto(`/cases/${walk.caseId}/entries/new`);
        await seen(s, 'own-forms');
        await s.clickAndWait(s.page.getByRole('link',
          { name: h.text('en', 'forms.title.plan_agreement'), exact: true }), agreement);
      }
      await seen(s, 'plan-agreement-form');
      const plans = await input(s, 'forms.field.plan').locator('option')
        .evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
      assert.equal(plans.length, 1, 'one plan of action to respond to');
      await input(s, 'forms.field.plan').selectOption(plans[0]);
      await input(s, 'forms.field.employee_agreement').selectOption('agreed');
      await input(s, 'forms.field.employee_view').fill('I agree; the adapted workplace comes first.');
      await s.clickAndWait(saveButton(s), new RegExp(`/cases/${walk.caseId}$`));
      await seen(s, 'plan-agreed');
      walk.planAgreed = true;
    });
  });

  it('a reintegration interview is recorded with action items', async (t) => {
    if (!needs(t, 'caseId')) return;
    await h.withSession(browser, t, async (s) => {
      // The case manager, in English for this step (?lang=en, remembered by a cookie for this
      // browser only: the stored preference stays Dutch).
      s.who = 'casemanager';
      await s.loginAs('casemanager');
      const form = `/cases/${walk.caseId}/entries/new/reintegration_interview`;
      await s.goto(`/cases/${walk.caseId}/entries/new?lang=en`);
      s.lang = 'en';
      await s.page.getByRole('heading', { level: 1, name: h.text('en', 'forms.index_title') }).waitFor();
      await seen(s, 'forms-index-en');
      await s.clickAndWait(s.page.locator(`a[href="${form}"]`), new RegExp(`${form}$`));
      await s.page.getByRole('heading', { level: 1,
        name: h.text('en', 'forms.title.reintegration_interview') }).waitFor();
      await seen(s, 'interview-form-en');
      // The case manager's form has no medical note.
      assert.equal(await s.page.locator('textarea[name="medical_note"]').count(), 0);
      await input(s, 'forms.field.attendees').fill(`${walk.employeeName}\nCasemanager (demo)`);
      await input(s, 'forms.field.work_capacity').fill('As advised: 2 x 2 hours a week, own work adapted.');
      await input(s, 'forms.field.end_goal').fill('Own work, full hours.');
      await cell(s, 'actions_description', 1).fill(walk.action);
      await cell(s, 'actions_owner', 1).fill('Casemanager (demo)');
      await cell(s, 'actions_due', 1).fill(isoDay(7));
      await input(s, 'forms.field.employee_agreement').selectOption('agreed');
      await s.clickAndWait(saveButton(s), new RegExp(`/cases/${walk.caseId}`));
      await seen(s, 'interview-recorded-en');
      const item = s.page.locator('.action-items tbody tr').filter({ hasText: walk.action });
      await item.waitFor();
      assert.match(await item.textContent(), /Casemanager \(demo\)/);
      walk.interviewRecorded = true;
    });
  });

  it('the deadlines on the dashboard change accordingly', async (t) => {
    if (!needs(t)) return;
    const { reported, analysed, planned } = walk.snapshots;
    if (!reported || !analysed || !planned) {
      t.skip('an earlier step failed (no dashboards to compare)');
      return;
    }
    const names = (snapshot) => snapshot.steps.map((step) => step.name);
    const statusOf = (snapshot, re) => (snapshot.steps.find((step) => re.test(step.name)) || {}).status;
    // Reported 50 days ago: the problem analysis overdue, the plan of action due soon.
    assert.equal(statusOf(reported, PROBLEM_ANALYSIS), 'overdue', JSON.stringify(reported.steps));
    assert.ok(['due_soon', 'upcoming'].includes(statusOf(reported, PLAN_OF_ACTION)),
      JSON.stringify(reported.steps));
    for (const [name, snapshot] of Object.entries(walk.snapshots)) {
      t.diagnostic(`${name}: ${JSON.stringify(snapshot.dashboard)}`);
    }
    assert.match(reported.dashboard.deadline, PROBLEM_ANALYSIS, JSON.stringify(reported.dashboard));
    assert.equal(reported.dashboard.urgency, 'overdue');
    assert.ok(reported.dashboard.overdue, `in the overdue card: ${JSON.stringify(reported.dashboard)}`);
    // After the problem analysis: it left "what to do next"; the plan is still open.
    assert.ok(!names(analysed).some((name) => PROBLEM_ANALYSIS.test(name)), JSON.stringify(analysed.steps));
    assert.ok(names(analysed).some((name) => PLAN_OF_ACTION.test(name)), JSON.stringify(analysed.steps));
    assert.doesNotMatch(analysed.dashboard.deadline, PROBLEM_ANALYSIS);
    assert.match(analysed.dashboard.deadline, PLAN_OF_ACTION, JSON.stringify(analysed.dashboard));
    // (The plan is due two weeks after the analysis, which was late: due soon, no longer overdue.)
    assert.equal(analysed.dashboard.urgency, 'due_soon', JSON.stringify(analysed.dashboard));
    assert.equal(analysed.dashboard.overdue, null, 'out of the overdue card');
    // After the plan of action: neither is open any more.
    assert.ok(!names(planned).some((name) => PROBLEM_ANALYSIS.test(name) || PLAN_OF_ACTION.test(name)),
      JSON.stringify(planned.steps));
    assert.doesNotMatch(planned.dashboard.deadline, PLAN_OF_ACTION, JSON.stringify(planned.dashboard));
    assert.doesNotMatch(planned.dashboard.deadline, PROBLEM_ANALYSIS);
    assert.equal(planned.dashboard.overdue, null, 'out of the overdue card');
  });

  it('the case manager never sees the medical note', async (t) => {
    if (!needs(t, 'caseId')) return;
    await h.withSession(browser, t, async (s) => {
      // Each page the case manager opened so far was checked (seen()); once more, in both
      // languages, the pages of this case and the dashboard.
      s.who = 'casemanager';
      await s.loginAs('casemanager');
      for (const lang of ['nl', 'en']) {
        for (const page of [`/cases/${walk.caseId}`, `/cases/${walk.caseId}/entries/new`,
          `/cases/${walk.caseId}/entries/new/problem_analysis`, '/dashboard']) {
          const response = await s.goto(`${page}?lang=${lang}`);
          s.lang = lang;
          if (response.status() === 200) await seen(s, `casemanager-${lang}-${page}`);
          else await s.assertNotShown(walk.medicalNote);
        }
      }
      t.diagnostic(`${walk.caseManagerPages.length} pages of the case manager checked`);
      const pages = new Set(walk.caseManagerPages.map((p) => new URL(p, h.config.baseURL).pathname));
      assert.ok(pages.has(`/cases/${walk.caseId}`) && pages.has('/dashboard') && pages.has('/cases/new'),
        `the case manager's pages: ${[...pages].join(', ')}`);
      await s.goto('/dashboard?lang=nl');   // the cookie back to Dutch
      // The doctor does see it on the case page.
      const doctor = await browser.newContext();
      try {
        const d = new h.Session(doctor, await doctor.newPage(), `${s.name}-doctor`);
        await d.loginAs('doctor', { shoot: false });
        await d.goto(`/cases/${walk.caseId}`);
        await d.page.getByText(walk.medicalNote).first().waitFor();
        await d.shot('doctor-still-sees-note');
      } finally {
        await doctor.close();
      }
    });
  });

  it('the employee sees their own file', async (t) => {
    if (!needs(t, 'caseId', 'employee', 'planAgreed')) return;
    await h.withSession(browser, t, async (s) => {
      s.who = 'employee';
      await s.loginAs(walk.employee, { lang: 'en' });
      assert.equal(new URL(s.page.url()).pathname, `/cases/${walk.caseId}`);
      await s.page.getByRole('heading', { level: 2, name: h.text('en', 'case.own.documents') }).waitFor();
      const documents = s.page.locator('.entries');
      // The plan of action and (when step 5 ran) the interview with its action item.
      await documents.getByText(walk.activity).first().waitFor();
      if (walk.interviewRecorded) {
        await s.page.locator('.action-items').getByText(walk.action).first().waitFor();
        await documents.getByText(walk.action).first().waitFor();
      }
      await seen(s, 'own-file');
      // Someone else's file: not found, as if it did not exist.
      await s.goto(`/cases/${walk.otherCaseId}`, { status: 404 });
      await seen(s, 'other-case-404');
    });
  });

  it('the case manager\'s dashboard links the sick report', async (t) => {
    if (!needs(t, 'caseId')) return;
    await h.withSession(browser, t, async (s) => {
      await s.loginAs('casemanager', { shoot: false });
      assert.equal(await s.page.locator('a[href="/cases/new"]').count(), 1);
    }, { artefacts: false });
  });

  it('the employee\'s own file links the employee\'s forms', async (t) => {
    if (!needs(t, 'caseId', 'employee')) return;
    await h.withSession(browser, t, async (s) => {
      await s.loginAs(walk.employee, { lang: 'en', shoot: false });
      const own = s.page.locator('.own-actions');
      for (const [label, form] of [['case.own.agree_plan', 'plan_agreement'],
        ['case.own.opinion', 'employee_opinion']]) {
        const link = own.getByRole('link', { name: h.text('en', label), exact: true });
        assert.equal(await link.count(), 1, `a link "${h.text('en', label)}"`);
        await s.clickAndWait(link, new RegExp(`/entries/new/${form}$`));
        await s.goto(`/cases/${walk.caseId}`);
      }
    }, { artefacts: false });
  });
});
