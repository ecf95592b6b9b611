// scenario_reader.cpp: reads a scenario (or a summary.json's manifest) into a
// Scenario: world sections, regimes over their presets, notes, group labels and the
// lesson; every error is collected with its position before one ScenarioError.
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <tuple>

#include "io/embedded.hpp"
#include "io/expect_reader.hpp"
#include "io/input_file.hpp"
#include "io/lesson_reader.hpp"
#include "io/preset_registry.hpp"
#include "io/scenario_io.hpp"

namespace tl {
namespace {

RegimeSpec readRegime(const json& v, const std::string& ptr, Reporter& r) {
  RegimeSpec spec;
  spec.values = ParamValues::defaults();
  if (!v.is_object()) {
    r.value(ptr,
            "expected a regime object {\"name\": ..., \"preset\": ..., stage sections}, got " + typeName(v));
    return spec;
  }
  if (!v.contains("name"))
    r.missing(ptr, "name", "missing \"name\": every regime needs a name (the pane title)");
  // The preset comes first: the regime's own sections override it.
  if (v.contains("preset")) {
    std::string p = ptr + "/preset";
    if (readString(v["preset"], p, r, spec.preset)) {
      const PresetEntry* e = findPreset(spec.preset);
      if (!e) {
        r.value(p, unknownPresetMessage(spec.preset));
      } else if (!e->errors.empty()) {
        for (const auto& err : e->errors) r.raw(err);
        r.value(p, "preset '" + spec.preset + "' has errors (listed above, in " + e->file + ")");
      } else {
        spec.values = e->values;
      }
    }
  }
  const std::vector<std::string> regime_sections = sectionsOf(Scope::Regime);
  const std::vector<std::string> world_sections = sectionsOf(Scope::World);
  std::vector<std::string> known = {"name", "preset", "description"};
  known.insert(known.end(), regime_sections.begin(), regime_sections.end());
  for (auto it = v.begin(); it != v.end() && !r.full(); ++it) {
    const std::string& k = it.key();
    std::string child = ptr + "/" + pointerToken(k);
    std::string ignored;
    if (k == "name") {
      if (readString(it.value(), child, r, spec.name) && spec.name.empty())
        r.value(child, "expected a non-empty name (the pane title)");
    } else if (k == "preset") {
      continue;
    } else if (k == "description") {
      readString(it.value(), child, r, ignored);
    } else if (std::find(regime_sections.begin(), regime_sections.end(), k) != regime_sections.end()) {
      readSection(k, it.value(), child, Scope::Regime, r, spec.values);
    } else if (std::find(world_sections.begin(), world_sections.end(), k) != world_sections.end()) {
      r.key(child,
            "'" + k + "' is a world section shared by all regimes: put it at the top level of the scenario");
    } else {
      r.key(child, "unknown key '" + k + "' in a regime" + didYouMean(k, known));
    }
  }
  return spec;
}

void readNotes(const json& v, const std::string& ptr, Reporter& r, Notes& n) {
  if (!v.is_object()) return r.value(ptr, "expected an object of notes, got " + typeName(v));
  const std::vector<std::string> keys = {"what_is_it", "how_it_works", "things_to_notice", "things_to_try",
                                         "passage"};
  std::string* fields[] = {&n.what_is_it, &n.how_it_works, &n.things_to_notice, &n.things_to_try, &n.passage};
  for (auto it = v.begin(); it != v.end() && !r.full(); ++it) {
    std::string child = ptr + "/" + pointerToken(it.key());
    auto k = std::find(keys.begin(), keys.end(), it.key());
    if (k == keys.end())
      r.key(child, "unknown note '" + it.key() + "'" + didYouMean(it.key(), keys));
    else
      readString(it.value(), child, r, *fields[k - keys.begin()]);
  }
}

void readGroupLabels(const json& v, const std::string& ptr, Reporter& r, Scenario& s) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_string() || !v[1].is_string())
    return r.value(ptr, "expected two group labels, e.g. [\"A\", \"B\"]");
  std::string a = v[0].get<std::string>(), b = v[1].get<std::string>();
  if (a.empty() || b.empty() || a == b || a == "all" || b == "all")
    return r.value(
        ptr, "expected two different, non-empty labels other than \"all\" (used for the whole population)");
  s.label_a = a;
  s.label_b = b;
}

