// scenario_io.hpp: reading, checking and writing scenario files (JSON) and presets.
// Every error carries file:line:col and a JSON path; all errors are reported at once.
// The public API of io/ for scenarios; implemented in input_error.cpp, json_read.cpp,
// presets.cpp, scenario_reader.cpp, lesson_reader.cpp, set_assign.cpp, scenario_writer.cpp.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "io/input_error.hpp"
#include "sim/scenario.hpp"

namespace tl {

// Parses scenario text; `file` names it in errors. Accepts a summary.json too: its
// manifest's scenario is then loaded, so a run can be reproduced from its output.
Scenario parseScenario(const std::string& text, const std::string& file);
Scenario loadScenarioFile(const std::string& path);
// A path on disk, else an embedded scenario by path or name ("lesson_x" or
// "scenarios/lesson_x.json").
Scenario loadScenario(const std::string& path_or_name);
Scenario defaultScenario();  // the embedded scenarios/default.json
std::vector<std::string> embeddedScenarioPaths();

// What `validate` says about one file: a scenario (or summary.json), or a preset (an
// object with "preset" and no "regimes"); a name that is no file is looked up among
// the embedded scenarios. Never throws: every problem is in `errors`.
struct FileCheck {
  bool is_preset = false;
  Scenario scenario;  // a scenario without errors, as loaded
  std::vector<InputError> errors;
};
FileCheck checkFile(const std::string& path_or_name);

// Presets: scenarios/presets/<name>.json, compiled into the binaries.
std::vector<std::string> presetNames();
const nlohmann::json& presetJson(const std::string& name);  // throws ScenarioError if unknown/bad
const ParamValues& presetValues(const std::string& name);   // its effective regime values
// Adds (or replaces) a preset from text, checked like the embedded ones (tests, course authors).
void registerPreset(const std::string& name, const std::string& text, const std::string& file);
// Checks a preset file on disk (its name is the file stem); empty when it is fine.
std::vector<InputError> checkPresetFile(const std::string& path);

// "population.size=5000", "appeal.cost=0.1" (every regime), "regimes[1].appeal.cost=0.1".
void applySet(Scenario& s, const std::string& assignment);
void applySet(Scenario& s, const std::string& path, const std::string& value);
// Throws what applySet would throw, without changing (or copying) the scenario.
void checkSet(const Scenario& s, const std::string& path, const std::string& value);

// A file this loader reads back to the same effective values. By default it keeps each
// regime's preset plus the values that differ from it (readable "save scenario");
// every_value = true writes every parameter (the run manifest: immune to preset edits).
nlohmann::ordered_json scenarioToJsonValue(const Scenario& s, bool every_value = false);
std::string scenarioToJson(const Scenario& s, bool every_value = false);

// FNV-1a over a canonical dump of the effective values (not prose, not file names).
uint64_t scenarioHash(const Scenario& s);
std::string scenarioHashHex(const Scenario& s);

}  // namespace tl
