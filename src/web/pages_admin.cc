// Pages: administration (issue 4 item 6): organisations (employers, arbo services and
// reintegration offices and whom they serve), users and their roles, assignments of offices and
// people to cases, and API tokens for integrations.
//
// One page, /admin, with a section per subject; each form posts to its own route, which calls one
// Accounts/Application use case. Authorisation is theirs (app/policy): the page only refuses
// people without the administrator role up front, so that nobody sees an empty shell. A refused
// form comes back with the message next to its field and what was typed (never a password);
// success redirects back (Post/Redirect/Get), except a new API token, which is shown once.
#include <charconv>
#include <map>

#include "app/actor.h"
#include "web/page_routes.h"

namespace spoorboek::web {
namespace {

// The form that was sent and refused: its name, the values typed, and the errors per field.
struct SentForm {
  std::string name;  // "employer", "provider", "serve", "user", "assign_provider", ...
  std::map<std::string, std::string, std::less<>> values;
  std::map<std::string, std::string, std::less<>> errors;
  std::string form_error;
};

// An enrolment-only session (two-factor login not set up yet) may do nothing else.
bool is_administrator(const PageUser& user) {
  return user.who.actor.roles.has(app::Role::administrator) && !user.who.enrolment_only;
}

// The errors of a use case, placed by their field; what has no field of this form goes on top.
void place_error(Language language, const core::Error& error,
                 std::initializer_list<std::string_view> fields, SentForm& sent) {
  const Catalogue& texts = Catalogue::instance();
  std::string message;
  const std::string specific = "admin.error." + error.code + "." + error.field;
  if (error.field == "password" && texts.has(language, "password." + error.code)) {
    message = texts.text(language, "password." + error.code);  // the password policy's words
  } else if (texts.has(language, specific)) {
    message = texts.text(language, specific);
  } else if (texts.has(language, "admin.error." + error.code)) {
    message = texts.text(language, "admin.error." + error.code);
  } else {
    message = texts.text(language, "admin.error.other");
  }
  for (const auto field : fields) {
    if (error.field == field) {
      sent.errors[std::string(field)] = message;
      return;
    }
  }
  sent.form_error = message;
}

// The data of one field for the templates: its typed value and its error.
Data field(const SentForm* sent, std::string_view form, std::string_view name) {
  Data data{Data::type::object};
  if (sent && sent->name == form) {
    if (const auto value = sent->values.find(name); value != sent->values.end()) {
      data.set("value", value->second);
    }
    if (const auto error = sent->errors.find(name); error != sent->errors.end()) {
      data.set("error", error->second);
    }
  }
  return data;
}

Data form_data(const SentForm* sent, std::string_view form,
               std::initializer_list<std::string_view> fields) {
  Data data{Data::type::object};
  for (const auto name : fields) data.set(std::string(name), field(sent, form, name));
  if (sent && sent->name == form && !sent->form_error.empty()) {
    data.set("form_error", sent->form_error);
  }
  return data;
}

Data options(const std::vector<std::pair<std::int64_t, std::string>>& choices,
             std::string_view selected) {
  Data list{Data::type::list};
  for (const auto& [id, name] : choices) {
    Data option{Data::type::object};
    option.set("id", std::to_string(id));
    option.set("name", name);
    if (std::to_string(id) == selected) option.set("selected", true);
    list.push_back(option);
  }
  return list;
}

std::string typed(const SentForm* sent, std::string_view form, std::string_view name) {
  if (!sent || sent->name != form) return "";
  const auto value = sent->values.find(name);
  return value == sent->values.end() ? "" : value->second;
}

api::HttpResponse admin_page(api::Context& context, const api::HttpRequest& request,
                             const PageUser& user, const SentForm* sent, int status,
                             std::optional<std::string> new_token = std::nullopt) {
  const Language language = viewer_language(context, request, user);
  const Catalogue& texts = Catalogue::instance();
  const app::Actor& actor = user.who.actor;
  auto employers = context.accounts->list_employers(actor);
  auto providers = context.accounts->list_providers(actor);
  auto users = context.accounts->list_users(actor);
  auto tokens = context.accounts->list_api_tokens(actor);
  if (!employers.ok() || !providers.ok() || !users.ok() || !tokens.ok()) {
    return error_page(language, user.viewer(), 403, "error.forbidden");
  }
  std::vector<std::pair<std::int64_t, std::string>> employer_choices;
  std::map<std::int64_t, std::string> employer_names;
  for (const auto& employer : *employers) {
    employer_choices.emplace_back(employer.id, employer.name);
    employer_names[employer.id] = employer.name;
  }
  std::vector<std::pair<std::int64_t, std::string>> provider_choices;
  std::map<std::int64_t, std::string> provider_names;
  for (const auto& provider : *providers) {
    provider_choices.emplace_back(provider.id, provider.name);
    provider_names[provider.id] = provider.name;
  }
  std::vector<std::pair<std::int64_t, std::string>> user_choices;
  std::map<std::int64_t, std::string> user_names;
  for (const auto& listed : *users) {
    user_choices.emplace_back(listed.id, listed.display_name + " <" + listed.email + ">");
    user_names[listed.id] = listed.display_name;
  }

  Data data{Data::type::object};
  data.set("csrf", user.who.csrf_token);
  if (const auto notice = request.query_value("notice")) {
    const std::string key = "admin.notice." + std::string(*notice);
    if (texts.has(language, key)) data.set("notice", std::string(texts.text(language, key)));
  }
  if (new_token) data.set("new_token", *new_token);

  Data employer_rows{Data::type::list};
  for (const auto& employer : *employers) {
    Data row{Data::type::object};
    row.set("id", std::to_string(employer.id));
    row.set("name", employer.name);
    employer_rows.push_back(row);
  }
  data.set("employers", employer_rows);
  data.set("employer_form", form_data(sent, "employer", {"name"}));

  Data provider_rows{Data::type::list};
  for (const auto& provider : *providers) {
    Data row{Data::type::object};
    row.set("id", std::to_string(provider.id));
    row.set("name", provider.name);
    row.set("kind", std::string(texts.text(language, "admin.kind." + provider.kind)));
    std::string served;
    for (const auto employer_id : provider.employer_ids) {
      if (!served.empty()) served += ", ";
      const auto name = employer_names.find(employer_id);
      served += name != employer_names.end() ? name->second : "#" + std::to_string(employer_id);
    }
    row.set("serves", served);
    provider_rows.push_back(row);
  }
  data.set("providers", provider_rows);
  Data provider_form = form_data(sent, "provider", {"name", "kind"});
  const std::string kind = typed(sent, "provider", "kind");
  provider_form.set("kind_is_arbo", kind == "arbo_service");
  provider_form.set("kind_is_office", kind == "reintegration_office");
  data.set("provider_form", provider_form);
  Data serve_form = form_data(sent, "serve", {"provider_id", "employer_id"});
  serve_form.set("provider_options", options(provider_choices, typed(sent, "serve", "provider_id")));
  serve_form.set("employer_options", options(employer_choices, typed(sent, "serve", "employer_id")));
  data.set("serve_form", serve_form);

  Data user_rows{Data::type::list};
  for (const auto& listed : *users) {
    Data row{Data::type::object};
    row.set("id", std::to_string(listed.id));
    row.set("email", listed.email);
    row.set("name", listed.display_name);
    std::string roles;
    for (const auto& role : listed.roles) {
      if (!roles.empty()) roles += ", ";
      roles += texts.text(language, "role." + role);
    }
    row.set("roles", roles);
    std::string organisation;
    if (listed.employer_id) {
      const auto name = employer_names.find(*listed.employer_id);
      if (name != employer_names.end()) organisation = name->second;
    } else if (listed.provider_id) {
      const auto name = provider_names.find(*listed.provider_id);
      if (name != provider_names.end()) organisation = name->second;
    }
    row.set("organisation", organisation);
    row.set("two_factor", std::string(texts.text(language, listed.totp_enabled ? "admin.yes"
                                                                                 : "admin.no")));
    row.set("disabled", listed.disabled);
    row.set("self", listed.id == actor.account_id);
    user_rows.push_back(row);
  }
  data.set("users", user_rows);
  Data user_form =
      form_data(sent, "user", {"email", "display_name", "password", "roles", "employer_id",
                               "provider_id", "employee_id"});
  Data role_options{Data::type::list};
  for (int i = 0; i < app::kRoleCount; ++i) {
    const std::string name(app::role_name(static_cast<app::Role>(i)));
    Data option{Data::type::object};
    option.set("value", name);
    option.set("label", std::string(texts.text(language, "role." + name)));
    if (sent && sent->name == "user" && sent->values.contains("role_" + name)) {
      option.set("checked", true);
    }
    role_options.push_back(option);
  }
  user_form.set("role_options", role_options);
  user_form.set("employer_options", options(employer_choices, typed(sent, "user", "employer_id")));
  user_form.set("provider_options", options(provider_choices, typed(sent, "user", "provider_id")));
  data.set("user_form", user_form);

  Data assign_provider = form_data(sent, "assign_provider", {"case_id", "provider_id"});
  assign_provider.set("provider_options",
                      options(provider_choices, typed(sent, "assign_provider", "provider_id")));
  data.set("assign_provider_form", assign_provider);
  Data assign_user = form_data(sent, "assign_user", {"case_id", "user_id"});
  assign_user.set("user_options", options(user_choices, typed(sent, "assign_user", "user_id")));
  data.set("assign_user_form", assign_user);

  Data token_rows{Data::type::list};
  for (const auto& token : *tokens) {
    Data row{Data::type::object};
    row.set("id", std::to_string(token.id));
    row.set("name", token.name);
    const auto owner = user_names.find(token.user_id);
    row.set("user", owner != user_names.end() ? owner->second : "#" + std::to_string(token.user_id));
    row.set("created_at", token.created_at);
    if (token.revoked_at) row.set("revoked_at", *token.revoked_at);
    token_rows.push_back(row);
  }
  data.set("tokens", token_rows);
  Data token_form = form_data(sent, "token", {"user_id", "name"});
  token_form.set("user_options", options(user_choices, typed(sent, "token", "user_id")));
  data.set("token_form", token_form);

  return render_page(PageFrame{language, "admin.title", user.viewer(), "/admin"}, "admin",
                     std::move(data), status);
}

// A required id field: its value, or the error placed next to it.
std::optional<std::int64_t> required_id(Language language, const Form& form,
                                        std::string_view name, SentForm& sent) {
  const auto id = positive_id(form.value(name));
  if (!id) {
    sent.errors[std::string(name)] = Catalogue::instance().text(language, "admin.error.choose");
  }
  return id;
}

// What one admin form does: the fields it keeps, and the use case (nullopt: done; else the
// error to place).
using AdminAction = std::function<std::optional<core::Error>(
    api::Context&, const app::Actor&, const Form&, const app::Moment&, SentForm&, Language,
    std::optional<std::string>& new_token)>;

void add_admin_form(api::Router& router, const Shared& shared, std::string path,
                    std::string form_name, std::initializer_list<std::string_view> fields,
                    std::string done_notice, AdminAction action) {
  const std::vector<std::string_view> kept(fields);
  router.add(api::Method::post, path,
             [shared, form_name, kept, done_notice, action](api::HttpRequest& request,
                                                            const api::Responder& out) {
    auto form = parse_form(request.header("content-type"), request.body);
    if (!form.ok()) {
      return out.send(error_page(page_language(request), std::nullopt, 400, "error.bad_request"));
    }
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                                  const app::Moment& now) {
      const Language language = viewer_language(context, request, user);
      if (!csrf_matches(*form, user.who.csrf_token)) {
        return error_page(language, user.viewer(), 403, "error.csrf");
      }
      if (!is_administrator(user)) return error_page(language, user.viewer(), 403, "error.forbidden");
      SentForm sent;
      sent.name = form_name;
      for (const auto field : kept) {
        if (field != "password") sent.values[std::string(field)] = form->value(field);
      }
      for (int i = 0; i < app::kRoleCount; ++i) {
        const std::string role(app::role_name(static_cast<app::Role>(i)));
        if (form->value("role_" + role) == "on") sent.values["role_" + role] = "on";
      }
      std::optional<std::string> new_token;
      std::optional<core::Error> refused;
      if (sent.errors.empty()) {
        refused = action(context, user.who.actor, *form, now, sent, language, new_token);
      }
      if (!refused && sent.errors.empty() && sent.form_error.empty()) {
        if (new_token) return admin_page(context, request, user, nullptr, 201, new_token);
        return see_other("/admin?notice=" + done_notice);
      }
      if (refused) {
        std::vector<std::string_view> names(kept.begin(), kept.end());
        bool placed = false;
        for (const auto name : names) {
          if (refused->field == name) {
            place_error(language, *refused, {name}, sent);
            placed = true;
          }
        }
        if (!placed) place_error(language, *refused, {}, sent);
      }
      if (sent.form_error.empty()) {
        sent.form_error = Catalogue::instance().text(language, "form.check_fields");
      }
      return admin_page(context, request, user, &sent,
                        refused && refused->code == "forbidden" ? 403 : 422);
    });
  });
}

}  // namespace