// The scenario object (the per-person scan has already covered the whole text).
void readScenario(const json& root, Reporter& r, Scenario& s) {
  if (!root.is_object())
    return r.value("", "expected a scenario object {\"regimes\": [...], ...}, got " + typeName(root));
  const std::vector<std::string> world_sections = sectionsOf(Scope::World);
  const std::vector<std::string> regime_sections = sectionsOf(Scope::Regime);
  std::vector<std::string> known = {"title",   "description", "group_labels", "weeks", "seed",
                                    "regimes", "notes",       "lesson",       "expect"};
  known.insert(known.end(), world_sections.begin(), world_sections.end());
  for (auto it = root.begin(); it != root.end() && !r.full(); ++it) {
    const std::string& k = it.key();
    const json& v = it.value();
    std::string ptr = "/" + pointerToken(k);
    if (k == "title")
      readString(v, ptr, r, s.title);
    else if (k == "description")
      readString(v, ptr, r, s.description);
    else if (k == "group_labels")
      readGroupLabels(v, ptr, r, s);
    else if (k == "weeks" || k == "seed")
      readParam(*findParam(Scope::World, k), v, ptr, r, s.world);
    else if (k == "notes")
      readNotes(v, ptr, r, s.notes);
    else if (k == "regimes" || k == "lesson" || k == "expect")
      continue;  // below, in order
    else if (std::find(world_sections.begin(), world_sections.end(), k) != world_sections.end())
      readSection(k, v, ptr, Scope::World, r, s.world);
    else if (std::find(regime_sections.begin(), regime_sections.end(), k) != regime_sections.end())
      r.key(ptr, "'" + k + "' is a regime stage: put it inside a regime object in \"regimes\"");
    else
      r.key(ptr, "unknown key '" + k + "'" + didYouMean(k, known));
  }
  if (!root.contains("regimes")) {
    r.missing("", "regimes",
              "missing \"regimes\": expected a list of 1 to " + std::to_string(kMaxPanes) + " regimes");
  } else {
    const json& regs = root["regimes"];
    if (!regs.is_array()) {
      r.value("/regimes",
              "expected a list of 1 to " + std::to_string(kMaxPanes) + " regimes, got " + typeName(regs));
    } else if (regs.empty()) {
      r.value("/regimes", "expected 1 to " + std::to_string(kMaxPanes) + " regimes, got none");
    } else {
      std::set<std::string> names;
      for (size_t i = 0; i < regs.size(); ++i) {
        std::string ptr = "/regimes/" + std::to_string(i);
        if (i >= static_cast<size_t>(kMaxPanes)) {
          r.value(ptr, "at most " + std::to_string(kMaxPanes) +
                           " regimes can run side by side; this scenario has " + std::to_string(regs.size()));
          break;
        }
        RegimeSpec spec = readRegime(regs[i], ptr, r);
        if (!spec.name.empty() && !names.insert(spec.name).second)
          r.value(ptr + "/name",
                  "expected a name different from the other regimes' (\"" + spec.name + "\" is used twice)");
        s.regimes.push_back(spec);
      }
    }
  }
  if (root.contains("lesson")) readLesson(root["lesson"], "/lesson", r, s);
  if (root.contains("expect"))
    s.expect = readExpects(root["expect"], "/expect", {&s, -1, false, 0, s.weeks()}, r);
}

}  // namespace

Scenario parseScenario(const std::string& text, const std::string& file) {
  std::vector<InputError> errors;
  json root = parseJsonText(text, file);
  Scenario s;
  s.name = fileStem(file);
  s.source_file = file;
  s.source_text = text;
  JsonPositions pos(text);
  // A summary.json: reproduce the run from its manifest's effective scenario.
  const json* scen = &root;
  Reporter r(file, pos, "", errors);
  scanPerPerson(root, r);  // the whole text, not only the part read as the scenario
  if (root.is_object() && root.contains("manifest") && root["manifest"].is_object() &&
      root["manifest"].contains("scenario")) {
    r.setBase("/manifest/scenario");
    scen = &root["manifest"]["scenario"];
  }
  readScenario(*scen, r, s);
  // Text order reads best; a broken preset's own errors come before the line that uses it.
  auto rank = [&](const InputError& e) {
    int where = e.line == 0 && e.path.empty() ? 2 : e.file == file ? 1 : 0;  // 2: the "too many" note
    return std::make_tuple(where, e.line, e.col);
  };
  std::stable_sort(errors.begin(), errors.end(),
                   [&](const InputError& a, const InputError& b) { return rank(a) < rank(b); });
  if (!errors.empty()) throw ScenarioError(errors);
  return s;
}

Scenario loadScenarioFile(const std::string& path) {
  std::string text;
  std::string problem = readInputFile(path, text);
  if (!problem.empty()) throw ScenarioError({InputError{path, 0, 0, "", "cannot read the file: " + problem}});
  return parseScenario(text, path);
}

std::vector<std::string> embeddedScenarioPaths() {
  std::vector<std::string> out;
  for (int i = 0; i < embedded_scenarios_count; ++i) {
    std::string p = embedded_scenarios[i].path;
    if (p.compare(0, std::strlen(kPresetDir), kPresetDir) != 0) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Scenario loadScenario(const std::string& path_or_name) {
  std::error_code ec;
  if (std::filesystem::exists(path_or_name, ec)) return loadScenarioFile(path_or_name);
  for (const std::string& p :
       {path_or_name, "scenarios/" + path_or_name, "scenarios/" + path_or_name + ".json"}) {
    if (const EmbeddedFile* f = findEmbedded(p)) return parseScenario(std::string(f->data, f->size), p);
  }
  std::vector<std::string> names;
  for (const auto& p : embeddedScenarioPaths()) names.push_back(fileStem(p));
  throw ScenarioError(
      {InputError{path_or_name, 0, 0, "",
                  "no such file, and no embedded scenario of that name (embedded: " + joined(names) + ")"}});
}

Scenario defaultScenario() {
  const EmbeddedFile* f = findEmbedded("scenarios/default.json");
  if (!f) throw std::runtime_error("scenarios/default.json is not embedded in this build");
  Scenario s = parseScenario(std::string(f->data, f->size), "scenarios/default.json");
  s.name = "default";
  return s;
}

}  // namespace tl
