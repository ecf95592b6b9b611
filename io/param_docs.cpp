// param_docs.cpp: renders the parameter table for people (Markdown) and tools (JSON).
#include "io/param_docs.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace tl {

std::string parametersJson() {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& d : paramTable()) {
    nlohmann::ordered_json j;
    j["path"] = d.path;
    j["scope"] = d.scope == Scope::World ? "world" : "regime";
    const char* types[] = {"real", "int", "bool", "choice"};
    j["type"] = types[static_cast<int>(d.type)];
    j["unit"] = d.unit;
    if (d.type == ParamType::Bool)
      j["default"] = d.def != 0.0;
    else if (d.type == ParamType::Choice)
      j["default"] = formatValue(d, d.def);
    else
      j["default"] = d.def;
    if (d.type == ParamType::Choice)
      j["choices"] = d.choices;
    else if (d.type != ParamType::Bool)
      j["range"] = {d.lo, d.hi};
    j["label"] = d.label;
    j["description"] = d.description;
    j["source"] = d.source;
    arr.push_back(j);
  }
  return arr.dump(2) + "\n";
}

std::string parametersMarkdown() {
  std::ostringstream o;
  o << "# Parameter reference\n\n"
    << "Generated from `sim/params.def` by `trustlab-cli params --markdown`; do not edit by hand\n"
    << "(a test fails when this file is out of date). World parameters describe the synthetic\n"
    << "population and how citizens behave; they are shared by every pane. Regime parameters\n"
    << "are set per regime (per pane), stage by stage. In a scenario file a world parameter\n"
    << "`population.size` is written `{\"population\": {\"size\": ...}}`; a regime parameter\n"
    << "`appeal.cost` inside a regime object: `{\"appeal\": {\"cost\": ...}}`.\n";
  std::string section, scope;
  for (const auto& d : paramTable()) {
    std::string sc = d.scope == Scope::World ? "World" : "Regime";
    if (sc != scope) {
      scope = sc;
      o << "\n## " << sc << " parameters\n";
      section.clear();
    }
    if (d.section() != section) {
      section = d.section();
      o << "\n### " << section
        << "\n\n| parameter | on screen | unit | default | range | description | source |\n"
        << "|---|---|---|---|---|---|---|\n";
    }
    std::string range;
    if (d.type == ParamType::Choice) {
      for (size_t k = 0; k < d.choices.size(); ++k) range += (k ? ", " : "") + ("`" + d.choices[k] + "`");
    } else if (d.type == ParamType::Bool) {
      range = "true/false";
    } else {
      range = jsonNumber(d.lo) + " to " + jsonNumber(d.hi);
    }
    o << "| `" << d.path << "` | " << d.label << " | " << d.unit << " | " << formatValue(d, d.def) << " | "
      << range << " | " << d.description << " | " << d.source << " |\n";
  }
  return o.str();
}

}  // namespace tl
