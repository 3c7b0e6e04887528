#include "web/page_render.h"

#include <map>
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

}  // namespace

std::string render_template(std::string_view name, Language language, Data data) {
  mustache::mustache view{std::string(template_text(name))};
  if (!view.is_valid()) {
    throw std::logic_error("web/templates/" + std::string(name) + ": " + view.error_message());
  }
  data.set("t", texts(language));
  data.set("lang", std::string(language_code(language)));
  std::string html = view.render(data);
  if (!view.is_valid()) {
    throw std::logic_error("web/templates/" + std::string(name) + ": " + view.error_message());
  }
  return html;
}

api::HttpResponse render_page(const PageFrame& frame, std::string_view template_name, Data data,
                              int status) {
  const std::string content(template_text(template_name));
  data.set("content", mustache::partial{[content] { return content; }});
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
  response.body = render_template("layout", frame.language, std::move(data));
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
