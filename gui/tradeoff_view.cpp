// tradeoff_view.cpp: see tradeoff_view.hpp.
#include "gui/tradeoff_view.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "gui/frontier_plot.hpp"
#include "gui/palette.hpp"
#include "gui/png_writer.hpp"
#include "gui/sfml_compat.hpp"
#include "io/output.hpp"
#include "io/scenario_io.hpp"
#include "io/sweep_setup.hpp"

namespace tl::gui {
namespace {

const ImVec4 kError(0.84f, 0.37f, 0, 1);  // Okabe-Ito vermillion

int paramIndex(P id) {
  const auto& t = paramTable();
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i].id == id) return static_cast<int>(i);
  return 0;
}

// Seeds are the sweep's replications: sweeping the seed would be overwritten by them.
bool sweepable(const ParamDecl& d) { return d.id != P::seed; }

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::string paneName(const Scenario& s, int regime) {
  if (regime < 0 || regime >= static_cast<int>(s.regimes.size())) return "every pane";
  return "pane " + std::to_string(regime + 1) + " " + s.regimes[static_cast<size_t>(regime)].name;
}

}  // namespace

void TradeoffView::setAxis(Axis& a, const Scenario& s, int regime, P id) {
  const ParamDecl& d = decl(id);
  a.param = paramIndex(id);
  a.regime = d.scope == Scope::World ? -1 : std::min(regime, static_cast<int>(s.regimes.size()) - 1);
  double v = d.scope == Scope::World || a.regime < 0
                 ? (d.scope == Scope::World ? s.world[id] : s.regimes[0].values[id])
                 : s.regimes[static_cast<size_t>(a.regime)].values[id];
  a.custom.clear();
  a.lo = d.lo;
  a.hi = d.hi;
  if (d.hi - d.lo > 1000) {  // counts with a wide range: around the current value
    a.lo = std::max(d.lo, std::floor(v / 2));
    a.hi = std::min(d.hi, v > 0 ? std::ceil(v * 2) : d.lo + 10);
  }
  a.count = d.type == ParamType::Int ? static_cast<int>(std::min(11.0, a.hi - a.lo + 1)) : 11;
}

std::string TradeoffView::axisPath(const Axis& a) const {
  return sweepPath(paramTable()[static_cast<size_t>(a.param)], a.regime);
}

std::string TradeoffView::axisValues(const Axis& a, const Scenario& s, bool with_current) const {
  if (!a.custom.empty()) return a.custom;
  const ParamDecl& d = paramTable()[static_cast<size_t>(a.param)];
  if (d.type == ParamType::Bool) return "false,true";
  if (d.type == ParamType::Choice) return join(d.choices);
  std::vector<std::string> v = expandSweepValues(jsonNumber(a.lo) + ":" + jsonNumber(a.hi) + ":" +
                                                 std::to_string(std::max(1, a.count)));
  std::vector<double> nums;
  for (const auto& t : v)
    nums.push_back(d.type == ParamType::Int ? std::round(std::atof(t.c_str())) : std::atof(t.c_str()));
  if (with_current) {
    SweepTarget t = sweepTarget(axisPath(a));
    nums.push_back(std::atof(currentSweepValue(s, t, std::max(0, t.regime)).c_str()));
  }
  std::sort(nums.begin(), nums.end());
  nums.erase(std::unique(nums.begin(), nums.end()), nums.end());
  v.clear();
  for (double x : nums) v.push_back(jsonNumber(x));
  return join(v);
}

void TradeoffView::openFor(const Scenario& s, int regime, P id) {
  setAxis(a1_, s, regime, id);
  grid_ = false;
  with_current_ = true;
  open_ = focus_ = setup_open_ = true;
}

void TradeoffView::open(const Scenario& s) {
  if (a1_.param < 0) {
    const auto& t = paramTable();
    for (const auto& d : t)
      if (d.scope == Scope::Regime && sweepable(d) && d.type == ParamType::Real) {
        setAxis(a1_, s, s.regimes.size() > 1 ? 1 : 0, d.id);
        break;
      }
  }
  open_ = focus_ = true;
}