void register_admin_page_routes(api::Router& router, const Shared& shared) {
  router.add(api::Method::get, "/admin", [shared](api::HttpRequest& request,
                                                  const api::Responder& out) {
    for_signed_in_user(*shared, request, out, [&](api::Context& context, const PageUser& user,
                                                  const app::Moment&) {
      if (!is_administrator(user)) {
        return error_page(viewer_language(context, request, user), user.viewer(), 403,
                          "error.forbidden");
      }
      return admin_page(context, request, user, nullptr, 200);
    });
  });

  add_admin_form(router, shared, "/admin/employers", "employer", {"name"}, "employer_added",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment&, SentForm&, Language, std::optional<std::string>&)
                     -> std::optional<core::Error> {
    auto created = context.app->create_employer(actor, form.value("name"));
    if (!created.ok()) return created.error();
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/providers", "provider", {"name", "kind"},
                 "provider_added",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm&, Language, std::optional<std::string>&)
                     -> std::optional<core::Error> {
    auto created =
        context.accounts->create_provider(actor, form.value("name"), form.value("kind"), now);
    if (!created.ok()) return created.error();
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/providers/serve", "serve", {"provider_id", "employer_id"},
                 "provider_linked",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>&) -> std::optional<core::Error> {
    const auto provider = required_id(language, form, "provider_id", sent);
    const auto employer = required_id(language, form, "employer_id", sent);
    if (!provider || !employer) return std::nullopt;
    if (auto linked = context.accounts->link_provider_employer(actor, *provider, *employer, now);
        !linked.ok()) {
      return linked.error();
    }
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/users", "user",
                 {"email", "display_name", "password", "roles", "employer_id", "provider_id",
                  "employee_id"},
                 "user_added",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>&) -> std::optional<core::Error> {
    app::NewUser user;
    user.email = form.value("email");
    user.display_name = form.value("display_name");
    user.password = form.value("password");
    for (int i = 0; i < app::kRoleCount; ++i) {
      const auto role = static_cast<app::Role>(i);
      if (form.value("role_" + std::string(app::role_name(role))) == "on") user.roles.push_back(role);
    }
    // An empty choice means "none"; anything else must be an id.
    for (const auto& [name, slot] :
         {std::pair{std::string_view("employer_id"), &user.employer_id},
          std::pair{std::string_view("provider_id"), &user.provider_id},
          std::pair{std::string_view("employee_id"), &user.employee_id}}) {
      const std::string& text = form.value(name);
      if (text.empty()) continue;
      if (const auto id = positive_id(text)) {
        *slot = *id;
      } else {
        sent.errors[std::string(name)] =
            Catalogue::instance().text(language, "admin.error.not_an_id");
      }
    }
    if (!sent.errors.empty()) return std::nullopt;
    auto created = context.accounts->create_user(actor, user, now);
    if (!created.ok()) return created.error();
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/users/enable", "enable", {"user_id", "disabled"},
                 "user_changed",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>&) -> std::optional<core::Error> {
    const auto id = required_id(language, form, "user_id", sent);
    if (!id) return std::nullopt;
    const bool disable = form.value("disabled") == "1";
    if (auto changed = context.accounts->set_user_disabled(actor, *id, disable, now);
        !changed.ok()) {
      return changed.error();
    }
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/assignments/provider", "assign_provider",
                 {"case_id", "provider_id"}, "assigned",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>&) -> std::optional<core::Error> {
    const auto case_id = required_id(language, form, "case_id", sent);
    const auto provider = required_id(language, form, "provider_id", sent);
    if (!case_id || !provider) return std::nullopt;
    if (auto assigned = context.accounts->assign_case_provider(actor, *case_id, *provider, now);
        !assigned.ok()) {
      return assigned.error();
    }
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/assignments/user", "assign_user", {"case_id", "user_id"},
                 "assigned",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>&) -> std::optional<core::Error> {
    const auto case_id = required_id(language, form, "case_id", sent);
    const auto user = required_id(language, form, "user_id", sent);
    if (!case_id || !user) return std::nullopt;
    if (auto assigned = context.accounts->assign_case_user(actor, *case_id, *user, now);
        !assigned.ok()) {
      return assigned.error();
    }
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/tokens", "token", {"user_id", "name"}, "token_added",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>& new_token) -> std::optional<core::Error> {
    const auto user = required_id(language, form, "user_id", sent);
    if (!user) return std::nullopt;
    auto created = context.accounts->create_api_token(actor, *user, form.value("name"), now);
    if (!created.ok()) return created.error();
    new_token = created->token;
    return std::nullopt;
  });

  add_admin_form(router, shared, "/admin/tokens/revoke", "revoke", {"token_id"}, "token_revoked",
                 [](api::Context& context, const app::Actor& actor, const Form& form,
                    const app::Moment& now, SentForm& sent, Language language,
                    std::optional<std::string>&) -> std::optional<core::Error> {
    const auto token = required_id(language, form, "token_id", sent);
    if (!token) return std::nullopt;
    if (auto revoked = context.accounts->revoke_api_token(actor, *token, now); !revoked.ok()) {
      return revoked.error();
    }
    return std::nullopt;
  });
}

}  // namespace spoorboek::web
