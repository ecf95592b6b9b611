// layout_report.cpp: collects the panel rectangles, city cells, tiles and clipped texts of a frame
// and writes them as JSON (see layout_report.hpp).
#include "gui/layout_report.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

namespace tl::gui {
namespace {

struct Report {
  float width = 0, height = 0, font = 0, lesson_font = 0;
  bool presenter = false;
  nlohmann::ordered_json panels = nlohmann::ordered_json::array();
  nlohmann::ordered_json cities = nlohmann::ordered_json::array();
  nlohmann::ordered_json tiles = nlohmann::ordered_json::array();
  nlohmann::ordered_json clipped = nlohmann::ordered_json::array();
  nlohmann::ordered_json claims = nlohmann::ordered_json::array();
  nlohmann::ordered_json city_counts = nlohmann::ordered_json::array();
};
// One collector: the draw code that measures is spread over many panels, and only the last
// complete frame is ever written.
Report& report() {
  static Report r;
  return r;
}

}  // namespace

void reportBeginFrame(float width, float height, float font, bool presenter) {
  Report& r = report();
  r = Report{};
  r.width = width, r.height = height, r.font = font, r.presenter = presenter;
}

void reportPanel(const char* name, bool scrollable, const char* inside) {
  ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
  report().panels.push_back({{"name", name},
                             {"inside", inside ? inside : ""},
                             {"x", p.x},
                             {"y", p.y},
                             {"w", s.x},
                             {"h", s.y},
                             {"overflow_x", ImGui::GetScrollMaxX() > 0.5f},
                             {"overflow_y", ImGui::GetScrollMaxY() > 0.5f},
                             {"scrollable", scrollable},
                             {"text_cut_bottom", textCutAtBottom()}});
}

std::vector<float> textCutAtBottom() {
  // A glyph is a quad textured from the font atlas (filled shapes use its white pixel), written as
  // the indices a, a+1, a+2, a, a+2, a+3 of its corners (top left, top right, bottom right, bottom
  // left). ImGui draws a line of text whole when any of it is in view, and the clip rectangle hides
  // the rest: a glyph reaching past the window's bottom clip edge is drawn in part. (Clipped labels,
  // e.g. a button's, are cut on the CPU to the clip rectangle and do not show here.)
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const float bottom = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
  std::vector<float> lines;
  for (const ImDrawCmd& cmd : dl->CmdBuffer) {
    // Only the window's own clip edge: a table's or a tab bar's ends higher up.
    if (cmd.UserCallback || cmd.TextureId != atlas->TexID ||
        cmd.ClipRect.w < bottom - ImGui::GetStyle().WindowBorderSize - 2)
      continue;
    const float edge = cmd.ClipRect.w;
    for (unsigned k = 0; k + 6 <= cmd.ElemCount; k += 3) {
      const ImDrawIdx* i = &dl->IdxBuffer[static_cast<int>(cmd.IdxOffset + k)];
      const unsigned a = i[0];
      if (i[1] != a + 1 || i[2] != a + 2 || i[3] != a || i[4] != a + 2 || i[5] != a + 3) continue;
      const ImDrawVert* v = &dl->VtxBuffer[static_cast<int>(cmd.VtxOffset + a)];
      const bool upright = v[0].pos.y == v[1].pos.y && v[2].pos.y == v[3].pos.y && v[0].pos.x == v[3].pos.x &&
                           v[1].pos.x == v[2].pos.x;
      const bool white = v[0].uv.x == atlas->TexUvWhitePixel.x && v[0].uv.y == atlas->TexUvWhitePixel.y;
      if (!upright || white || !(v[0].pos.y < edge - 0.5f && v[2].pos.y > edge + 0.5f)) continue;
      // One entry a line: glyphs of a line start within a few pixels of each other.
      const float top = v[0].pos.y;
      if (std::none_of(lines.begin(), lines.end(), [&](float y) { return std::fabs(y - top) < 4; }))
        lines.push_back(top);
    }
  }
  return lines;
}

void reportCity(int pane, ImVec2 pos, ImVec2 size, float cell_px, int per_cell, size_t wrongly,
                size_t wrongly_cells) {
  report().cities.push_back({{"pane", pane},
                             {"x", pos.x},
                             {"y", pos.y},
                             {"w", size.x},
                             {"h", size.y},
                             {"cell_px", cell_px},
                             {"citizens_per_cell", per_cell},
                             {"wrongly_sanctioned", wrongly},
                             {"wrongly_sanctioned_cells", wrongly_cells}});
}

void reportCityCount(int pane, const char* state, const std::string& shown, ImVec2 pos, ImVec2 size) {
  report().city_counts.push_back({{"pane", pane},
                                  {"state", state},
                                  {"shown", shown},
                                  {"x", pos.x},
                                  {"y", pos.y},
                                  {"w", size.x},
                                  {"h", size.y}});
}

void reportTile(int pane, const char* metric, const std::string& shown, ImVec2 pos, ImVec2 size,
                float number_px, bool by_group) {
  report().tiles.push_back({{"pane", pane},
                            {"metric", metric},
                            {"shown", shown},
                            {"x", pos.x},
                            {"y", pos.y},
                            {"w", size.x},
                            {"h", size.y},
                            {"number_px", number_px},
                            {"by_group", by_group}});
}

void reportClaim(int step, const std::string& says, const std::string& record, int held, int runs, float top,
                 float bottom) {
  const ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool whole = top >= dl->GetClipRectMin().y - 0.5f && bottom <= dl->GetClipRectMax().y + 0.5f;
  report().claims.push_back({{"step", step},
                             {"says", says},
                             {"record", record},
                             {"held", held},
                             {"runs", runs},
                             {"top", top},
                             {"bottom", bottom},
                             {"in_view", whole}});
}

void reportLessonFont(float px) { report().lesson_font = px; }

void reportClipped(const char* where, const std::string& text, float need_px, float have_px) {
  report().clipped.push_back({{"where", where}, {"text", text}, {"need_px", need_px}, {"have_px", have_px}});
}

std::string reportJson() {
  const Report& r = report();
  nlohmann::ordered_json j;
  j["window"] = {{"w", r.width}, {"h", r.height}};
  j["font_px"] = r.font;
  j["lesson_font_px"] = r.lesson_font;
  j["presenter"] = r.presenter;
  j["panels"] = r.panels;
  j["cities"] = r.cities;
  j["tiles"] = r.tiles;
  j["clipped"] = r.clipped;
  j["claims"] = r.claims;
  j["city_counts"] = r.city_counts;
  return j.dump(1) + "\n";
}

void fittedText(const char* where, const char* text) {
  float need = ImGui::CalcTextSize(text).x, have = ImGui::GetContentRegionAvail().x;
  if (need > have + 0.5f) reportClipped(where, text, need, have);
  ImGui::TextUnformatted(text);
}

}  // namespace tl::gui