std::string TradeoffView::openRequest(const Scenario& s, const LessonSweep& req) {
  auto axisOf = [&](Axis& a, const std::string& path, const std::string& values) -> std::string {
    SweepTarget t = sweepTarget(path);
    if (!t.decl) return path + ": not a parameter (trustlab-cli params lists them)";
    if (t.regime >= static_cast<int>(s.regimes.size()))
      return path + ": the scenario has " + std::to_string(s.regimes.size()) + " panes";
    setAxis(a, s, t.regime, t.decl->id);
    a.regime = t.world ? -1 : t.regime;
    a.custom = values;
    return "";
  };
  std::string e = axisOf(a1_, req.param, req.values);
  if (e.empty() && !req.param2.empty()) e = axisOf(a2_, req.param2, req.values2);
  if (!e.empty()) return error_ = e;
  grid_ = !req.param2.empty();
  reps_ = req.reps;
  with_current_ = false;
  x_ = req.x.empty() ? defaultOutcomeX() : outcomeIndex(req.x);
  y_ = req.y.empty() ? defaultOutcomeY() : outcomeIndex(req.y);
  if (x_ < 0 || y_ < 0)
    return error_ = "not an outcome: " + (x_ < 0 ? req.x : req.y) + " (one of: " + outcomeNames() + ")";
  std::string g = sweepGroup(s, req.group);
  if (g.empty()) return error_ = "group " + req.group + ": expected A, B or all";
  group_ = g == "all" ? 2 : g == s.label_b ? 1 : 0;
  open_ = focus_ = true;
  return start(s, false);
}

std::string TradeoffView::start(const Scenario& s, bool with_current) {
  error_.clear();
  settled_ = false;
  SweepDef d;
  d.base = s;
  d.reps = std::max(1, reps_);
  try {
    d.param = axisPath(a1_);
    d.values = expandSweepValues(axisValues(a1_, s, with_current));
    if (grid_) {
      d.param2 = axisPath(a2_);
      if (d.param2 == d.param) throw SweepValuesError("the second parameter must differ from the first");
      d.values2 = expandSweepValues(axisValues(a2_, s, with_current));
    }
    checkSweepValues(d);
  } catch (const ScenarioError& e) {
    for (const auto& err : e.errors) error_ += (error_.empty() ? "" : "\n") + err.str();
  } catch (const std::exception& e) {
    error_ = e.what();
  }
  if (!error_.empty()) {
    settled_ = true;
    return error_;
  }
  worker_.start(d, 0);
  status_.clear();
  return "";
}

std::string TradeoffView::frontierCsvText() const {
  if (!worker_.hasResult()) return "";
  const SweepResult& r = worker_.result();
  return frontierCsv(r.rows, r.def.param, r.def.param2);
}

