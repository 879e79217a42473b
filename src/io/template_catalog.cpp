#include "claimgraph/io/template_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>

#include "claimgraph/io/file.hpp"
#include "claimgraph/io/formats.hpp"
#include "claimgraph/suggest.hpp"
#include "detail/json_members.hpp"
#include "detail/text.hpp"

namespace claimgraph::io {

namespace {

namespace fs = std::filesystem;

struct OriginRow {
  TemplateOrigin origin;
  std::string_view shown;
  std::string_view json;
};

constexpr OriginRow origins[] = {
    {TemplateOrigin::option, "--templates", "option"},
    {TemplateOrigin::environment, "$CLAIMGRAPH_TEMPLATES", "environment"},
    {TemplateOrigin::installed, "installed", "installed"},
    {TemplateOrigin::source_tree, "source tree", "source-tree"},
};

const OriginRow& row(TemplateOrigin origin) noexcept {
  return *std::find_if(std::begin(origins), std::end(origins), [&](const OriginRow& r) { return r.origin == origin; });
}

// A template is a case file: its name ends in the case file's usual extension.
std::string_view template_extension() { return input_formats().front().extensions.front(); }

// The template files of one directory, by name; none when it does not exist.
std::vector<std::pair<std::string, std::string>> files_in(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  const std::string_view ext = template_extension();
  try {
    for (const auto& entry : fs::directory_iterator(dir)) {
      const std::string file = entry.path().filename().string();
      if (!file.ends_with(ext) || file.size() == ext.size()) continue;
      std::string name = file.substr(0, file.size() - ext.size());
      // NAME:PREFIX could not name it.
      if (name.find(':') != std::string::npos || name.starts_with('.')) continue;
      if (!entry.is_regular_file()) continue;
      out.emplace_back(std::move(name), (fs::path(dir) / file).string());
    }
  } catch (const fs::filesystem_error& e) {
    throw IoError(dir, "cannot list the templates: " + e.code().message());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string plain(std::string_view s) { return detail::plain(s); }

}  // namespace

std::string_view to_string(TemplateOrigin origin) noexcept { return row(origin).shown; }
std::string_view json_name(TemplateOrigin origin) noexcept { return row(origin).json; }

TemplateCatalog::TemplateCatalog(std::vector<TemplateDirectory> directories) : directories_(std::move(directories)) {
  std::map<std::string, TemplateEntry> by_name;
  for (std::size_t d = 0; d < directories_.size(); ++d) {
    for (auto& [name, file] : files_in(directories_[d].path)) {
      auto [it, fresh] = by_name.try_emplace(name, TemplateEntry{name, TemplateFile{file, d}, {}});
      if (!fresh) it->second.hidden.push_back(TemplateFile{file, d});
    }
  }
  for (auto& [name, entry] : by_name) entries_.push_back(std::move(entry));
}

const TemplateEntry* TemplateCatalog::find(std::string_view name) const noexcept {
  const auto it = std::find_if(entries_.begin(), entries_.end(), [&](const TemplateEntry& e) { return e.name == name; });
  return it == entries_.end() ? nullptr : &*it;
}

const TemplateEntry& TemplateCatalog::at(std::string_view name) const {
  if (const TemplateEntry* e = find(name)) return *e;
  std::vector<std::string_view> names;
  std::string list;
  for (const auto& e : entries_) {
    names.push_back(e.name);
    list += (list.empty() ? "" : ", ") + e.name;
  }
  if (entries_.empty()) {
    std::string where;
    for (const auto& d : directories_) where += (where.empty() ? "" : ", ") + d.path;
    throw Error("no template named " + detail::shown(name) + ": no templates were found (looked in " +
                (where.empty() ? std::string("no directory") : where) + ")");
  }
  std::string suggestion = did_you_mean(name, names);
  if (suggestion.empty()) {
    // The one template whose title holds the words ("breach of contract").
    std::vector<std::string> titles;
    for (const auto& e : entries_) {
      try {
        titles.push_back(read(e, Limits{}).title());
      } catch (const std::exception&) {
        titles.emplace_back();  // a broken template is reported when it is used
      }
    }
    const std::vector<std::string_view> views(titles.begin(), titles.end());
    if (auto only = detail::containing(name, views)) {
      suggestion = "; did you mean " + detail::shown(entries_[*only].name) + " (" + titles[*only] + ")?";
    }
  }
  throw Error("no template named " + detail::shown(name) + (suggestion.empty() ? "; the" : suggestion + " The") +
              " templates are " + list + " (claimgraph templates lists them with their sources)");
}

CaseTemplate TemplateCatalog::read(const TemplateEntry& entry, const Limits& limits) const {
  const std::string text = read_file(entry.found.file, limits.max_input_bytes);
  ReadOptions options;
  options.file_name = entry.found.file;
  options.limits = limits;
  return read_template(text, entry.name, options);
}

void write_template_list_text(std::ostream& out, const TemplateCatalog& catalog,
                              std::span<const CaseTemplate> templates) {
  const auto& dirs = catalog.directories();
  auto where = [&](const TemplateFile& f) {
    return plain(f.file) + " (" + std::string(to_string(dirs[f.directory].origin)) + ")";
  };
  std::string buf;
  const auto& entries = catalog.entries();
  for (std::size_t i = 0; i < entries.size() && i < templates.size(); ++i) {
    const TemplateEntry& e = entries[i];
    const CaseTemplate& t = templates[i];
    buf += plain(e.name) + " — " + plain(t.title()) + "\n";
    buf += "  file: " + where(e.found) + "\n";
    for (const auto& h : e.hidden) buf += "  overrides: " + where(h) + "\n";
    if (!t.authorities.empty()) buf += "  authorities:\n";
    for (const auto& a : t.authorities) buf += "    " + plain(a) + "\n";
    buf += "\n";
  }
  const std::size_t n = entries.size();
  buf += std::to_string(n) + (n == 1 ? " template" : " templates") +
         "; claimgraph new --template NAME[:PREFIX] starts a case from them.\nSearched in this order:\n";
  for (const auto& d : dirs) {
    std::error_code ec;
    const bool exists = fs::is_directory(d.path, ec);
    buf += "  " + plain(d.path) + " (" + std::string(to_string(d.origin)) + (exists ? ")" : ", not found)") + "\n";
  }
  out << buf;
}

void write_template_list_json(std::ostream& out, const TemplateCatalog& catalog,
                              std::span<const CaseTemplate> templates) {
  const auto& dirs = catalog.directories();
  std::string buf = "{\n  \"templates\": [";
  const auto& entries = catalog.entries();
  for (std::size_t i = 0; i < entries.size() && i < templates.size(); ++i) {
    const TemplateEntry& e = entries[i];
    const CaseTemplate& t = templates[i];
    buf += i == 0 ? "\n    {" : ",\n    {";
    detail::JsonMembers m(buf);
    m.string("name", e.name).string("title", t.title()).string("description", t.graph.description.value_or(""));
    m.string("file", e.found.file).string("origin", json_name(dirs[e.found.directory].origin));
    m.key("overrides");
    buf += '[';
    for (std::size_t h = 0; h < e.hidden.size(); ++h) {
      buf += h == 0 ? "{" : ", {";
      detail::JsonMembers o(buf);
      o.string("file", e.hidden[h].file).string("origin", json_name(dirs[e.hidden[h].directory].origin));
      buf += '}';
    }
    buf += ']';
    m.strings("authorities", t.authorities);
    buf += '}';
  }
  buf += entries.empty() ? "],\n  \"directories\": [" : "\n  ],\n  \"directories\": [";
  for (std::size_t d = 0; d < dirs.size(); ++d) {
    std::error_code ec;
    buf += d == 0 ? "\n    {" : ",\n    {";
    detail::JsonMembers m(buf);
    m.string("path", dirs[d].path).string("origin", json_name(dirs[d].origin));
    m.boolean("exists", fs::is_directory(dirs[d].path, ec));
    buf += '}';
  }
  buf += dirs.empty() ? "]\n}\n" : "\n  ]\n}\n";
  out << buf;
}

}  // namespace claimgraph::io
