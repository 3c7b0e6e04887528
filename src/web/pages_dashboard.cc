// The dashboard per role (app/dashboard.h decides what is listed; this file only shows it).
#include <charconv>

#include "app/dashboard.h"
#include "core/case_file_fold.h"
#include "web/page_routes.h"

namespace spoorboek::web {
namespace {

constexpr std::size_t kMaxSearchBytes = 100;

struct FilterInput {
  app::DashboardFilter filter;  // filter.page: ?page=, the first page unless a positive number
  std::string search_typed;
  std::string employer_text;
  std::string status_text;
  bool mine = false;
  std::string search_error;
  std::string employer_error;
  std::string status_error;
};

FilterInput read_filters(const api::HttpRequest& request, const app::Actor& actor,
                         Language language) {
  const Catalogue& texts = Catalogue::instance();
  FilterInput input;
  input.search_typed = std::string(request.query_value("q").value_or(""));
  input.filter.search = input.search_typed;
  if (input.filter.search.size() > kMaxSearchBytes) {
    input.search_error = texts.text(language, "dashboard.search_too_long");
  } else if (!app::searchable(input.filter.search)) {
    input.search_error = texts.text(language, "dashboard.search_invalid");
  }
  input.employer_text = std::string(request.query_value("employer").value_or(""));
  if (!input.employer_text.empty()) {
    input.filter.employer_id = positive_id(input.employer_text);
    if (!input.filter.employer_id) {
      input.employer_error = texts.text(language, "dashboard.employer_invalid");
    }
  }
  input.status_text = std::string(request.query_value("status").value_or(""));
  if (!input.status_text.empty()) {
    if (core::case_status_from_name(input.status_text)) {
      input.filter.status = input.status_text;
    } else {
      input.status_error = texts.text(language, "dashboard.status_invalid");
    }
  }
  input.mine = request.query_value("mine") == std::optional<std::string_view>("1");
  input.filter.risk_first = request.query_value("risk") == std::optional<std::string_view>("1");
  if (input.mine) input.filter.assignee_id = actor.account_id;
  // A page number is no filter a person types: one that cannot be read shows the first page
  // (and one beyond the last, the last: app/dashboard.h).
  input.filter.page = positive_id(request.query_value("page").value_or("")).value_or(1);
  // A filter that cannot be read is not applied; its message stands by its field.
  if (!input.search_error.empty()) input.filter.search.clear();
  return input;
}

// 7037 as "7.037" (nl) or "7,037" (en).
std::string count_text(Language language, std::int64_t count) {
  const std::string digits = std::to_string(count < 0 ? -count : count);
  const char separator = language == Language::en ? ',' : '.';
  std::string grouped = count < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += separator;
    grouped += digits[i];
  }
  return grouped;
}

// This dashboard's link to `page`, keeping the filters of the request (not its ?lang=).
std::string page_link(const api::HttpRequest& request, std::int64_t page) {
  api::HttpRequest link;
  link.path = "/dashboard";
  for (const auto& [name, value] : request.query) {
    if (name != "page") link.query.emplace_back(name, value);
  }
  if (page > 1) link.query.emplace_back("page", std::to_string(page));
  return path_with_query(link);
}

std::string days_text(Language language, std::optional<long> days_left) {
  if (!days_left) return "";
  const Catalogue& texts = Catalogue::instance();
  if (*days_left == 0) return std::string(texts.text(language, "dashboard.due_today"));
  if (*days_left < 0) {
    return texts.format(language, "dashboard.days_overdue", {{"days", std::to_string(-*days_left)}});
  }
  return texts.format(language, "dashboard.days_left", {{"days", std::to_string(*days_left)}});
}

Data row_data(Language language, const app::CaseRow& row) {
  const Catalogue& texts = Catalogue::instance();
  Data data{Data::type::object};
  data.set("url", "/cases/" + std::to_string(row.case_id));
  data.set("employee", row.employee_name);
  data.set("employer", row.employer_name);
  data.set("status", std::string(texts.text(language, "case_status." + row.status)));
  data.set("sick_week", row.sick_week > 0 ? std::to_string(row.sick_week) : std::string("–"));
  data.set("deadline", std::string(row.next_deadline_key
                                       ? texts.text(language, "milestone." + *row.next_deadline_key)
                                       : texts.text(language, "dashboard.none")));
  data.set("due", row.next_deadline_due ? Catalogue::long_date(language, *row.next_deadline_due)
                                        : std::string());
  data.set("days", days_text(language, row.days_left));
  std::string urgency;
  if (row.days_left && *row.days_left < 0) urgency = "overdue";
  else if (row.days_left && *row.days_left <= 14) urgency = "due_soon";
  data.set("urgency", urgency);
  if (row.risk_score) {
    data.set("risk_score", std::to_string(*row.risk_score));
    data.set("check_blocks", std::to_string(row.check_blocks));
  }
  return data;
}

// {rows: [...]} for a non-empty list, false for an empty one (so that {{^name}} shows "none").
Data rows_or_false(Language language, const std::vector<app::CaseRow>& rows) {
  if (rows.empty()) return Data{false};
  Data list{Data::type::list};
  for (const auto& row : rows) list.push_back(row_data(language, row));
  Data holder{Data::type::object};
  holder.set("rows", list);
  return holder;
}

Data agenda_data(Language language, const std::vector<app::AgendaItem>& items) {
  if (items.empty()) return Data{false};
  const Catalogue& texts = Catalogue::instance();
  Data list{Data::type::list};
  for (const auto& item : items) {
    Data data = row_data(language, item.row);
    data.set("due", Catalogue::long_date(language, item.due));
    data.set("step", std::string(item.step == core::MilestoneKey::reintegration_report
                                     ? texts.text(language, "agenda.actueel_oordeel")
                                     : texts.text(language, "milestone." +
                                                                std::string(core::milestone_key_name(item.step)))));
    data.set("status", std::string(core::status_name(item.status)));
    data.set("status_label", std::string(texts.text(
                                 language, "milestone_status." + std::string(core::status_name(item.status)))));
    list.push_back(data);
  }
  Data holder{Data::type::object};
  holder.set("items", list);
  return holder;
}

// The filter form as typed, with the message by each field that could not be read.
void set_filters(Data& data, Language language, const FilterInput& input,
                 const app::Dashboard& board) {
  const Catalogue& texts = Catalogue::instance();
  data.set("search", input.search_typed);
  data.set("mine", input.mine);
  data.set("risk_first", input.filter.risk_first);
  if (!input.search_error.empty()) data.set("search_error", input.search_error);
  if (!input.employer_error.empty()) data.set("employer_error", input.employer_error);
  if (!input.status_error.empty()) data.set("status_error", input.status_error);
  Data employers{Data::type::list};
  bool selected_listed = false;
  for (const auto& employer : board.employers) {
    Data option{Data::type::object};
    const bool selected = input.filter.employer_id == employer.id;
    selected_listed = selected_listed || selected;
    option.set("id", std::to_string(employer.id));
    option.set("name", employer.name);
    option.set("selected", selected);
    employers.push_back(option);
  }
  if (input.filter.employer_id && !selected_listed) {
    Data option{Data::type::object};
    option.set("id", std::to_string(*input.filter.employer_id));
    option.set("name", "#" + std::to_string(*input.filter.employer_id));
    option.set("selected", true);
    employers.push_back(option);
  }
  data.set("employers", employers);
  Data statuses{Data::type::list};
  for (const auto status : {core::CaseStatus::sick, core::CaseStatus::working_partially,
                            core::CaseStatus::maternity_leave, core::CaseStatus::recovered}) {
    const std::string name(core::case_status_name(status));
    Data option{Data::type::object};
    option.set("value", name);
    option.set("label", std::string(texts.text(language, "case_status." + name)));
    option.set("selected", input.status_text == name);
    statuses.push_back(option);
  }
  data.set("statuses", statuses);
}

// "The first 50 of 312" under a list that shows only the first of its cases.
void set_first_shown(Data& data, const std::string& name, Language language, std::size_t shown,
                     std::int64_t total) {
  if (static_cast<std::int64_t>(shown) >= total) return;
  data.set(name, Catalogue::instance().format(
                     language, "dashboard.first_shown",
                     {{"shown", count_text(language, static_cast<std::int64_t>(shown))},
                      {"total", count_text(language, total)}}));
}

// The total above the case table ("Dossiers 1–50 van 7.037") and the links to the pages around.
void set_paging(Data& data, Language language, const api::HttpRequest& request,
                const app::Dashboard& board) {
  const Catalogue& texts = Catalogue::instance();
  const std::int64_t total = board.cases_total;
  if (board.page_count <= 1) {
    data.set("total",
             texts.format(language, "dashboard.total", {{"count", count_text(language, total)}}));
    return;
  }
  const std::int64_t first = (board.page - 1) * app::kDashboardPageSize + 1;
  const std::int64_t last = first + static_cast<std::int64_t>(board.cases.size()) - 1;
  data.set("total", texts.format(language, "dashboard.range",
                                 {{"first", count_text(language, first)},
                                  {"last", count_text(language, last)},
                                  {"total", count_text(language, total)}}));
  Data pager{Data::type::object};
  if (board.page > 1) pager.set("previous", page_link(request, board.page - 1));
  if (board.page < board.page_count) pager.set("next", page_link(request, board.page + 1));
  data.set("pager", pager);
}

void set_lists(Data& data, Language language, const api::HttpRequest& request,
               const app::Actor& actor, const app::Dashboard& board) {
  const Catalogue& texts = Catalogue::instance();
  data.set("overdue", rows_or_false(language, board.overdue));
  data.set("overdue_count", count_text(language, board.overdue_total));
  set_first_shown(data, "overdue_more", language, board.overdue.size(), board.overdue_total);
  data.set("due", rows_or_false(language, board.due_this_week));
  data.set("due_count", count_text(language, board.due_this_week_total));
  set_first_shown(data, "due_more", language, board.due_this_week.size(),
                  board.due_this_week_total);
  data.set("cases", rows_or_false(language, board.cases));
  set_paging(data, language, request, board);
  if (board.risk_matching > board.risk_checked) {
    data.set("risk_bounded", texts.format(language, "dashboard.risk_bounded",
                                          {{"checked", count_text(language, board.risk_checked)},
                                           {"total", count_text(language, board.risk_matching)}}));
  }
  if (board.agenda_capped) {
    data.set("agenda_capped",
             texts.format(language, "dashboard.agenda_capped",
                          {{"count", count_text(language, app::kAgendaCandidates)}}));
  }
  const bool coach = actor.roles.has(app::Role::reintegration_coach);
  data.set("cases_heading",
           std::string(texts.text(language, coach ? "dashboard.caseload" : "dashboard.my_cases")));
  data.set("caseload_intro", coach);
  data.set("agenda_shown", actor.roles.has(app::Role::company_doctor));
  data.set("agenda", agenda_data(language, board.medical_agenda));
  Data stages{Data::type::list};
  for (const auto& stage : board.stages) {
    Data item{Data::type::object};
    item.set("label", std::string(texts.text(language, "stage." + stage.key)));
    item.set("count", count_text(language, stage.cases));
    stages.push_back(item);
  }
  data.set("stages", stages);
}

// An employee (and nobody else) sees their own file instead of a dashboard.
bool only_employee(const app::Actor& actor) {
  for (const auto role : actor.roles.list()) {
    if (role != app::Role::employee) return false;
  }
  return actor.roles.has(app::Role::employee);
}

api::HttpResponse enrolment_page(Language language, const PageUser& user) {
  Data data{Data::type::object};
  return render_page(PageFrame{language, "enrol.title", user.viewer(), "/dashboard"}, "enrol",
                     std::move(data), 403);
}

api::HttpResponse dashboard_page(api::Context& context, const api::HttpRequest& request,
                                 const PageUser& user, const app::Moment& now) {
  const Language language = viewer_language(context, request, user);
  if (user.who.enrolment_only) return enrolment_page(language, user);
  const app::Actor& actor = user.who.actor;
  app::Dashboards dashboards(*context.store, *context.app);
  Data data{Data::type::object};
  if (only_employee(actor)) {
    auto own = dashboards.own_open_case(actor, now.today);
    if (!own.ok()) return error_page(language, user.viewer(), 500, "error.internal");
    if (*own) return see_other("/cases/" + std::to_string(**own));
    data.set("no_own_case", true);
    return render_page(PageFrame{language, "dashboard.title", user.viewer(), "/dashboard"},
                       "dashboard", std::move(data));
  }
  const FilterInput input = read_filters(request, actor, language);
  auto board = dashboards.dashboard(actor, input.filter, now.today);
  if (!board.ok()) {
    const bool forbidden = board.error().code == "forbidden";
    return error_page(language, user.viewer(), forbidden ? 403 : 500,
                      forbidden ? "error.forbidden" : "error.internal");
  }
  data.set("lists", true);
  // The employer's side reports sickness (the sick report form offers whom they may report).
  data.set("may_report_sick", actor.roles.has(app::Role::case_manager) ||
                                  actor.roles.has(app::Role::line_manager));
  set_filters(data, language, input, *board);
  set_lists(data, language, request, actor, *board);
  const bool bad_filter = !input.search_error.empty() || !input.employer_error.empty() ||
                          !input.status_error.empty();
  return render_page(PageFrame{language, "dashboard.title", user.viewer(), path_with_query(request)},
                     "dashboard", std::move(data), bad_filter ? 422 : 200);
}

}  // namespace

void register_dashboard_route(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/dashboard", [shared](api::HttpRequest& request,
                                                      const api::Responder& out) {
    with_page_context(*shared, request, out, [&](api::Context& context, const app::Moment& now) {
      auto user = page_user(context, request, now);
      if (!user) return see_other("/login?notice=session_ended");
      api::HttpResponse response = dashboard_page(context, request, *user, now);
      response.log_user = user->who.actor.user_id;
      return response;
    });
  });
}

}  // namespace spoorboek::web
