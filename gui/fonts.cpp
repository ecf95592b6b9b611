// fonts.cpp: rasterises the embedded TrueType font at the size shown (rebuilt when the scale changes).
#include "gui/fonts.hpp"

#include <imgui.h>

#include <cstring>

#include "gui/embedded_font.hpp"
#include "gui/imgui_sfml.hpp"

namespace tl::gui {
namespace {
const EmbeddedFile* findFont(const char* name) {
  for (int i = 0; i < embedded_font_count; ++i)
    if (std::strstr(embedded_font[i].path, name)) return &embedded_font[i];
  return nullptr;
}
// Latin-1, punctuation (dashes, bullets), arrows, maths signs and geometric shapes used on screen.
const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2044, 0x2190, 0x21FF, 0x2500, 0x257F, 0x2212,
                           0x2212, 0x2248, 0x2265, 0x25A0, 0x25FF, 0x2713, 0x2717, 0};
// Digits and what numbers are written with ("12,345", "0.2 %", "3 / 10", "+1.5 k", "−").
const ImWchar kNumberRanges[] = {0x0020, 0x007E, 0x00B7, 0x00B7, 0x2212, 0x2212, 0};
ImFont* g_number_font = nullptr;
ImFont* g_lesson_font = nullptr;
float g_lesson_scale = -1;
}  // namespace

ImFont* numberFont() { return g_number_font ? g_number_font : ImGui::GetFont(); }
ImFont* lessonFont() { return g_lesson_font ? g_lesson_font : ImGui::GetFont(); }
float lessonFontScale() { return g_lesson_scale; }

bool buildFonts(ImGuiSfml& glue, float base_px, float scale, float lesson_scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const EmbeddedFile* f = findFont("DejaVuSans.ttf");
  bool ok = f != nullptr;
  if (ok) {
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(f->data), static_cast<int>(f->size), base_px * scale,
                                   &cfg, kRanges);
    g_number_font = io.Fonts->AddFontFromMemoryTTF(const_cast<char*>(f->data), static_cast<int>(f->size),
                                                   base_px * scale * kNumberScale, &cfg, kNumberRanges);
    g_lesson_font = lesson_scale == scale ? nullptr
                                          : io.Fonts->AddFontFromMemoryTTF(
                                                const_cast<char*>(f->data), static_cast<int>(f->size),
                                                base_px * lesson_scale, &cfg, kRanges);
  } else {
    io.Fonts->AddFontDefault();
    g_number_font = g_lesson_font = nullptr;
  }
  g_lesson_scale = lesson_scale;
  io.Fonts->Build();
  io.FontGlobalScale = 1.0f;  // crisp: rasterised at the shown size, never scaled
  glue.uploadFontAtlas();
  return ok;
}
}  // namespace tl::gui
