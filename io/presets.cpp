// presets.cpp: the regime presets (scenarios/presets/*.json, compiled in): each is
// checked once against params.def; a broken one reports its errors where it is used.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <mutex>

#include "io/embedded.hpp"
#include "io/input_file.hpp"
#include "io/preset_registry.hpp"
#include "io/scenario_io.hpp"

namespace tl {

PresetEntry checkPreset(const std::string& name, const std::string& text, const std::string& file) {
  PresetEntry e;
  e.file = file;
  try {
    e.doc = parseJsonText(text, file);
  } catch (const ScenarioError& ex) {
    e.errors = ex.errors;
    return e;
  }
  JsonPositions pos(text);
  Reporter r(file, pos, "", e.errors);
  scanPerPerson(e.doc, r);
  if (!e.doc.is_object()) {
    r.value("", "expected a preset object, got " + typeName(e.doc));
    return e;
  }
  const std::vector<std::string> regime_sections = sectionsOf(Scope::Regime);
  std::vector<std::string> known = {
      "preset",  "title",           "description", "summary", "target_description",
      "sources", "simplifications", "reasoned"};
  known.insert(known.end(), regime_sections.begin(), regime_sections.end());
  if (!e.doc.contains("preset"))
    r.missing("", "preset", "missing \"preset\": expected \"" + name + "\" (the file name)");
  for (auto it = e.doc.begin(); it != e.doc.end() && !r.full(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    std::string ptr = "/" + pointerToken(k);
    std::string s;
    if (k == "preset") {
      if (readString(v, ptr, r, s) && s != name)
        r.value(ptr, "expected \"" + name + "\" (the file name), got \"" + s + "\"");
    } else if (k == "title" || k == "description" || k == "summary" || k == "target_description") {
      readString(v, ptr, r, s);
    } else if (k == "sources" || k == "simplifications") {
      if (!v.is_array())
        r.value(ptr, "expected a list of strings, got " + typeName(v));
      else
        for (size_t i = 0; i < v.size(); ++i) readString(v[i], ptr + "/" + std::to_string(i), r, s);
    } else if (k == "reasoned") {
      if (!v.is_object()) {
        r.value(ptr, "expected an object {\"stage.parameter\": \"why\"}, got " + typeName(v));
        continue;
      }
      std::vector<std::string> paths;
      for (const auto& d : paramTable())
        if (d.scope == Scope::Regime) paths.push_back(d.path);
      for (auto jt = v.begin(); jt != v.end() && !r.full(); ++jt) {
        std::string child = ptr + "/" + pointerToken(jt.key());
        if (!findParam(Scope::Regime, jt.key()))
          r.key(child, "unknown regime parameter '" + jt.key() + "'" + didYouMean(jt.key(), paths));
        readString(jt.value(), child, r, s);
      }
    } else if (std::find(regime_sections.begin(), regime_sections.end(), k) != regime_sections.end()) {
      readSection(k, v, ptr, Scope::Regime, r, e.values);
    } else {
      r.key(ptr, "unknown key '" + k + "' in a preset" + didYouMean(k, known));
    }
  }
  std::stable_sort(e.errors.begin(), e.errors.end(), [](const InputError& a, const InputError& b) {
    return std::make_pair(a.line == 0 ? 1 << 30 : a.line, a.col) <
           std::make_pair(b.line == 0 ? 1 << 30 : b.line, b.col);
  });
  return e;
}

namespace {

struct Registry {
  std::mutex m;
  std::map<std::string, PresetEntry> presets;
};

Registry& registry() {
  static Registry* reg = [] {
    auto* r = new Registry;  // never destroyed: references handed out stay valid at exit
    const std::string dir = kPresetDir;
    for (int i = 0; i < embedded_scenarios_count; ++i) {
      std::string path = embedded_scenarios[i].path;
      if (path.compare(0, dir.size(), dir) != 0 || path.size() < 5 || path.substr(path.size() - 5) != ".json")
        continue;
      std::string name = path.substr(dir.size(), path.size() - dir.size() - 5);
      r->presets[name] =
          checkPreset(name, std::string(embedded_scenarios[i].data, embedded_scenarios[i].size), path);
    }
    return r;
  }();
  return *reg;
}

}  // namespace

const PresetEntry* findPreset(const std::string& name) {
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.m);
  auto it = reg.presets.find(name);
  return it == reg.presets.end() ? nullptr : &it->second;
}

std::string unknownPresetMessage(const std::string& name) {
  std::vector<std::string> names = presetNames();
  std::string near = closestMatch(name, names);
  return "unknown preset '" + name + "'; expected one of " +
         (names.empty() ? std::string("(none)") : joined(names)) +
         (near.empty() ? "" : " (did you mean '" + near + "'?)");
}

std::vector<std::string> presetNames() {
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.m);
  std::vector<std::string> out;
  for (const auto& kv : reg.presets) out.push_back(kv.first);
  return out;
}

static const PresetEntry& checkedPreset(const std::string& name) {
  const PresetEntry* e = findPreset(name);
  if (!e) throw ScenarioError({InputError{"preset", 0, 0, "", unknownPresetMessage(name)}});
  if (!e->errors.empty()) throw ScenarioError(e->errors);
  return *e;
}

const nlohmann::json& presetJson(const std::string& name) { return checkedPreset(name).doc; }
const ParamValues& presetValues(const std::string& name) { return checkedPreset(name).values; }

void registerPreset(const std::string& name, const std::string& text, const std::string& file) {
  PresetEntry e = checkPreset(name, text, file);
  Registry& reg = registry();
  std::lock_guard<std::mutex> lock(reg.m);
  reg.presets[name] = std::move(e);
}

std::vector<InputError> checkPresetFile(const std::string& path) {
  std::string text;
  std::string problem = readInputFile(path, text);
  if (!problem.empty()) return {InputError{path, 0, 0, "", "cannot read the file: " + problem}};
  return checkPreset(fileStem(path), text, path).errors;
}

}  // namespace tl
