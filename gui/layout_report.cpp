// layout_report.cpp: collects the panel rectangles, city cells, tiles and clipped texts of a frame
// and writes them as JSON (see layout_report.hpp).
#include "gui/layout_report.hpp"

#include <nlohmann/json.hpp>
#include <vector>

namespace tl::gui {
namespace {

struct Report {
  float width = 0, height = 0, font = 0;
  bool presenter = false;
  nlohmann::ordered_json panels = nlohmann::ordered_json::array();
  nlohmann::ordered_json cities = nlohmann::ordered_json::array();
  nlohmann::ordered_json tiles = nlohmann::ordered_json::array();
  nlohmann::ordered_json clipped = nlohmann::ordered_json::array();
  nlohmann::ordered_json claims = nlohmann::ordered_json::array();
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

void reportPanel(const char* name, bool scrollable) {
  ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
  report().panels.push_back({{"name", name},
                             {"x", p.x},
                             {"y", p.y},
                             {"w", s.x},
                             {"h", s.y},
                             {"overflow_x", ImGui::GetScrollMaxX() > 0.5f},
                             {"overflow_y", ImGui::GetScrollMaxY() > 0.5f},
                             {"scrollable", scrollable}});
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

void reportClaim(int step, const std::string& says, const std::string& record, int held, int runs) {
  report().claims.push_back(
      {{"step", step}, {"says", says}, {"record", record}, {"held", held}, {"runs", runs}});
}

void reportClipped(const char* where, const std::string& text, float need_px, float have_px) {
  report().clipped.push_back({{"where", where}, {"text", text}, {"need_px", need_px}, {"have_px", have_px}});
}

std::string reportJson() {
  const Report& r = report();
  nlohmann::ordered_json j;
  j["window"] = {{"w", r.width}, {"h", r.height}};
  j["font_px"] = r.font;
  j["presenter"] = r.presenter;
  j["panels"] = r.panels;
  j["cities"] = r.cities;
  j["tiles"] = r.tiles;
  j["clipped"] = r.clipped;
  j["claims"] = r.claims;
  return j.dump(1) + "\n";
}

void fittedText(const char* where, const char* text) {
  float need = ImGui::CalcTextSize(text).x, have = ImGui::GetContentRegionAvail().x;
  if (need > have + 0.5f) reportClipped(where, text, need, have);
  ImGui::TextUnformatted(text);
}

}  // namespace tl::gui
