// preset_registry.hpp (internal to io/): the checked presets, looked up by name by
// the scenario reader and the writer (which writes a regime as its preset + changes).
#pragma once
#include <string>
#include <vector>

#include "io/json_read.hpp"
#include "sim/params.hpp"

namespace tl {

constexpr const char* kPresetDir = "scenarios/presets/";

struct PresetEntry {
  std::string file;
  json doc;
  ParamValues values = ParamValues::defaults();
  std::vector<InputError> errors;
};

// Reads and checks a preset's text (`name` is what its "preset" key must say).
PresetEntry checkPreset(const std::string& name, const std::string& text, const std::string& file);
// nullptr when no preset has that name; the entry may carry errors.
const PresetEntry* findPreset(const std::string& name);
std::string unknownPresetMessage(const std::string& name);

}  // namespace tl
