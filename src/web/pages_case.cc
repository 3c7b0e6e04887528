// Pages: the case page (/cases/{id}) and the employee's own view of it.
//
// app/case_page.h decides what the viewer reads and may add; this file only shows it. The page
// leaves the server only after its read is on record (api/read_recorder.h, kind "case_page"), as
// every case-file answer of the API does.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <functional>
#include <stdexcept>

#include "app/case_page.h"
#include "app/documents.h"
#include "web/case_payload.h"
#include "web/entry_form_spec.h"
#include "web/page_routes.h"
#include "web/svg/timeline_svg.h"

namespace spoorboek::web {
namespace {

// The SVG is our own escaped markup, so it cannot pass through {{name}} (which would escape it
// again). It is spliced in after rendering at these comments of the template: escaped content
// never holds "<", so no user input can forge one.
constexpr std::string_view kWideSlot = "<!--spoorboek:timeline-wide-->";
constexpr std::string_view kCompactSlot = "<!--spoorboek:timeline-compact-->";

std::string text_of(Language language, std::string_view key) {
  return std::string(Catalogue::instance().text(language, key));
}

std::string optional_date(Language language, const std::optional<core::Date>& date) {
  return date ? Catalogue::long_date(language, *date) : std::string("–");
}

// "2 mrt. 2026": the labels inside the timeline are short.
std::string short_date(Language language, core::Date date) {
  const std::chrono::year_month_day ymd{date};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         text_of(language, "timeline.month_short." +
                               std::to_string(static_cast<unsigned>(ymd.month()))) +
         " " + std::to_string(static_cast<int>(ymd.year()));
}

// "2026-03-02T10:15:00Z" as "2 maart 2026, 10:15 UTC"; anything else as stored.
std::string recorded_text(Language language, const std::string& timestamp) {
  if (timestamp.size() < 16) return timestamp;
  const auto day = core::parse_iso_date(timestamp.substr(0, 10));
  if (!day) return timestamp;
  return Catalogue::long_date(language, *day) + ", " + timestamp.substr(11, 5) + " UTC";
}

std::string timeline_svg(Language language, const app::CasePageData& page, core::Date today,
                         bool compact) {
  const Catalogue& texts = Catalogue::instance();
  svg::TimelineSvgText words;
  words.message = [&texts, language](std::string_view key, const svg::MessageValues& values) {
    return texts.format(language, key, values);
  };
  words.format_date = [language](core::Date date) { return short_date(language, date); };
  svg::TimelineSvgOptions options;
  options.compact = compact;
  options.id_prefix = compact ? "tl-compact" : "tl-wide";
  for (const auto& span : page.partial_work) {
    options.partial_work.push_back({span.first_day, span.last_day, span.percentage});
  }
  return svg::render_timeline_svg(page.timeline.input, page.timeline.timeline, today, words,
                                  options);
}

Data fields_data(const std::vector<PayloadField>& fields) {
  Data list{Data::type::list};
  for (const auto& field : fields) {
    Data item{Data::type::object};
    item.set("label", field.label);
    if (!field.text.empty()) item.set("text", field.text);
    if (!field.items.empty()) {
      Data items{Data::type::list};
      for (const auto& text : field.items) items.push_back(Data{"text", text});
      item.set("list", Data{"items", items});
    }
    list.push_back(item);
  }
  return Data{"fields", list};
}

// The reason of the correction that voided entry `seq`, if any.
std::string void_reason(const app::CaseFileView& file, std::int64_t seq) {
  for (const auto& entry : file.entries) {
    if (entry.type != core::EntryType::correction || entry.voided) continue;
    if (payload_integer(entry.payload, "corrects_seq") != seq) continue;
    if (auto reason = payload_text(entry.payload, "reason")) return *reason;
  }
  return "";
}

std::optional<std::int64_t> corrected_by(const app::CaseFileView& file, std::int64_t seq) {
  for (const auto& entry : file.entries) {
    if (entry.type == core::EntryType::correction && !entry.voided &&
        payload_integer(entry.payload, "corrects_seq") == seq) {
      return entry.seq;
    }
  }
  return std::nullopt;
}

Data entry_data(Language language, const app::CasePageData& page, const app::EntryView& entry) {
  const Catalogue& texts = Catalogue::instance();
  const std::string visibility(core::visibility_name(entry.visibility));
  Data data{Data::type::object};
  data.set("seq", std::to_string(entry.seq));
  const std::string type_name(core::entry_type_name(entry.type));
  data.set("type", entry.type_hidden ? std::string(texts.text(language, "case.confidential_type"))
                                     : text_of(language, "entry_type." + type_name));
  data.set("occurred_on", Catalogue::long_date(language, entry.occurred_on));
  data.set("recorded_at", recorded_text(language, entry.recorded_at));
  const auto author = page.author_names.find(entry.actor);
  data.set("author", author != page.author_names.end() ? author->second : entry.actor);
  std::string visibility_key = visibility;
  for (char& c : visibility_key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  data.set("visibility_class", visibility_key);
  data.set("visibility", text_of(language, "case.visibility." + visibility_key));
  data.set("visibility_meaning", text_of(language, "case.visibility_meaning." + visibility_key));
  if (entry.redacted) {
    data.set("redacted", true);
  } else {
    const auto fields = payload_fields(language, entry.payload);
    if (!fields.empty()) data.set("payload", fields_data(fields));
  }
  if (entry.medical) {
    data.set("medical", fields_data(payload_fields(language, *entry.medical)));
  } else if (entry.has_medical) {
    data.set("medical_note", true);
  }
  if (entry.type == core::EntryType::correction) {
    if (const auto target = payload_integer(entry.payload, "corrects_seq")) {
      data.set("corrects", texts.format(language, "case.corrects", {{"seq", std::to_string(*target)}}));
      data.set("corrects_anchor", "entry-" + std::to_string(*target));
    }
  }
  if (entry.voided) {
    data.set("voided", true);
    const std::string reason = void_reason(page.file, entry.seq);
    data.set("void_text", reason.empty() ? text_of(language, "case.voided")
                                         : texts.format(language, "case.voided_because",
                                                        {{"reason", reason}}));
  } else if (entry.corrected) {
    if (const auto by = corrected_by(page.file, entry.seq)) {
      data.set("corrected_text", texts.format(language, "case.corrected_by", {{"seq", std::to_string(*by)}}));
      data.set("corrected_anchor", "entry-" + std::to_string(*by));
    }
  }
  return data;
}

std::string status_key(core::MilestoneStatus status) {
  return "milestone_status." + std::string(core::status_name(status));
}

// A step links the form that records it only when that form is offered to the viewer (the
// vangnet situation, say, is the doctor's form although the case manager may add the entry).
Data next_steps_data(Language language, std::int64_t case_id, const app::CasePageData& page,
                     bool plain, const app::Actor& actor) {
  const app::CaseAccess access = app::case_access(actor, page.file.reach);
  Data list{Data::type::list};
  for (const auto& step : page.next_steps) {
    const std::string key(core::milestone_key_name(step.milestone.key));
    Data item{Data::type::object};
    item.set("name", text_of(language, "milestone." + key));
    item.set("due", optional_date(language, step.milestone.due));
    item.set("status", std::string(core::status_name(step.milestone.status)));
    item.set("status_label", text_of(language, status_key(step.milestone.status)));
    item.set("explanation", plain ? text_of(language, "case.plain." + key) : step.milestone.explanation);
    if (step.form && form_for_type(*step.form, actor, access, page.file.reach)) {
      item.set("form_url", "/cases/" + std::to_string(case_id) + "/entries/new/" +
                               std::string(core::entry_type_name(*step.form)));
      item.set("form_label", Catalogue::instance().format(
                                 language, "case.record_step",
                                 {{"step", text_of(language, "milestone." + key)}}));
    }
    list.push_back(item);
  }
  if (list.is_empty_list()) return Data{false};
  return list;
}

Data actions_data(Language language, const app::CasePageData& page, core::Date today) {
  const auto items = action_items(page.file);
  if (items.empty()) return Data{false};
  Data list{Data::type::list};
  for (const auto& action : items) {
    Data item{Data::type::object};
    item.set("description", action.description);
    item.set("owner", action.owner);
    item.set("due", optional_date(language, action.due));
    item.set("overdue", action.due && *action.due < today);
    item.set("source", text_of(language, "entry_type." +
                                             std::string(core::entry_type_name(action.source_type))));
    item.set("source_anchor", "entry-" + std::to_string(action.source_seq));
    list.push_back(item);
  }
  Data holder{Data::type::object};
  holder.set("items", list);
  return holder;
}

bool may_append(const app::CasePageData& page, core::EntryType type) {
  return std::find(page.appendable.begin(), page.appendable.end(), type) != page.appendable.end();
}

// What the employee asks of the file. Only an existing entry type the employee may add becomes
// a link; the others are named with a note that they go through the case manager for now.
Data employee_actions(Language language, std::int64_t case_id, const app::CasePageData& page) {
  struct Wish {
    const char* label_key;
    std::optional<core::EntryType> type;
  };
  const Wish wishes[] = {
      {"case.own.agree_plan", core::EntryType::plan_agreement},
      {"case.own.opinion", core::EntryType::employee_view},
      {"case.own.copy", core::EntryType::file_copy_request},
  };
  Data list{Data::type::list};
  for (const auto& wish : wishes) {
    Data item{Data::type::object};
    item.set("label", text_of(language, wish.label_key));
    if (wish.type && may_append(page, *wish.type)) {
      // By entry type, like every form link of the page: the forms lead to the employee's own.
      item.set("url", "/cases/" + std::to_string(case_id) + "/entries/new/" +
                          std::string(core::entry_type_name(*wish.type)));
    } else {
      item.set("note", text_of(language, "case.own.via_case_manager"));
    }
    list.push_back(item);
  }
  return list;
}

void set_header(Data& data, Language language, const app::CasePageData& page) {
  const app::CaseFileView& file = page.file;
  data.set("employee", file.record.employee_name);
  data.set("employer", file.record.employer_name);
  data.set("status", text_of(language, "case_status." +
                                           std::string(core::case_status_name(file.state.status))));
  data.set("sick_week", file.sick_week > 0 ? std::to_string(file.sick_week) : std::string("–"));
  data.set("first_sick_day", optional_date(language, file.state.first_sick_day));
  data.set("waiting_period_end", optional_date(language, file.waiting_period_end));
  std::string assignees;
  for (const auto& name : page.assignees) assignees += (assignees.empty() ? "" : ", ") + name;
  data.set("assignees", assignees.empty() ? text_of(language, "case.nobody") : assignees);
}

// The completeness check: the wage-sanction risk with its reasons, and every finding with what to
// do, its legal basis and links to the entries concerned. The texts of a check are the core's
// (core::check_title, check_action), so that CLI, API and page say the same.
Data check_data(Language language, const core::CheckReport& report) {
  const Catalogue& texts = Catalogue::instance();
  Data data{Data::type::object};
  const std::string level(core::risk_level_name(report.risk.level));
  data.set("risk_score", std::to_string(report.risk.score));
  data.set("risk_level", level);
  data.set("risk_label", text_of(language, "check.level." + level));
  data.set("counts", texts.format(language, "check.counts",
                                  {{"blocks", std::to_string(report.blocks)},
                                   {"warnings", std::to_string(report.warnings)},
                                   {"infos", std::to_string(report.infos)}}));
  Data reasons{Data::type::list};
  for (const auto& reason : report.risk.reasons) {
    Data item{Data::type::object};
    item.set("title", std::string(core::check_title(reason.check, language)));
    item.set("points", std::to_string(reason.points));
    reasons.push_back(item);
  }
  data.set("reasons", reasons.is_empty_list() ? Data{false} : Data{"items", reasons});
  Data findings{Data::type::list};
  for (const auto& finding : report.findings) {
    std::string severity(core::severity_name(finding.severity));
    for (char& c : severity) c = static_cast<char>(c - 'A' + 'a');
    Data item{Data::type::object};
    item.set("severity_class", severity);
    item.set("severity", text_of(language, "check.severity." + severity));
    item.set("code", std::string(core::check_code(finding.check)));
    item.set("title", std::string(core::check_title(finding.check, language)));
    item.set("action", std::string(core::check_action(finding.check, language)));
    item.set("legal_basis", std::string(core::check_legal_basis(finding.check)));
    if (finding.due) item.set("due", Catalogue::long_date(language, *finding.due));
    if (!finding.entries.empty()) {
      Data links{Data::type::list};
      for (const auto seq : finding.entries) links.push_back(Data{"seq", std::to_string(seq)});
      item.set("concerns", Data{"links", links});
    }
    if (!finding.field.empty()) item.set("field", finding.field);
    if (!finding.term.empty()) item.set("term", finding.term);
    findings.push_back(item);
  }
  data.set("findings", findings.is_empty_list() ? Data{false} : Data{"items", findings});
  return data;
}

// The documents of the file as PDF downloads (app/documents.h says which the file can fill).
Data documents_data(Language language, std::int64_t case_id, const app::CasePageData& page) {
  Data list{Data::type::list};
  for (const auto kind : app::available_documents(page.file)) {
    const std::string name(app::document_kind_name(kind));
    Data item{Data::type::object};
    item.set("url", "/cases/" + std::to_string(case_id) + "/documents/" + name + ".pdf");
    item.set("label", text_of(language, "document.title." + name));
    list.push_back(item);
  }
  return list;
}

api::HttpResponse case_page(const app::CasePageData& page, const PageUser& user, Language language,
                            std::int64_t case_id, core::Date today) {
  const bool plain = page.own_file;
  Data data{Data::type::object};
  data.set("plain", plain);
  set_header(data, language, page);
  data.set("has_timeline", page.timeline.has_timeline);
  data.set("next_steps", next_steps_data(language, case_id, page, plain, user.who.actor));
  data.set("has_next_steps", !page.next_steps.empty());
  data.set("actions", actions_data(language, page, today));
  data.set("check", check_data(language, page.check.report));
  Data entries{Data::type::list};
  for (const auto& entry : page.file.entries) entries.push_back(entry_data(language, page, entry));
  data.set("entries", entries);
  data.set("has_entries", !page.file.entries.empty());
  if (plain) data.set("own_actions", employee_actions(language, case_id, page));
  Data documents = documents_data(language, case_id, page);
  data.set("has_documents", !documents.is_empty_list());
  data.set("documents", documents);
  const std::string here = "/cases/" + std::to_string(case_id);
  api::HttpResponse response = render_page(
      PageFrame{language, plain ? "case.own_title" : "case.title", user.viewer(), here}, "case",
      std::move(data));
  if (page.timeline.has_timeline) {
    for (const auto& [slot, compact] : {std::pair{kWideSlot, false}, std::pair{kCompactSlot, true}}) {
      const auto at = response.body.find(slot);
      if (at != std::string::npos) {
        response.body.replace(at, slot.size(), timeline_svg(language, page, today, compact));
      }
    }
  }
  return response;
}

api::HttpResponse not_found(Language language, const PageUser& user) {
  return error_page(language, user.viewer(), 404, "error.not_found");
}

// A case the viewer may not read answers as one that does not exist (as the API does).
api::HttpResponse refusal_page(Language language, const PageUser& user, const core::Error& error) {
  if (error.code == "not_found" || error.code == "forbidden") return not_found(language, user);
  return error_page(language, user.viewer(), 500, "error.internal");
}

// What a page that shows (part of) a case file makes: its answer, and the read to record first
// (none when it shows nothing of the file).
struct CaseAnswer {
  api::HttpResponse response;
  std::optional<store::CaseRead> read;
};
using CaseWork = std::function<CaseAnswer(api::Context&, const PageUser&, Language,
                                          std::int64_t case_id, const app::Moment&)>;

// The steps of every page of one case: a database context, the signed-in person (an
// enrolment-only session goes to its set-up), the case id from the path, and the read recorded
// in the read log before the answer leaves.
void serve_case_page(PageState& shared, api::HttpRequest& request, const api::Responder& out,
                     const CaseWork& work) {
  auto lease = shared.api.borrow();
  if (!lease.ok()) {
    return out.send(error_page(page_language(request), std::nullopt, 503, "error.unavailable"));
  }
  api::Context& context = **lease;
  const app::Moment now = shared.api.now();
  auto user = page_user(context, request, now);
  if (!user) return out.send(see_other("/login?notice=session_ended"));
  const Language language = viewer_language(context, request, *user);
  CaseAnswer answer = [&]() -> CaseAnswer {
    if (user->who.enrolment_only) return {see_other("/dashboard"), std::nullopt};
    const auto case_id = positive_id(request.param("id").value_or(""));
    if (!case_id) return {not_found(language, *user), std::nullopt};
    return work(context, *user, language, *case_id, now);
  }();
  answer.response.log_user = user->who.actor.user_id;
  if (auto remembered = language_cookie_update(request, secure_cookies(shared, request))) {
    answer.response.headers.emplace_back("Set-Cookie", std::move(*remembered));
  }
  if (!answer.read) return out.send(std::move(answer.response));
  shared.api.recorder().record_then_send(std::move(*answer.read), out, std::move(answer.response));
}

}  // namespace

void register_case_routes(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/cases/{id}", [shared](api::HttpRequest& request,
                                                       const api::Responder& out) {
    serve_case_page(*shared, request, out,
                    [&request](api::Context& context, const PageUser& user, Language language,
                               std::int64_t case_id, const app::Moment& now) -> CaseAnswer {
      app::CasePages pages(*context.store, *context.app);
      auto page = pages.case_page(user.who.actor, case_id, now.today, language);
      if (!page.ok()) return {refusal_page(language, user, page.error()), std::nullopt};
      return {case_page(*page, user, language, case_id, now.today),
              store::CaseRead{case_id, user.who.actor.account_id, now.timestamp, "case_page",
                              request.request_id}};
    });
  });

