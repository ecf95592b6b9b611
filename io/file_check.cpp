// file_check.cpp: `validate` for one file: a scenario, a summary.json or a preset,
// decided from its content; every failure becomes errors for that file, so a list
// of files is always checked to the end.
#include <filesystem>

#include "io/input_file.hpp"
#include "io/preset_registry.hpp"
#include "io/scenario_io.hpp"

namespace tl {

FileCheck checkFile(const std::string& path_or_name) {
  FileCheck out;
  try {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(
            path_or_name, ec))) {  // no such file: an embedded scenario's name, or the "no such file" error
      out.scenario = loadScenario(path_or_name);
      return out;
    }
    std::string text;
    std::string problem = readInputFile(path_or_name, text);
    if (!problem.empty()) {
      out.errors.push_back({path_or_name, 0, 0, "", "cannot read the file: " + problem});
      return out;
    }
    json doc = parseJsonText(text, path_or_name);
    out.is_preset = doc.is_object() && doc.contains("preset") && !doc.contains("regimes");
    if (out.is_preset)
      out.errors = checkPreset(fileStem(path_or_name), text, path_or_name).errors;
    else
      out.scenario = parseScenario(text, path_or_name);
  } catch (const ScenarioError& e) {
    out.errors = e.errors;
  } catch (const std::exception& e) {  // not expected; still reported for this file only
    out.errors.push_back({path_or_name, 0, 0, "", std::string("cannot check the file: ") + e.what()});
  }
  return out;
}

}  // namespace tl
