// Rendering a page: a template of web/templates inside the layout, in one language.
//
// Every value reaches the HTML through {{name}}, which escapes it; templates never use the
// unescaped forms ({{{name}}}, {{&name}}) (tests/web/xss_test.cc checks the templates). The layout
// includes the page's template as the partial {{>content}}; partials are put in place and the
// page parsed once per thread (page_render.cc). Texts come from the catalogue as
// {{t.some.key}}; the layout gets the language, the stylesheet URL and, for a logged-in person,
// their name and the session's CSRF token for the logout and language forms.
#pragma once

#include <kainjow/mustache.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "api/http_types.h"
#include "web/catalogue.h"

namespace spoorboek::web {

using Data = kainjow::mustache::data;

// Who is looking at the page, when logged in.
struct Viewer {
  std::string display_name;
  std::string csrf_token;
  bool enrolment_only = false;
  bool administrator = false;  // the navigation offers the administration pages
};

struct PageFrame {
  Language language = kDefaultLanguage;
  std::string title_key;           // catalogue key of the page title
  std::optional<Viewer> viewer;
  std::string path = "/";          // where the language links lead back to
};

// The template web/templates/<name>.mustache rendered with `data` and the texts of `language`.
// An unknown template or a template error is a build defect: it throws std::logic_error.
std::string render_template(std::string_view name, Language language, Data data);

// The whole page as a text/html response.
api::HttpResponse render_page(const PageFrame& frame, std::string_view template_name, Data data,
                              int status = 200);

// "/static/spoorboek.css?v=<first 16 hex of its SHA-256>".
std::string static_url(std::string_view file_name);

// A redirect after a form (303: the browser follows with GET) or to another page.
api::HttpResponse see_other(std::string location);

}  // namespace spoorboek::web
