#include "web/page_render.h"

#include <map>
#include <memory>
#include <stdexcept>

#include "web/embedded_files.h"

namespace spoorboek::web {
namespace {

namespace mustache = kainjow::mustache;

// The catalogue as nested mustache data ("login.title" -> t.login.title), built once per language.
Data build_texts(Language language) {
  Data root{Data::type::object};
  for (const auto& [key, text] : Catalogue::instance().texts(language)) {
    Data* node = &root;
    std::string_view rest = key;
    for (auto dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
      const std::string name(rest.substr(0, dot));
      if (!node->get(name)) node->set(name, Data{Data::type::object});
      node = &(*node)[name];
      rest.remove_prefix(dot + 1);
    }
    node->set(std::string(rest), text);
  }
  return root;
}

const Data& texts(Language language) {
  static const Data nl = build_texts(Language::nl);
  static const Data en = build_texts(Language::en);
  return language == Language::en ? en : nl;
}

std::string_view template_text(std::string_view name) {
  const std::string path = "templates/" + std::string(name) + ".mustache";
  const EmbeddedFile* file = find_embedded_file(path);
  if (!file) throw std::logic_error("no template web/" + path);
  return file->bytes;
}

// What every template sees below its own data: the texts as {{t.*}} and {{lang}}, built once per
// language and looked up through the render context instead of being copied into each page's data.
const Data& page_globals(Language language) {
  static const auto build = [](Language for_language) {
    Data globals{Data::type::object};
    globals.set("t", texts(for_language));
    globals.set("lang", std::string(language_code(for_language)));
    return globals;
  };
  static const Data nl = build(Language::nl);
  static const Data en = build(Language::en);
  return language == Language::en ? en : nl;
}

// The template's text with every {{>name}} replaced by web/templates/<name>.mustache, and
// {{>content}} by the page's template: kainjow parses a partial each time it is rendered (once per
// timeline entry on the case page), so the whole page is put together and parsed once instead.
std::string expand_partials(std::string_view text, std::string_view content_template, int depth = 0) {
  if (depth > 4) throw std::logic_error("web/templates: partials nested more than four deep");
  std::string expanded;
  expanded.reserve(text.size());
  std::size_t at = 0;
  for (auto open = text.find("{{>"); open != std::string_view::npos; open = text.find("{{>", at)) {
    const auto close = text.find("}}", open);
    if (close == std::string_view::npos) throw std::logic_error("web/templates: unclosed partial tag");
    std::string_view name = text.substr(open + 3, close - open - 3);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    expanded.append(text.substr(at, open - at));
    const std::string_view partial = name == "content" ? content_template : name;
    expanded += expand_partials(template_text(partial), content_template, depth + 1);
    at = close + 2;
  }
  expanded.append(text.substr(at));
  return expanded;
}

// The parsed template `name` (with `content_template` as its {{>content}}), parsed on first use
// and kept: the templates are compiled into the binary and never change. One cache per thread,
// because kainjow's render is not const (it records errors in the object).
mustache::mustache& parsed_template(std::string_view name, std::string_view content_template) {
  thread_local std::map<std::string, std::unique_ptr<mustache::mustache>, std::less<>> cache;
  std::string key(name);
  key += '|';
  key += content_template;
  auto found = cache.find(key);
  if (found == cache.end()) {
    auto view = std::make_unique<mustache::mustache>(
        expand_partials(template_text(name), content_template));
    if (!view->is_valid()) {
      throw std::logic_error("web/templates/" + std::string(name) + ": " + view->error_message());
    }
    found = cache.emplace(std::move(key), std::move(view)).first;
  }
  return *found->second;
}

std::string render_composed(std::string_view name, std::string_view content_template,
                            Language language, const Data& data) {
  mustache::mustache& view = parsed_template(name, content_template);
  mustache::context<std::string> context{&page_globals(language)};
  context.push(&data);
  std::string html = view.render(context);
  if (!view.is_valid()) {
    throw std::logic_error("web/templates/" + std::string(name) + ": " + view.error_message());
  }
  return html;
}

}  // namespace

std::string render_template(std::string_view name, Language language, Data data) {
  return render_composed(name, "", language, data);
}

api::HttpResponse render_page(const PageFrame& frame, std::string_view template_name, Data data,
                              int status) {
  data.set("title", std::string(Catalogue::instance().text(frame.language, frame.title_key)));
  data.set("stylesheet", static_url("spoorboek.css"));
  data.set("favicon", static_url("favicon.svg"));
  data.set("here", frame.path);
  data.set("lang_is_nl", frame.language == Language::nl);
  data.set("lang_is_en", frame.language == Language::en);
  if (frame.viewer) {
    Data viewer{Data::type::object};
    viewer.set("name", frame.viewer->display_name);
    viewer.set("csrf", frame.viewer->csrf_token);
    viewer.set("full", !frame.viewer->enrolment_only);
    viewer.set("administrator", frame.viewer->administrator && !frame.viewer->enrolment_only);
    data.set("viewer", viewer);
  }
  api::HttpResponse response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = render_composed("layout", template_name, frame.language, data);
  return response;
}

std::string static_url(std::string_view file_name) {
  const EmbeddedFile* file = find_embedded_file("static/" + std::string(file_name));
  if (!file) throw std::logic_error("no static file web/static/" + std::string(file_name));
  return "/static/" + std::string(file_name) + "?v=" + std::string(file->sha256.substr(0, 16));
}

api::HttpResponse see_other(std::string location) {
  api::HttpResponse response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

}  // namespace spoorboek::web
