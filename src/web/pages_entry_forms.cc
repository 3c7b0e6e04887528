// Pages: the forms for every step of the file.
//
//   GET/POST /cases/new                          the sick report (employer staff)
//   GET      /cases/{id}/entries/new             the forms this viewer may fill in for the case
//   GET/POST /cases/{id}/entries/new/{form}      one form (entry_form_spec.cc lists them)
//
// Each handler parses, asks the application (which decides through policy.h), and renders. A
// form is offered only when the viewer's CaseAccess may append its entry type (else 403, as the
// API answers), MEDICAL inputs only to who writes medical data. A refused form comes back with
// the message next to its input and everything typed; a saved one redirects to the case
// (Post/Redirect/Get).
#include <charconv>
#include <nlohmann/json.hpp>

#include "app/policy.h"
#include "app/sick_report_choices.h"
#include "web/entry_form_fill.h"
#include "web/page_routes.h"

namespace spoorboek::web {
namespace {

constexpr std::string_view kDateInput = "occurred_on";
constexpr std::string_view kFirstSickDay = "first_sick_day";

std::string case_url(std::int64_t case_id) { return "/cases/" + std::to_string(case_id); }

std::string text_of(Language language, std::string_view key) {
  return std::string(Catalogue::instance().text(language, key));
}

// Runs `work` for a logged-in person with a full session, in their language.
using UserWork =
    std::function<api::HttpResponse(api::Context&, const PageUser&, Language, const app::Moment&)>;
void for_user(PageState& state, api::HttpRequest& request, const api::Responder& out,
              const UserWork& work) {
  for_signed_in_user(state, request, out, [&](api::Context& context, const PageUser& user,
                                              const app::Moment& now) {
    return work(context, user, viewer_language(context, request, user), now);
  });
}

// A POST's form after its CSRF check; nullopt after answering the refusal.
std::optional<Form> posted_form(const api::HttpRequest& request, const PageUser& user,
                                Language language, api::HttpResponse& refusal) {
  auto form = parse_form(request.header("content-type"), request.body);
  if (!form.ok()) {
    refusal = error_page(language, user.viewer(), 400, "error.bad_request");
    return std::nullopt;
  }
  if (!csrf_matches(*form, user.who.csrf_token)) {
    refusal = error_page(language, user.viewer(), 403, "error.csrf");
    return std::nullopt;
  }
  return std::move(*form);
}

api::HttpResponse refusal_page(Language language, const PageUser& user, const core::Error& error) {
  if (error.code == "not_found") return error_page(language, user.viewer(), 404, "error.not_found");
  if (error.code == "forbidden" || error.code == "moved") {
    return error_page(language, user.viewer(), 403, "error.forbidden");
  }
  return error_page(language, user.viewer(), 500, "error.internal");
}

// What a form page shows around its items.
struct FormPage {
  const EntryFormSpec* spec = nullptr;
  FormOptions options;
  std::string action;
  std::string date_input;
  std::optional<std::int64_t> case_id;
  std::string case_name;
  std::string expected_seq;
  bool no_choices = false;
};

api::HttpResponse render_form(Language language, const PageUser& user, const FormPage& page,
                              const TypedForm& typed, int status) {
  Data data{Data::type::object};
  data.set("csrf", user.who.csrf_token);
  data.set("action", page.action);
  const std::string back = page.case_id ? case_url(*page.case_id) : std::string("/dashboard");
  data.set("case_url", page.case_id ? Data(back) : Data(false));
  data.set("cancel_url", back);
  data.set("case_name", page.case_name.empty() ? Data(false) : Data(page.case_name));
  const std::string intro_key = "forms.intro." + std::string(page.spec->slug);
  data.set("intro", Catalogue::instance().has(language, intro_key) ? Data(text_of(language, intro_key))
                                                                   : Data(false));
  std::string form_error = typed.form_error;
  if (form_error.empty() && !typed.errors.empty()) form_error = text_of(language, "form.check_fields");
  data.set("form_error", form_error.empty() ? Data(false) : Data(form_error));
  data.set("stale", typed.form_error == error_text(language, "stale"));
  bool medical_shown = false;
  for (const auto& item : page.spec->items) {
    const auto* input = std::get_if<InputSpec>(&item);
    medical_shown = medical_shown ||
                    (input && input->destination == Destination::medical &&
                     input_shown(*input, page.options));
  }
  data.set("medical_shown", medical_shown);
  data.set("no_choices", page.no_choices);
  data.set("expected_seq", page.expected_seq.empty() ? Data(false) : Data(page.expected_seq));
  data.set("items", form_items(*page.spec, page.options, language, page.date_input, typed));
  const std::string title_key = "forms.title." + std::string(page.spec->slug);
  return render_page(PageFrame{language, title_key, user.viewer(), page.action}, "form_entry",
                     std::move(data), status);
}

// ---- the sick report ----------------------------------------------------------------------

std::string employee_label(Language language, const app::ReportableEmployee& employee) {
  std::string label = employee.name + " (" + employee.personnel_number + ") · " +
                      employee.employer_name;
  if (employee.has_open_case) label += " · " + text_of(language, "forms.has_open_case");
  return label;
}

core::Result<FormPage> sick_report_page(api::Context& context, const PageUser& user,
                                        Language language) {
  auto employees = app::employees_to_report_sick(*context.store, user.who.actor);
  if (!employees.ok()) return employees.error();
  FormPage page;
  page.spec = &sick_report_form();
  page.action = "/cases/new";
  page.date_input = std::string(kFirstSickDay);
  auto& choices = page.options.dynamic["employee_id"];
  for (const auto& employee : *employees) {
    choices.push_back({std::to_string(employee.id), employee_label(language, employee)});
  }
  page.no_choices = choices.empty();
  return page;
}

api::HttpResponse get_sick_report(api::Context& context, const PageUser& user, Language language,
                                  const app::Moment& now) {
  auto page = sick_report_page(context, user, language);
  if (!page.ok()) return refusal_page(language, user, page.error());
  TypedForm typed = blank_form(*page->spec);
  typed.values[std::string(kFirstSickDay)] = core::format_iso_date(now.today);
  return render_form(language, user, *page, typed, 200);
}

api::HttpResponse post_sick_report(api::Context& context, const api::HttpRequest& request,
                                   const PageUser& user, Language language,
                                   const app::Moment& now) {
  api::HttpResponse refusal;
  const auto form = posted_form(request, user, language, refusal);
  if (!form) return refusal;
  auto page = sick_report_page(context, user, language);
  if (!page.ok()) return refusal_page(language, user, page.error());
  TypedForm typed = read_typed(*page->spec, *form, kFirstSickDay);
  if (add_row_pressed(*page->spec, *form, typed)) return render_form(language, user, *page, typed, 200);
  if (check_typed(*page->spec, page->options, language, kFirstSickDay, typed)) {
    app::SickReport report;
    report.employee_id = *positive_id(typed.value("employee_id"));
    report.first_sick_day = *core::parse_iso_date(typed.value(kFirstSickDay));
    report.payload = payload_json(*page->spec, page->options, language, typed);
    auto opened = context.app->report_sick(user.who.actor, report, now);
    if (opened.ok()) return see_other(case_url(opened->case_id));
    place_error(*page->spec, page->options, language, opened.error(), kFirstSickDay, typed);
  }
  return render_form(language, user, *page, typed, 422);
}

// ---- the forms of a case ------------------------------------------------------------------

// The label of an earlier version to adjust or respond to.
std::string version_label(Language language, const app::EntryView& entry) {
  return Catalogue::instance().format(
      language, "forms.version_label",
      {{"date", Catalogue::long_date(language, entry.occurred_on)},
       {"seq", std::to_string(entry.seq)}});
}

// Whether an entry is one a version input offers (its filter on a payload field, if any).
bool version_matches(const InputSpec& input, const app::EntryView& entry) {
  if (input.version_field.empty()) return true;
  const auto payload = nlohmann::json::parse(entry.payload, nullptr, /*allow_exceptions=*/false);
  if (!payload.is_object()) return false;
  const auto found = payload.find(input.version_field);
  return found != payload.end() && found->is_string() &&
         found->get_ref<const std::string&>() == input.version_value;
}

// The label of an entry to correct: its type, date and number.
std::string entry_label(Language language, const app::EntryView& entry) {
  return Catalogue::instance().format(
      language, "forms.entry_label",
      {{"type", text_of(language, "entry_type." + std::string(core::entry_type_name(entry.type)))},
       {"date", Catalogue::long_date(language, entry.occurred_on)},
       {"seq", std::to_string(entry.seq)}});
}

struct CaseForm {
  FormPage page;
  app::CaseAccess access;
};

// The form page of a case, or the refusal to answer with.
core::Result<CaseForm> case_form_page(api::Context& context, const api::HttpRequest& request,
                                      const PageUser& user, Language language,
                                      const app::Moment& now) {
  const auto case_id = positive_id(request.param("id").value_or(""));
  const std::string_view slug = request.param("form").value_or("");
  const EntryFormSpec* spec = find_entry_form(slug);
  // A link may name an entry type instead of a form (the case page's links do).
  const auto type = spec ? std::optional<core::EntryType>(spec->type)
                         : core::entry_type_from_name(slug);
  if (!case_id || !type) return core::make_error("not_found", "", "no such form");
  const app::Actor& actor = user.who.actor;
  auto reach = context.app->reachable_case(actor, *case_id);
  if (!reach.ok()) return reach.error();
  const app::CaseAccess access = app::case_access(actor, *reach);
  if (!spec || !form_offered(*spec, actor, access, *reach)) {
    // A link by entry type leads the employee to their own form of that type.
    for (const auto& own : entry_form_specs()) {
      if (own.type == *type && own.audience == Audience::own_employee &&
          form_offered(own, actor, access, *reach)) {
        return core::make_error("moved", std::string(own.slug), "the employee's own form");
      }
    }
    if (!spec) return core::make_error("not_found", "", "no form records this type");
    return core::make_error("forbidden", "type", "not a form of this role");
  }
  auto file = context.app->get_case_file(actor, *case_id, now.today, language);
  if (!file.ok()) return file.error();
  CaseForm result;
  result.access = access;
  FormPage& page = result.page;
  page.spec = spec;
  page.case_id = *case_id;
  page.case_name = file->record.employee_name;
  page.action = case_url(*case_id) + "/entries/new/" + std::string(spec->slug);
  page.date_input = std::string(kDateInput);
  page.options.writes_medical = access.reads(core::Visibility::medical);
  page.options.viewer_name = actor.display_name;
  std::int64_t last_seq = 0;
  for (const auto& entry : file->entries) last_seq = std::max(last_seq, entry.seq);
  page.expected_seq = std::to_string(last_seq + 1);
  for (const auto& item : spec->items) {
    const auto* input = std::get_if<InputSpec>(&item);
    if (!input) continue;
    if (input->kind == InputKind::version) {
      auto& choices = page.options.dynamic[std::string(input->name)];
      for (const auto& entry : file->entries) {
        if (entry.type == input->version_of && !entry.voided && version_matches(*input, entry)) {
          choices.push_back({std::to_string(entry.seq), version_label(language, entry)});
        }
      }
    } else if (input->kind == InputKind::entry) {
      // What a correction may name: an entry the viewer reads that still counts, not itself a
      // correction (core refuses a correction of a correction); the latest first.
      auto& choices = page.options.dynamic[std::string(input->name)];
      for (auto it = file->entries.rbegin(); it != file->entries.rend(); ++it) {
        if (it->type != core::EntryType::correction && !it->voided && !it->redacted) {
          choices.push_back({std::to_string(it->seq), entry_label(language, *it)});
        }
      }
    }
  }
  return result;
}

// What a blank form starts with: today's date, the viewer as author or case manager.
TypedForm starting_values(const FormPage& page, const app::Moment& now) {
  TypedForm typed = blank_form(*page.spec);
  typed.values[std::string(kDateInput)] = core::format_iso_date(now.today);
  for (const auto& item : page.spec->items) {
    const auto* input = std::get_if<InputSpec>(&item);
    if (input && (input->name == "author" || input->name == "case_manager")) {
      typed.values[std::string(input->name)] = page.options.viewer_name;
    }
  }
  return typed;
}

api::HttpResponse get_entry_form(api::Context& context, const api::HttpRequest& request,
                                 const PageUser& user, Language language, const app::Moment& now) {
  auto form = case_form_page(context, request, user, language, now);
  if (!form.ok() && form.error().code == "moved") {
    return see_other(case_url(*positive_id(request.param("id").value_or(""))) + "/entries/new/" +
                     form.error().field);
  }
  if (!form.ok()) return refusal_page(language, user, form.error());
  return render_form(language, user, form->page, starting_values(form->page, now), 200);
}

api::HttpResponse post_entry_form(api::Context& context, const api::HttpRequest& request,
                                  const PageUser& user, Language language,
                                  const app::Moment& now) {
  api::HttpResponse refusal;
  const auto form = posted_form(request, user, language, refusal);
  if (!form) return refusal;
  auto found = case_form_page(context, request, user, language, now);
  if (!found.ok()) return refusal_page(language, user, found.error());
  FormPage& page = found->page;
  const EntryFormSpec& spec = *page.spec;
  TypedForm typed = read_typed(spec, *form, kDateInput);
  // The file as the person saw it: a form sent after someone else added to it is refused.
  const std::string current_seq = page.expected_seq;
  if (const auto sent = positive_id(form->value("expected_seq"))) {
    page.expected_seq = std::to_string(*sent);
  }
  if (add_row_pressed(spec, *form, typed)) return render_form(language, user, page, typed, 200);
  int status = 422;
  if (check_typed(spec, page.options, language, kDateInput, typed)) {
    nlohmann::json draft = {{"type", core::entry_type_name(spec.type)},
                            {"occurred_on", typed.value(kDateInput)},
                            {"payload", nlohmann::json::parse(payload_json(spec, page.options,
                                                                           language, typed))},
                            {"expected_seq", *positive_id(page.expected_seq)}};
    auto appended = context.app->append_entry_json(user.who.actor, *page.case_id, draft.dump(), now);
    if (appended.ok()) return see_other(case_url(*page.case_id));
    place_error(spec, page.options, language, appended.error(), kDateInput, typed);
    if (appended.error().code == "conflict" && appended.error().field == "expected_seq") {
      // Sending again after checking the file adds to the file as it is now.
      page.expected_seq = current_seq;
      status = 409;
    }
  }
  return render_form(language, user, page, typed, status);
}

api::HttpResponse form_index(api::Context& context, const api::HttpRequest& request,
                             const PageUser& user, Language language, const app::Moment& now) {
  const auto case_id = positive_id(request.param("id").value_or(""));
  if (!case_id) return error_page(language, user.viewer(), 404, "error.not_found");
  const app::Actor& actor = user.who.actor;
  auto reach = context.app->reachable_case(actor, *case_id);
  if (!reach.ok()) return refusal_page(language, user, reach.error());
  auto file = context.app->get_case_file(actor, *case_id, now.today, language);
  if (!file.ok()) return refusal_page(language, user, file.error());
  const app::CaseAccess access = app::case_access(actor, *reach);
  Data forms{Data::type::list};
  bool any = false;
  for (const auto& spec : entry_form_specs()) {
    if (!form_offered(spec, actor, access, *reach)) continue;
    any = true;
    Data item{Data::type::object};
    item.set("url", case_url(*case_id) + "/entries/new/" + std::string(spec.slug));
    item.set("title", text_of(language, "forms.title." + std::string(spec.slug)));
    item.set("medical", spec.medical_only);
    forms.push_back(item);
  }
  Data data{Data::type::object};
  data.set("case_url", case_url(*case_id));
  data.set("case_name", file->record.employee_name);
  data.set("has_forms", any);
  data.set("forms", forms);
  return render_page(PageFrame{language, "forms.index_title", user.viewer(),
                               case_url(*case_id) + "/entries/new"},
                     "form_index", std::move(data));
}

}  // namespace

void register_entry_form_routes(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/cases/new",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        Language language, const app::Moment& now) {
      return get_sick_report(context, user, language, now);
    });
  });
  router.add(api::Method::post, "/cases/new",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        Language language, const app::Moment& now) {
      return post_sick_report(context, request, user, language, now);
    });
  });
  router.add(api::Method::get, "/cases/{id}/entries/new",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        Language language, const app::Moment& now) {
      return form_index(context, request, user, language, now);
    });
  });
  router.add(api::Method::get, "/cases/{id}/entries/new/{form}",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        Language language, const app::Moment& now) {
      return get_entry_form(context, request, user, language, now);
    });
  });
  router.add(api::Method::post, "/cases/{id}/entries/new/{form}",
             [shared](api::HttpRequest& request, const api::Responder& out) {
    for_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                        Language language, const app::Moment& now) {
      return post_entry_form(context, request, user, language, now);
    });
  });
}

}  // namespace spoorboek::web
