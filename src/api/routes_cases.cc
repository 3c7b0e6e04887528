// /api/v1/cases: the dashboard, sick reports, case files, timelines, entries, assignments and
// the read log. Every answer that carries (part of) a case file goes out only after its read has
// been recorded (read_recorder.h).
#include "api/api_state.h"
#include "api/render.h"
#include "api/request_parsers.h"
#include "json/check_json.h"

namespace spoorboek::api {
namespace {

struct ReadOptions {
  core::Date as_of{};
  core::Language language = core::Language::nl;
};

core::Result<ReadOptions> parse_read_options(const HttpRequest& request, core::Date today) {
  ReadOptions options{today, core::Language::nl};
  for (const auto& [key, value] : request.query) {
    if (key == "as_of") {
      const auto day = core::parse_iso_date(value);
      if (!day) {
        return core::make_error("invalid_date", "as_of",
                                "'" + value + "' is not a real calendar date written as YYYY-MM-DD");
      }
      options.as_of = *day;
    } else if (key == "lang") {
      if (value != "nl" && value != "en") {
        return core::make_error("unknown_value", "lang", "must be nl or en");
      }
      options.language = value == "en" ? core::Language::en : core::Language::nl;
    } else {
      return core::make_error("unknown_field", key, "is not an option here");
    }
  }
  return options;
}

// The steps shared by the case routes: authenticate, then the case id from the path.
struct CaseCall {
  Caller caller;
  std::int64_t case_id = 0;
};
core::Result<CaseCall> case_call(Context& context, const HttpRequest& request,
                                 const app::Moment& now) {
  auto caller = authenticate(context, request, now);
  if (!caller.ok()) return caller.error();
  auto id = parse_path_id(request.param("id").value_or(""), "case");
  if (!id.ok()) return id.error();
  return CaseCall{std::move(*caller), *id};
}

HttpResponse with_user(HttpResponse response, const Caller& caller) {
  response.log_user = caller.log_user;
  return response;
}

}  // namespace

void register_case_routes(Router& router, ApiState& state) {
  router.add(Method::get, "/api/v1/cases", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      auto query = parse_case_query(request.query, now.today);
      if (!query.ok()) return out.send(with_user(error_response(query.error()), *caller));
      auto page = context.app->list_case_page(caller->who.actor, *query);
      if (!page.ok()) return out.send(with_user(error_response(page.error()), *caller));
      out.send(with_user(json_response(200, render_case_page(*page, *query)), *caller));
    });
  });

  // The same listing as CSV for payroll and HR systems: the same filters and reach; without a
  // limit every matching case (a spreadsheet wants the whole list, not a page).
  router.add(Method::get, "/api/v1/cases.csv", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      auto query = parse_case_query(request.query, now.today);
      if (!query.ok()) return out.send(with_user(error_response(query.error()), *caller));
      if (!request.query_value("limit")) query->limit = -1;
      auto csv = context.app->case_list_csv(caller->who.actor, *query);
      if (!csv.ok()) return out.send(with_user(error_response(csv.error()), *caller));
      HttpResponse response;
      response.content_type = "text/csv; charset=utf-8; header=present";
      response.body = std::move(*csv);
      response.headers.emplace_back("Content-Disposition",
                                    "attachment; filename=\"spoorboek-cases.csv\"");
      response.headers.emplace_back("Cache-Control", "no-store");
      out.send(with_user(std::move(response), *caller));
    });
  });

  router.add(Method::post, "/api/v1/cases", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto caller = authenticate(context, request, now);
      if (!caller.ok()) return out.send(error_response(caller.error()));
      if (auto json = require_json(request); !json.ok()) {
        return out.send(with_user(error_response(json.error()), *caller));
      }
      auto report = parse_sick_report(request.body);
      if (!report.ok()) return out.send(with_user(error_response(report.error()), *caller));
      auto opened = context.app->report_sick(caller->who.actor, *report, now);
      if (!opened.ok()) return out.send(with_user(error_response(opened.error()), *caller));
      HttpResponse response = json_response(201, render_append(*opened));
      response.headers.emplace_back("Location", "/api/v1/cases/" + std::to_string(opened->case_id));
      out.send(with_user(std::move(response), *caller));
    });
  });

  router.add(Method::get, "/api/v1/cases/{id}", [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto call = case_call(context, request, now);
      if (!call.ok()) return out.send(error_response(call.error()));
      auto options = parse_read_options(request, now.today);
      if (!options.ok()) return out.send(with_user(error_response(options.error()), call->caller));
      auto file = context.app->get_case_file(call->caller.who.actor, call->case_id, options->as_of,
                                             options->language);
      if (!file.ok()) return out.send(with_user(error_response(file.error()), call->caller));
      state.recorder().record_then_send(
          store::CaseRead{call->case_id, call->caller.who.actor.account_id, now.timestamp,
                          "case_file", request.request_id},
          out, with_user(json_response(200, render_case_file(*file)), call->caller));
    });
  });

  router.add(Method::get, "/api/v1/cases/{id}/timeline",
             [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto call = case_call(context, request, now);
      if (!call.ok()) return out.send(error_response(call.error()));
      auto options = parse_read_options(request, now.today);
      if (!options.ok()) return out.send(with_user(error_response(options.error()), call->caller));
      const app::Actor& actor = call->caller.who.actor;
      // Access is checked here, before the cache is asked.
      auto version = context.app->case_version(actor, call->case_id);
      if (!version.ok()) return out.send(with_user(error_response(version.error()), call->caller));
      std::optional<std::string> body =
          state.timelines().find(call->case_id, *version, options->as_of);
      if (!body) {
        auto timeline = context.app->get_timeline(actor, call->case_id, options->as_of);
        if (!timeline.ok()) {
          return out.send(with_user(error_response(timeline.error()), call->caller));
        }
        if (!timeline->has_timeline) {
          return out.send(with_user(
              error_response(core::make_error("not_found", "timeline",
                                              "the case has no sick report yet")),
              call->caller));
        }
        body = render_case_timeline(*timeline);
        state.timelines().put(call->case_id, *version, options->as_of, *body);
      }
      state.recorder().record_then_send(
          store::CaseRead{call->case_id, actor.account_id, now.timestamp, "timeline",
                          request.request_id},
          out, with_user(json_response(200, std::move(*body)), call->caller));
    });
  });

  router.add(Method::get, "/api/v1/cases/{id}/check",
             [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto call = case_call(context, request, now);
      if (!call.ok()) return out.send(error_response(call.error()));
      auto options = parse_read_options(request, now.today);
      if (!options.ok()) return out.send(with_user(error_response(options.error()), call->caller));
      const app::Actor& actor = call->caller.who.actor;
      auto check = context.app->check_case(actor, call->case_id, options->as_of);
      if (!check.ok()) return out.send(with_user(error_response(check.error()), call->caller));
      state.recorder().record_then_send(
          store::CaseRead{call->case_id, actor.account_id, now.timestamp, "check",
                          request.request_id},
          out,
          with_user(json_response(200, json::render_check_report(check->case_id, check->report,
                                                                 options->language)),
                    call->caller));
    });
  });

  router.add(Method::post, "/api/v1/cases/{id}/entries",
             [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto call = case_call(context, request, now);
      if (!call.ok()) return out.send(error_response(call.error()));
      if (auto json = require_json(request); !json.ok()) {
        return out.send(with_user(error_response(json.error()), call->caller));
      }
      auto appended =
          context.app->append_entry_json(call->caller.who.actor, call->case_id, request.body, now);
      if (!appended.ok()) return out.send(with_user(error_response(appended.error()), call->caller));
      out.send(with_user(json_response(201, render_append(*appended)), call->caller));
    });
  });

  router.add(Method::post, "/api/v1/cases/{id}/assignments",
             [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto call = case_call(context, request, now);
      if (!call.ok()) return out.send(error_response(call.error()));
      if (auto json = require_json(request); !json.ok()) {
        return out.send(with_user(error_response(json.error()), call->caller));
      }
      auto body = parse_assignment(request.body);
      if (!body.ok()) return out.send(with_user(error_response(body.error()), call->caller));
      const app::Actor& actor = call->caller.who.actor;
      const core::Status assigned =
          body->provider_id
              ? context.accounts->assign_case_provider(actor, call->case_id, *body->provider_id, now)
              : context.accounts->assign_case_user(actor, call->case_id, *body->user_id, now);
      if (!assigned.ok()) return out.send(with_user(error_response(assigned.error()), call->caller));
      out.send(with_user(json_response(200, R"({"assigned":true})"), call->caller));
    });
  });

  router.add(Method::get, "/api/v1/cases/{id}/reads",
             [&state](HttpRequest& request, const Responder& out) {
    with_context(state, out, [&](Context& context) {
      const app::Moment now = state.now();
      auto call = case_call(context, request, now);
      if (!call.ok()) return out.send(error_response(call.error()));
      auto reads = context.app->list_case_reads(call->caller.who.actor, call->case_id);
      if (!reads.ok()) return out.send(with_user(error_response(reads.error()), call->caller));
      out.send(with_user(json_response(200, render_reads(*reads)), call->caller));
    });
  });
}

}  // namespace spoorboek::api