bool TradeoffView::drawAxis(Axis& a, const Scenario& s, const char* id) {
  ImGui::PushID(id);
  const auto& table = paramTable();
  const ParamDecl& d = table[static_cast<size_t>(a.param)];
  const float fs = ImGui::GetFontSize();
  bool changed = false;
  ImGui::SetNextItemWidth(std::min(fs * 20, ImGui::GetContentRegionAvail().x));
  std::string preview = d.section() + ": " + d.label;
  if (ImGui::BeginCombo("##param", preview.c_str())) {
    for (size_t i = 0; i < table.size(); ++i) {
      const ParamDecl& c = table[i];
      if (!sweepable(c)) continue;
      std::string l = (c.scope == Scope::World ? "world / " : "") + c.section() + ": " + c.label;
      if (ImGui::Selectable(l.c_str(), static_cast<int>(i) == a.param)) {
        setAxis(a, s, a.regime < 0 ? (s.regimes.size() > 1 ? 1 : 0) : a.regime, c.id);
        changed = true;
      }
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n\n%s", d.path, d.description);
  ImGui::SameLine();
  if (d.scope == Scope::World) {
    ImGui::TextDisabled("(the world: every pane)");
  } else {
    ImGui::SetNextItemWidth(std::min(fs * 14, ImGui::GetContentRegionAvail().x));
    if (ImGui::BeginCombo("##pane", paneName(s, a.regime).c_str())) {
      for (int r = -1; r < static_cast<int>(s.regimes.size()); ++r)
        if (ImGui::Selectable(paneName(s, r).c_str(), r == a.regime)) a.regime = r, changed = true;
      ImGui::EndCombo();
    }
  }
  if (!a.custom.empty()) {
    ImGui::TextWrapped("values: %s", a.custom.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("use a range")) a.custom.clear(), changed = true;
  } else if (d.type == ParamType::Bool || d.type == ParamType::Choice) {
    ImGui::TextDisabled("every choice: %s", axisValues(a, s, false).c_str());
  } else {
    float w = fs * 5.5f;
    ImGui::TextUnformatted("from");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    changed |= ImGui::InputDouble("##lo", &a.lo, 0, 0, "%.6g");
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(w);
    changed |= ImGui::InputDouble("##hi", &a.hi, 0, 0, "%.6g");
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < fs * 9) ImGui::NewLine();
    ImGui::SetNextItemWidth(fs * 4);
    changed |= ImGui::InputInt("values##count", &a.count, 0, 0);
    a.lo = std::min(std::max(a.lo, d.lo), d.hi);
    a.hi = std::min(std::max(a.hi, d.lo), d.hi);
    a.count = std::min(std::max(a.count, 1), 200);
    if (d.unit[0]) {
      ImGui::SameLine();
      ImGui::TextDisabled("(%s; %s to %s)", d.unit, formatValue(d, d.lo).c_str(),
                          formatValue(d, d.hi).c_str());
    }
  }
  ImGui::PopID();
  return changed;
}

void TradeoffView::drawSetup(Session& s) {
  const Scenario& sc = s.current();
  const float fs = ImGui::GetFontSize();
  ImGui::TextUnformatted("Sweep");
  ImGui::SameLine();
  drawAxis(a1_, sc, "axis1");
  ImGui::Checkbox("and a second parameter (a grid: a curve per value)", &grid_);
  if (grid_) {
    if (a2_.param < 0) setAxis(a2_, sc, a1_.regime, paramTable()[static_cast<size_t>(a1_.param)].id);
    ImGui::Indent(fs);
    drawAxis(a2_, sc, "axis2");
    ImGui::Unindent(fs);
  }
  ImGui::SetNextItemWidth(fs * 4);
  ImGui::InputInt("replications", &reps_, 0, 0);
  reps_ = std::min(std::max(reps_, 1), 100);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Runs per value, with seeds 1, 2, ... (the same seeds at every value); the points show\n"
        "the mean and its 95 %% interval over them.");
  ImGui::SameLine();
  ImGui::Checkbox("add the current setting", &with_current_);
  ImGui::TextDisabled("%s citizens x %d weeks per run (the toolbar's population and the scenario's weeks)",
                      withThousands(sc.population()).c_str(), sc.weeks());
}

void TradeoffView::pickPoint(Session& s, int pane, size_t value, size_t value2) {
  const SweepDef& d = worker_.result().def;
  if (s.current().regimes.size() != d.base.regimes.size()) {
    status_ = "The panes changed since this sweep: run it again to set a value from it.";
    return;
  }
  Edit edit;
  auto add = [&](const std::string& path, const std::string& text) {
    SweepTarget t = sweepTarget(path);
    if (!t.decl) return;
    auto v = parseValue(*t.decl, text, nullptr);
    if (!v) return;
    for (int r = t.world ? -1 : 0; r < (t.world ? 0 : static_cast<int>(d.base.regimes.size())); ++r)
      if (t.world || t.changes(r)) edit.push_back({r, t.decl->id, s.value(r, t.decl->id), *v});
  };
  add(d.param, d.values[value]);
  if (!d.values2.empty()) add(d.param2, d.values2[value2]);
  if (edit.empty()) return;
  s.commit(edit, "trade-off");
  status_ = "Set " + d.param + " = " + d.values[value] +
            (d.values2.empty() ? "" : ", " + d.param2 + " = " + d.values2[value2]) + " (pane " +
            std::to_string(pane + 1) + "'s point; Ctrl+Z undoes it).";
}