  // A document of the case file as PDF ("plan.pdf", "riv.pdf", ...), authorised as the case page
  // is and recorded in the read log as "document:<kind>" before it leaves the server.
  router.add(api::Method::get, "/cases/{id}/documents/{file}", [shared](api::HttpRequest& request,
                                                                        const api::Responder& out) {
    serve_case_page(*shared, request, out,
                    [&request](api::Context& context, const PageUser& user, Language language,
                               std::int64_t case_id, const app::Moment& now) -> CaseAnswer {
      const std::string file(request.param("file").value_or(""));
      constexpr std::string_view kSuffix = ".pdf";
      const auto kind = file.ends_with(kSuffix)
                            ? app::document_kind_from_name(
                                  std::string_view(file).substr(0, file.size() - kSuffix.size()))
                            : std::nullopt;
      if (!kind) return {not_found(language, user), std::nullopt};
      const Catalogue& catalogue = Catalogue::instance();
      const app::DocumentWords words{language, [&catalogue, language](std::string_view key) {
                                       return std::string(catalogue.text(language, key));
                                     }};
      app::Documents documents(*context.store, *context.app);
      auto rendered = documents.render(user.who.actor, case_id, *kind, now.today, words);
      if (!rendered.ok()) return {refusal_page(language, user, rendered.error()), std::nullopt};
      api::HttpResponse pdf;
      pdf.content_type = "application/pdf";
      pdf.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + rendered->file_name + "\"");
      pdf.body = std::move(rendered->pdf);
      return {std::move(pdf),
              store::CaseRead{case_id, user.who.actor.account_id, now.timestamp,
                              "document:" + std::string(app::document_kind_name(*kind)),
                              request.request_id}};
    });
  });
}

}  // namespace spoorboek::web
