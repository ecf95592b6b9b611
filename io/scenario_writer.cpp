// scenario_writer.cpp: a Scenario back to JSON (the app's Save, the run manifest)
// and the scenario hash recorded in every manifest.
#include <cstdio>

#include "io/expect_writer.hpp"
#include "io/lesson_sweep.hpp"
#include "io/param_docs.hpp"
#include "io/preset_registry.hpp"
#include "io/scenario_io.hpp"

namespace tl {
namespace {

// Lesson values back to their JSON type, so saved files read like hand-written ones.
nlohmann::ordered_json typedSetValue(const std::string& text) {
  if (text == "true") return true;
  if (text == "false") return false;
  json parsed = json::parse(text, nullptr, false);
  if (!parsed.is_discarded() && parsed.is_number() && parsed.dump() == text) return parsed;
  return text;
}

}  // namespace

nlohmann::ordered_json scenarioToJsonValue(const Scenario& s, bool every_value) {
  nlohmann::ordered_json j;
  if (!s.title.empty()) j["title"] = s.title;
  if (!s.description.empty()) j["description"] = s.description;
  if (every_value || s.label_a != "A" || s.label_b != "B") j["group_labels"] = {s.label_a, s.label_b};
  const ParamValues defaults = ParamValues::defaults();
  for (const auto& d : paramTable()) {
    if (d.scope != Scope::World) continue;
    double v = s.world[d.id];
    bool always =
        d.id == P::weeks || d.id == P::seed || d.id == P::population_size;  // readers look for these
    if (!(every_value || always || v != defaults[d.id])) continue;
    if (d.section() == "run")
      j[d.path] = paramJsonValue<json>(d, v);
    else
      j[d.section()][d.key()] = paramJsonValue<json>(d, v);
  }
  nlohmann::ordered_json regs = nlohmann::ordered_json::array();
  for (const auto& r : s.regimes) {
    nlohmann::ordered_json o;
    o["name"] = r.name;
    const ParamValues* base = &defaults;
    if (!r.preset.empty()) {
      o["preset"] = r.preset;
      if (const PresetEntry* e = findPreset(r.preset)) base = &e->values;
    }
    for (const auto& d : paramTable())
      if (d.scope == Scope::Regime && (every_value || r.values[d.id] != (*base)[d.id]))
        o[d.section()][d.key()] = paramJsonValue<json>(d, r.values[d.id]);
    regs.push_back(o);
  }
  j["regimes"] = regs;
  const Notes& n = s.notes;
  if (!(n.what_is_it + n.how_it_works + n.things_to_notice + n.things_to_try + n.passage).empty())
    j["notes"] = {{"what_is_it", n.what_is_it},
                  {"how_it_works", n.how_it_works},
                  {"things_to_notice", n.things_to_notice},
                  {"things_to_try", n.things_to_try},
                  {"passage", n.passage}};
  if (!s.lesson.empty()) {
    nlohmann::ordered_json steps = nlohmann::ordered_json::array();
    for (const auto& st : s.lesson) {
      nlohmann::ordered_json o;
      o["title"] = st.title;
      o["narrative"] = st.narrative;
      o["predict"] = st.predict;
      nlohmann::ordered_json set = nlohmann::ordered_json::object();
      for (const auto& kv : st.set) set[kv.first] = typedSetValue(kv.second);
      o["set"] = set;
      o["watch"] = st.watch;
      o["run_weeks"] = st.run_weeks;
      if (!st.expect.empty()) o["expect"] = expectsToJson(st.expect, s);
      if (!st.sweep.empty()) o["sweep"] = lessonSweepToJson(st.sweep);
      steps.push_back(o);
    }
    j["lesson"] = steps;
  }
  if (!s.expect.empty()) j["expect"] = expectsToJson(s.expect, s);
  return j;
}

std::string scenarioToJson(const Scenario& s, bool every_value) {
  return scenarioToJsonValue(s, every_value).dump(2) + "\n";
}

uint64_t scenarioHash(const Scenario& s) {
  std::string canon = "trustlab-scenario-v1\nlabels=" + s.label_a + "|" + s.label_b + "\n";
  char buf[64];
  auto add = [&](const ParamDecl& d, double v) {
    std::snprintf(buf, sizeof buf, "=%.17g\n", v);
    canon += d.path;
    canon += buf;
  };
  for (const auto& d : paramTable())
    if (d.scope == Scope::World) add(d, s.world[d.id]);
  for (const auto& r : s.regimes) {
    canon += "regime=" + r.name + "|" + r.preset + "\n";
    for (const auto& d : paramTable())
      if (d.scope == Scope::Regime) add(d, r.values[d.id]);
  }
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : canon) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string scenarioHashHex(const Scenario& s) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(scenarioHash(s)));
  return buf;
}

}  // namespace tl