void TradeoffView::drawPlot(Session& s, ImVec2 size) {
  const SweepResult& res = worker_.result();
  const SweepDef& d = res.def;
  const auto& outs = frontierOutcomes();
  const float fs = ImGui::GetFontSize();
  auto outcomeCombo = [&](const char* label, int& which) {
    ImGui::SetNextItemWidth(fs * 14);
    if (ImGui::BeginCombo(label, outs[static_cast<size_t>(which)].label.c_str())) {
      for (size_t i = 0; i < outs.size(); ++i)
        if (ImGui::Selectable(outs[i].label.c_str(), static_cast<int>(i) == which))
          which = static_cast<int>(i);
      ImGui::EndCombo();
    }
  };
  outcomeCombo("across (x)", x_);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < fs * 18) ImGui::NewLine();
  outcomeCombo("up (y)", y_);
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < fs * 14) ImGui::NewLine();
  ImGui::TextUnformatted("group");
  const char* groups[3] = {d.base.label_a.c_str(), d.base.label_b.c_str(), "all"};
  for (int g = 0; g < 3; ++g) {
    ImGui::SameLine();
    ImGui::RadioButton(groups[g], &group_, g);
  }
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < fs * 8) ImGui::NewLine();
  if (ImGui::Button("Export PNG...")) want_png_dialog_ = true;

  std::string group = groupLabel(d.base, group_);
  FrontierPlot meta = sweepPlot(d, x_, y_, group);
  FrontierPicture pic;
  pic.rows = res.rows;
  pic.values = d.values;
  pic.values2 = d.values2;
  pic.param_label = meta.param_label;
  pic.param2_label = meta.param2_label;
  pic.x = x_, pic.y = y_, pic.group = group;
  // The current setting is the session's now (a click moves it), while its panes are the sweep's.
  const Scenario& now = s.current().regimes.size() == d.base.regimes.size() ? s.current() : d.base;
  SweepTarget t1 = sweepTarget(d.param), t2 = sweepTarget(d.param2);
  for (size_t r = 0; r < meta.regimes.size(); ++r) {
    int ri = static_cast<int>(r);
    pic.panes.push_back({meta.regimes[r].name, meta.regimes[r].affected, currentSweepValue(now, t1, ri),
                         d.param2.empty() ? "" : currentSweepValue(now, t2, ri)});
  }
  ImVec2 top = ImGui::GetCursorScreenPos();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(meta.title.c_str());
  std::string sub;  // the subtitle's lines on one wrapped line
  for (char c : meta.subtitle) sub += c == '\n' ? std::string("  \xC2\xB7  ") : std::string(1, c);
  ImGui::TextDisabled("%s", sub.c_str());
  ImGui::PopTextWrapPos();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 psize(std::max(size.x, avail.x), std::max(avail.y, fs * 16));
  PickedPoint p = drawFrontier(pic, psize);
  ImVec2 end(top.x + psize.x, ImGui::GetItemRectMax().y);
  plot_rect_ = ImVec4(top.x - 4, top.y - 4, end.x + 4, end.y + 4);
  if (p.pane >= 0) pickPoint(s, p.pane, p.value, p.value2);
}

