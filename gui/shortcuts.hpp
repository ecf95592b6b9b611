// shortcuts.hpp: the key map: which key does what (one table, also shown by the help overlay).
#pragma once
#include "gui/sfml_compat.hpp"

namespace tl::gui {

// Everything a key can ask the app to do.
enum class Command {
  None,
  PlayPause,
  Step,
  Reset,
  Faster,
  Slower,
  Undo,
  Redo,
  Open,
  Save,
  ExportCsv,
  ExportPng,
  QuickPng,
  Presenter,
  TogglePolicy,
  ToggleRight,
  Help,
  Escape,
  Quit,
};

// The command of a key press (None when the key means nothing to the app).
Command commandForKey(const sfc::KeyEvent& k);
// The command of a typed character ('?' opens the help).
Command commandForText(unsigned unicode);

// One row of the help overlay.
struct ShortcutHelp {
  const char* keys;
  const char* what;
};
// The rows of the help overlay, in the order shown.
const ShortcutHelp* shortcutHelp(int& count);

}  // namespace tl::gui