void TradeoffView::draw(Session& s) {
  std::string err;
  bool cancelled = false;
  if (worker_.poll(err, cancelled)) {
    settled_ = true;
    if (cancelled)
      status_ = "Sweep cancelled.";
    else if (!err.empty())
      error_ = err;
    else {
      char b[128];
      std::snprintf(b, sizeof b, "%d runs in %.1f s.", worker_.result().def.jobs(), worker_.result().seconds);
      status_ = b;
      setup_open_ = false;
    }
  }
  if (!open_) return;
  ImGuiIO& io = ImGui::GetIO();
  const float fs = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.03f, fs * 2.2f), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(io.DisplaySize.x * 0.94f, io.DisplaySize.y - fs * 3.2f),
                           ImGuiCond_Appearing);
  if (focus_) ImGui::SetNextWindowFocus();
  focus_ = false;
  if (!ImGui::Begin("Trade-off: sweep a policy and see its frontier###tradeoff", &open_,
                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::End();
    return;
  }
  const Scenario& sc = s.current();
  ImGui::SetNextItemOpen(setup_open_ || !worker_.hasResult());
  setup_open_ = ImGui::CollapsingHeader("Set up the sweep###setup");
  if (setup_open_) drawSetup(s);
  if (worker_.running()) {
    int total = worker_.total(), done = worker_.done();
    char label[96];
    std::snprintf(label, sizeof label, "%d of %d simulations", done, total);
    if (ImGui::Button("Cancel")) worker_.cancel();
    ImGui::SameLine();
    ImGui::ProgressBar(total > 0 ? static_cast<float>(done) / total : 0.0f, ImVec2(-1, 0), label);
  } else {
    if (ImGui::Button(worker_.hasResult() ? "Run again" : "Run the sweep")) start(sc, with_current_);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "Runs in the background on every core; the city keeps going. The numbers are those of\n"
          "trustlab-cli sweep with the same settings.");
    if (!status_.empty()) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", status_.c_str());
    }
  }
  if (!error_.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(kError, "%s", error_.c_str());
    ImGui::PopTextWrapPos();
  }
  ImGui::Separator();
  if (worker_.hasResult())
    drawPlot(s, ImGui::GetContentRegionAvail());
  else if (!worker_.running())
    ImGui::TextWrapped(
        "Pick a parameter and a range, then Run: every value is run with each replication's "
        "seed, and the picture shows one outcome against another, a point per value.");
  ImGui::End();
}

std::string TradeoffView::captureIfAsked(sf::RenderWindow& window, std::string& saved) {
  if (png_path_.empty() || --png_frames_ > 0) return "";
  std::string path = png_path_;
  png_path_.clear();
  if (!worker_.hasResult() || !open_) return "no trade-off picture to export";
  sf::Vector2u size = window.getSize();
  sf::Texture tex;
  if (!sfc::createTexture(tex, size.x, size.y)) return "cannot capture the window";
  tex.update(window);
  sf::Image img = tex.copyToImage();
  auto clampi = [](float v, unsigned hi) {
    return static_cast<unsigned>(std::min(std::max(v, 0.0f), static_cast<float>(hi)));
  };
  unsigned x0 = clampi(plot_rect_.x, size.x), y0 = clampi(plot_rect_.y, size.y);
  unsigned x1 = clampi(plot_rect_.z, size.x), y1 = clampi(plot_rect_.w, size.y);
  if (x1 <= x0 || y1 <= y0) return "the picture is not on screen";
  std::vector<uint8_t> px(static_cast<size_t>(x1 - x0) * (y1 - y0) * 4);
  const uint8_t* all = img.getPixelsPtr();
  for (unsigned y = y0; y < y1; ++y)
    std::copy(all + (static_cast<size_t>(y) * size.x + x0) * 4,
              all + (static_cast<size_t>(y) * size.x + x1) * 4,
              px.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(y - y0) * (x1 - x0) * 4));
  std::string why = writePng(path, x1 - x0, y1 - y0, px.data());
  if (!why.empty()) return why;
  saved = path;
  return "";
}

}  // namespace tl::gui
