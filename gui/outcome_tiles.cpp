// outcome_tiles.cpp: the outcome tiles under the cities (see outcome_tiles.hpp).
#include "gui/outcome_tiles.hpp"

#include <algorithm>
#include <cctype>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <exception>
#include <limits>

#include "gui/fonts.hpp"
#include "gui/layout_report.hpp"
#include "gui/number_format.hpp"
#include "gui/palette.hpp"

namespace tl::gui {
namespace {

// The outcomes shown. Titles and descriptions come from the metric table (sim/metrics.def) unless
// the tile is not a plain metric ("" = from the table); `note` says how the tile counts.
struct TileSpec {
  const char* name;
  const char* also;
  TileKind kind;
  const char* column;
  const char* column2;
  const char* title;
  const char* note;
};
// How a state tile counts (people now, a mean level now). A claim over a lesson step reads a state as
// its mean over the step's weeks (io/claim_metrics), so since a change the tile does too: its rise
// since the change would read backwards where two panes differ in level but not in growth.
constexpr const char* kStateNote =
    "At the end of the latest week. Since a change: its mean over the weeks since (the average week), "
    "as a lesson step's claims read it over the step.";
const TileSpec kTiles[] = {
    {"wrongly_sanctioned", "", TileKind::Now, "wrongly_sanctioned", "", "", kStateNote},
    // Not the funnel's "wronged" (episodes begun since the start or the change, a claim's output):
    // someone wrongly listed before a change and still listed after it is counted here, not there.
    {"wrongly_sanctioned_ever", "", TileKind::Ever, "", "", "ever wrongly sanctioned",
     "People (not weeks) wrongly sanctioned at least once (since a change: at least once after it)."},
    {"wrongful_sanction_weeks", "", TileKind::Sum, "wrongly_sanctioned", "", "wrongful sanction weeks",
     "Weeks of wrongful sanctions added up over citizens: a citizen wrongly listed for a year counts 52."},
    {"missed", "", TileKind::Now, "missed", "", "", kStateNote},
    {"unpaid", "", TileKind::Now, "unpaid", "", "", kStateNote},
    {"harm", "", TileKind::Sum, "harm", "", "", "Added up over the weeks (docs/metrics.md, section 5)."},
    {"appeals_overturned", "appeals_decided", TileKind::Ratio, "appeals_overturned", "appeals_decided", "",
     "Added up over the weeks: appeals decided, and how many of them lifted the sanction. From every "
     "citizen who appealed, wrongly or rightly sanctioned."},
};

std::string metricLabel(const char* column) {
  const MetricDecl* m = findMetric(column);
  return m ? m->label : column;
}

// Words for the outputs that are not in the metric table (summary.json's rates and funnel).
const char* summaryLabel(const std::string& name) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"fpr", "false positive rate"},
      {"fnr", "false negative rate"},
      {"ppv", "precision (selected who are targets)"},
      {"npv", "negative predictive value"},
      {"base_rate", "base rate"},
      {"selection_rate", "selection rate"},
      {"accuracy", "accuracy"},
      {"sanction_rate", "share of citizen-weeks sanctioned"},
      {"benefit_rate", "share of citizen-weeks benefited"},
      {"disparate_impact", "disparate impact (selection B / A)"},
      {"sanction_ratio", "sanction ratio (B / A)"},
      {"benefit_ratio", "benefit ratio (B / A)"},
      {"wronged", "funnel: newly wronged"},
      {"aware", "funnel: aware"},
      {"appealed", "funnel: appealed"},
      {"decided", "funnel: decided"},
      {"overturned", "funnel: overturned"},
      {"corrections", "errors corrected"},
      {"median_weeks_to_correction", "median weeks to correction"},
  };
  for (const auto& l : kLabels)
    if (name == l.first) return l.second;
  return nullptr;
}

int columnIndex(const char* name) {
  static const std::vector<std::string> cols = weekRowColumns();
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i] == name) return static_cast<int>(i);
  return -1;
}

// People now or a mean level now.
bool isState(const TileDef& t) {
  return t.kind == TileKind::Now ||
         (t.metric && (t.metric->kind == MetricKind::State || t.metric->kind == MetricKind::Level));
}

// The week a tile counts from: `since` is the start of the window counted (a flow summed from it, a
// state averaged from it), or -1 for none: a flow from week 0, a state now. A state the step's claims
// read at its end shows its level now.
int sinceFor(const TileDef& t, int since) { return t.now && isState(t) ? -1 : since; }

}  // namespace

std::set<std::string> watchedNames(const std::string& watch) {
  std::set<std::string> out;
  std::string w;
  for (char c : watch + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));  // "Missed cases" names missed
    } else {
      if (!w.empty()) out.insert(w);
      w.clear();
    }
  }
  return out;
}

bool asksByGroup(const std::string& watch, const std::vector<Expect>& expect) {
  for (const Expect& e : expect)
    if (e.side.group != 2 || (e.versus == Expect::Versus::Side && e.other.group != 2)) return true;
  std::string text = " ";
  for (char c : watch) {
    unsigned char u = static_cast<unsigned char>(c);
    text += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : ' ';
  }
  text += " ";
  for (const char* words :
       {" by group ", " per group ", " each group ", " group a ", " group b ", " groups "})
    if (text.find(words) != std::string::npos) return true;
  return false;
}

Watched::Watched(const std::string& watch, const std::set<std::string>& claimed,
                 const std::set<std::string>& per_capita_claims, const std::set<std::string>& at_end,
                 const std::set<std::string>& all_groups)
    : names(watchedNames(watch)),
      per_capita(per_capita_claims),
      claimed(claimed),
      at_end(at_end),
      all_groups(all_groups) {
  extra = claimed;
  for (const auto& n : names)
    if (n.find('_') != std::string::npos) extra.insert(n);
  // An output name written in words also counts: "wrongly sanctioned", "wrongful sanction-weeks",
  // "appeal backlog" (lower case, hyphens as spaces).
  std::string text = " ";
  for (char c : watch) {
    unsigned char u = static_cast<unsigned char>(c);
    text += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : ' ';
  }
  text += " ";
  auto mentions = [&](std::string words) {
    std::replace(words.begin(), words.end(), '_', ' ');
    return text.find(" " + words + " ") != std::string::npos;
  };
  for (const ClaimMetric& m : claimMetrics())
    if (m.name.find('_') != std::string::npos && mentions(m.name)) names.insert(m.name), extra.insert(m.name);
  // Words lessons use for an output (a plain word such as "sanctioned" is too common to count).
  static const std::pair<const char*, const char*> kWords[] = {
      {"ppv", "ppv"},
      {"precision", "ppv"},
      {"fpr", "fpr"},
      {"false positive rate", "fpr"},
      {"fnr", "fnr"},
      {"flagged", "flagged"},
      {"enrolled", "enrolled"},
      {"benefited", "benefited"},
      {"time to correction", "median_weeks_to_correction"},
      {"erroneous records", "records_erroneous"},
      {"trust", "trust_mean"},
      {"mean score", "score_mean"},
      {"resources", "resources_mean"},
  };
  for (const auto& [words, name] : kWords)
    if (mentions(words)) names.insert(name), extra.insert(name);
  // "The appeal funnel": its stages, each a tile.
  if (mentions("funnel"))
    for (const char* stage : {"wronged", "aware", "appealed", "decided", "overturned"})
      names.insert(stage), extra.insert(stage);
  names.insert(claimed.begin(), claimed.end());
}

bool shownAsShare(const TileDef& t) {
  return t.per_capita && (t.kind == TileKind::Now || t.kind == TileKind::Ever ||
                          (t.kind == TileKind::Claim && t.metric->kind != MetricKind::Flow));
}

std::vector<TileDef> outcomeTiles(const std::set<std::string>& watched,
                                  const std::set<std::string>& per_capita) {
  std::vector<TileDef> out;
  for (const auto& t : kTiles) {
    if (t.kind != TileKind::Ever && columnIndex(t.column) < 0) continue;  // the model does not count it
    TileDef d{t.name, t.also, t.kind, t.column, t.column2, t.title, t.note};
    if (d.title.empty()) {
      d.title = metricLabel(t.column);
      if (t.kind == TileKind::Now) d.title += " now";
      if (t.kind == TileKind::Ratio) {  // "appeals overturned / decided": the shared first word once
        std::string second = metricLabel(t.column2);
        std::string first_word = d.title.substr(0, d.title.find(' ') + 1);
        if (second.rfind(first_word, 0) == 0) second = second.substr(first_word.size());
        d.title += " / " + second;
      }
    }
    const MetricDecl* m = t.column[0] ? findMetric(t.column) : nullptr;
    if (m && t.kind != TileKind::Sum) d.help = std::string(m->description) + " " + t.note;
    out.push_back(d);
  }
  // Watched outputs no tile shows yet, in the order of the output tables.
  for (const ClaimMetric& m : claimMetrics()) {
    if (!watched.count(m.name)) continue;
    bool shown = false;
    for (const auto& t : out) shown = shown || m.name == t.name || m.name == t.also;
    if (shown) continue;
    TileDef d{m.name.c_str(), "", TileKind::Claim, "", "", "", "", &m};
    const MetricDecl* decl = findMetric(m.name);
    const char* words = summaryLabel(m.name);
    d.title = decl ? decl->label : words ? words : m.name;
    // A level is an average over the citizens counted (everyone, or the group when by group):
    // the title says so ("mean resources now"), so it does not read as a count.
    if (m.kind == MetricKind::Level && d.title.rfind("mean", 0) != 0) d.title = "mean " + d.title;
    if (m.kind == MetricKind::State || m.kind == MetricKind::Level) d.title += " now";

    d.help = decl ? std::string(decl->description)
                  : "As summary.json and the lesson's claims compute it (docs/metrics.md).";
    if (m.kind == MetricKind::Level)
      d.help += " The mean over the pane's citizens; by group: over each group's.";
    if (m.kind == MetricKind::State || m.kind == MetricKind::Level)
      d.help += std::string(" ") + kStateNote;
    else if (m.kind == MetricKind::Episode)
      d.help +=
          " Wrongful episodes that reached this stage of the appeal funnel (wronged, aware, appealed, "
          "decided, overturned) or were corrected, since the start or the latest change.";
    else if (m.kind == MetricKind::Median)
      d.help += " Over the whole run.";
    else
      d.help += " Over the weeks counted (since the start or the latest change).";
    out.push_back(d);
  }
  // Per member: a state (people now, people ever) as a share of the citizens, a flow (weeks,
  // harm) per citizen; by group, of the group's citizens.
  for (auto& d : out) {
    if (!per_capita.count(d.name) && !(d.also[0] && per_capita.count(d.also))) continue;
    if (d.kind == TileKind::Ratio) continue;
    const MetricKind mk = d.metric ? d.metric->kind : MetricKind::State;
    if (d.kind == TileKind::Claim && mk != MetricKind::State && mk != MetricKind::Flow &&
        mk != MetricKind::Episode)
      continue;  // a rate or a mean is already per member
    d.per_capita = true;
    const bool share = shownAsShare(d);
    d.title += share ? " (% of citizens)" : " per citizen";
    d.help +=
        share ? " Shown as a share of the citizens (by group: of the group's), as the lesson's claims "
                "compare it."
              : " Shown per citizen (by group: per member of the group), as the lesson's claims compare it.";
  }
  return out;
}

int OutcomeTiles::sinceWeek(const std::vector<ChangeMark>& marks) const {
  return std::max(0, windowStart(marks));
}

int OutcomeTiles::windowStart(const std::vector<ChangeMark>& marks) const {
  // A lesson's first step counts from week 0 over its weeks: its states are averaged too, as its
  // claims read them ("over these three years"), unlike "since the start", which shows them now.
  return since_change_ && !marks.empty() ? marks.back().week : -1;
}

std::vector<OutcomeTiles::Columns> OutcomeTiles::accumulate(const std::vector<WeekRow>& rows, size_t panes,
                                                            int since) {
  const size_t ncol = weekRowColumns().size();
  std::vector<Columns> cols(panes * 3,
                            Columns{std::vector<double>(ncol, 0), std::vector<double>(ncol, 0), 0});
  std::vector<int> seen(panes * 3, -1);
  for (const WeekRow& r : rows) {
    if (r.regime < 0 || static_cast<size_t>(r.regime) >= panes || r.group < 0 || r.group > 2) continue;
    size_t k = static_cast<size_t>(r.regime) * 3 + static_cast<size_t>(r.group);
    std::vector<double> v = weekRowValues(r);
    Columns& c = cols[k];
    if (r.week >= since) {
      for (size_t i = 0; i < ncol; ++i) c.sum[i] += v[i];
      c.weeks += 1;
    }
    if (r.week >= seen[k]) {
      c.last = v;
      seen[k] = r.week;
    }
  }
  return cols;
}

bool OutcomeTiles::ghostData(const Ghost& ghost, const Frame& f, int since) {
  const Counterfactual::Result* r = ghost.result;
  if (!r || !r->valid || !r->rows || r->generation != f.generation || !rows_ || rows_->empty()) return false;
  const int live_week = rows_->back().week;
  if (r->week <= live_week) return false;  // still catching up with the live run
  ghost_frame_.generation = f.generation;
  ghost_frame_.names = f.names;
  ghost_frame_.summary = r->summary_weeks == live_week + 1 ? r->summary : std::vector<RegimeSummary>{};
  ghost_frame_.summary_weeks = r->summary_weeks;
  ghost_frame_.kept = r->kept;
  ghost_frame_.wronged_last_week = r->wronged;
  for (auto& by_group : ghost_frame_.wronged_last_week)
    for (auto& h : by_group)
      if (h.size() > static_cast<size_t>(live_week) + 1) h.resize(static_cast<size_t>(live_week) + 1);
  const WeekRow* key = r->rows->data();
  if (key != ghost_key_ || r->rows->size() != ghost_key_n_ || since != ghost_key_since_ ||
      ghost_rows_.empty() || ghost_rows_.back().week != live_week) {
    ghost_key_ = key, ghost_key_n_ = r->rows->size(), ghost_key_since_ = since;
    ghost_rows_.clear();
    for (const WeekRow& w : *r->rows)
      if (w.week <= live_week) ghost_rows_.push_back(w);
    ghost_cols_ = accumulate(ghost_rows_, f.names.size(), since);
    // The replay is the live run without the change only if the weeks before it are the same: a
    // slider moved while the model played, for one, is not replayed exactly.
    ghost_same_before_ = true;
    size_t n = 0;
    for (size_t i = 0; i < rows_->size() && i < ghost_rows_.size(); ++i) {
      const WeekRow &a = (*rows_)[i], &b = ghost_rows_[i];
      if (a.week >= r->skip_week) break;
      ++n;
      if (a.week != b.week || a.regime != b.regime || a.group != b.group ||
          weekRowValues(a) != weekRowValues(b))
        ghost_same_before_ = false;
    }
    if (n < std::min(rows_->size(), static_cast<size_t>(r->skip_week) * f.names.size() * 3))
      ghost_same_before_ = false;
  }
  return true;
}

bool OutcomeTiles::earlierData(const Earlier& earlier, const Frame& f) {
  if (earlier.week < 0 || !rows_ || rows_->empty() || rows_->back().week < earlier.week) {
    earlier_rows_.clear(), earlier_cols_.clear();  // nothing of another week or run stays readable
    return false;
  }
  // Its rows do not change once the run is past the week, until the run restarts.
  if (f.generation != earlier_key_gen_ || rows_->size() < earlier_key_n_ || earlier_rows_.empty() ||
      earlier_rows_.back().week != earlier.week) {
    earlier_key_gen_ = f.generation, earlier_key_n_ = rows_->size();
    earlier_rows_.clear();
    for (const WeekRow& w : *rows_)
      if (w.week <= earlier.week) earlier_rows_.push_back(w);
    // Summed from week W only: a flow counts that week, a state its level then (as {"week": W} reads).
    earlier_cols_ = accumulate(earlier_rows_, f.names.size(), earlier.week);
  }
  earlier_key_n_ = rows_->size();
  return !earlier_rows_.empty();
}

bool OutcomeTiles::inEarlier(const TileDef& t, const Earlier& earlier) {
  return earlier.names.count(t.name) || (t.also[0] && earlier.names.count(t.also));
}

OutcomeTiles::Value OutcomeTiles::value(const TileDef& t, const Data& d, int pane, int group, int since) {
  since = sinceFor(t, since);
  Value out = countValue(t, d, pane, group, since);
  if (!t.per_capita || !out.valid || t.kind == TileKind::Claim) return out;
  // Per member: over the group's citizens at the latest week; since a change, a state's mean share
  // over the weeks since (as a claim divides by the mean population).
  size_t k = static_cast<size_t>(pane) * 3 + static_cast<size_t>(group);
  const int pop = columnIndex("population");
  const std::vector<Columns>& cols = *d.cols;
  if (k >= cols.size() || pop < 0 || cols[k].last[static_cast<size_t>(pop)] <= 0) return Value{};
  const Columns& c = cols[k];
  const double n = c.last[static_cast<size_t>(pop)];
  const int i = columnIndex(t.column);
  if (t.kind == TileKind::Now && since >= 0 && i >= 0)
    out.a = c.sum[static_cast<size_t>(i)] / c.sum[static_cast<size_t>(pop)];
  else
    out.a /= n;
  return out;
}

OutcomeTiles::Value OutcomeTiles::countValue(const TileDef& t, const Data& d, int pane, int group,
                                             int since) {
  since = sinceFor(t, since);
  Value out;
  const Frame& f = *d.f;
  size_t k = static_cast<size_t>(pane) * 3 + static_cast<size_t>(group);
  if (t.kind == TileKind::Ever) {
    if (static_cast<size_t>(pane) >= f.wronged_last_week.size()) return out;
    const auto& h = f.wronged_last_week[static_cast<size_t>(pane)][static_cast<size_t>(group)];
    for (size_t w = static_cast<size_t>(std::max(0, since)); w < h.size(); ++w) out.a += h[w];
    out.valid = true;
    return out;
  }
  if (t.kind == TileKind::Claim) return claimValueNow(t, d, pane, group, since);
  if (k >= d.cols->size()) return out;
  const Columns& c = (*d.cols)[k];
  int i = columnIndex(t.column);
  if (i < 0) return out;
  switch (t.kind) {
    case TileKind::Now:
      if (since >= 0 && c.weeks <= 0) return out;  // no week since the change yet
      out.a = since >= 0 ? c.sum[static_cast<size_t>(i)] / c.weeks : c.last[static_cast<size_t>(i)];
      break;
    case TileKind::Sum:
      out.a = c.sum[static_cast<size_t>(i)];
      break;
    case TileKind::Ratio: {
      int j = columnIndex(t.column2);
      out.a = c.sum[static_cast<size_t>(i)];
      out.b = j >= 0 ? c.sum[static_cast<size_t>(j)] : 0;
      break;
    }
    case TileKind::Ever:
    case TileKind::Claim:
      break;
  }
  out.valid = true;
  return out;
}

OutcomeTiles::Value OutcomeTiles::claimValueNow(const TileDef& t, const Data& d, int pane, int group,
                                                int since) {
  Value out;
  if (!d.rows || d.rows->empty() || !t.metric) return out;
  const Frame& f = *d.f;
  RunRecord run;
  run.rows = d.rows;
  run.regimes = static_cast<int>(f.names.size());
  const int last = d.rows->back().week;
  // The totals at week 0, at the changes (so an episode count can start at one), and now.
  run.snapshots = {Snapshot{0, {}}};
  for (const Snapshot& k : f.kept)
    if (k.weeks < f.summary_weeks) run.snapshots.push_back(k);
  run.snapshots.push_back(Snapshot{f.summary_weeks, f.summary});
  const MetricKind kind = t.metric->kind;
  const int start = std::max(0, since);  // the first week counted (since = -1: from week 0)
  auto read = [&](int from, int to) {
    try {
      return claimValue(run, *t.metric, pane, group, from, to, t.per_capita);
    } catch (const std::exception&) {
      return std::numeric_limits<double>::quiet_NaN();
    }
  };
  if (since < 0 && (kind == MetricKind::State || kind == MetricKind::Level))
    out.a = read(last, last);
  else if (kind == MetricKind::Episode || kind == MetricKind::Median)
    // As of the totals published last (they lag the rows by a moment while the model plays); a
    // median counts every correction from week 0.
    out.a = f.summary.size() == f.names.size() && f.summary_weeks > start
                ? read(kind == MetricKind::Median ? 0 : start, f.summary_weeks - 1)
                : std::numeric_limits<double>::quiet_NaN();
  else
    out.a = read(std::min(start, last), last);
  out.valid = !std::isnan(out.a);
  return out;
}

std::string OutcomeTiles::shownTitle(const TileDef& t, int since) {
  since = sinceFor(t, since);
  std::string s = t.title;
  // People wrongly sanctioned in some week since the change, whenever their sanction began.
  if (since > 0 && t.kind == TileKind::Ever)
    return "wrongly sanctioned in any week" + s.substr(s.find("sanctioned") + 10);
  const size_t at = s.find(" now");
  if (since >= 0 && isState(t) && at != std::string::npos && (at + 4 == s.size() || s[at + 4] == ' '))
    s.replace(at, 4, " (average week)");
  return s;
}

std::string OutcomeTiles::shownValue(const TileDef& t, const Value& v) {
  if (!v.valid) return "n/a";
  if (t.kind == TileKind::Ratio) return countText(v.a) + " / " + countText(v.b);
  if (t.per_capita) {
    std::string r = shownAsShare(t) ? percentText(std::fabs(v.a)) : rateText(std::fabs(v.a));
    return (v.a < 0 ? "\xE2\x88\x92" : "") + r;  // U+2212 as countText's minus
  }
  const bool counted = t.kind != TileKind::Claim || t.metric->kind == MetricKind::State ||
                       t.metric->kind == MetricKind::Flow || t.metric->kind == MetricKind::Episode;
  if (counted || std::fabs(v.a) >= 100) return countText(v.a);
  // Weeks to correction, and a mean level of 10 or more (a score), with one decimal; a rate as a rate.
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", std::fabs(v.a));
  const bool one_decimal = t.metric->kind == MetricKind::Median || std::fabs(v.a) >= 10;
  return (v.a < 0 ? "\xE2\x88\x92" : "") + (one_decimal ? std::string(b) : rateText(std::fabs(v.a)));
}

std::vector<TileDef> tilesFor(const Watched& watched) {
  std::vector<TileDef> tiles = outcomeTiles(watched.extra, watched.per_capita);
  for (auto& t : tiles) {
    t.now = watched.at_end.count(t.name) || (t.also[0] && watched.at_end.count(t.also));
    t.all = watched.all_groups.count(t.name) || (t.also[0] && watched.all_groups.count(t.also));
  }
  return tiles;
}

std::vector<std::string> OutcomeTiles::summaryLines(const Frame& f, const Watched& watched) const {
  const int since = window_;
  std::vector<TileDef> tiles = tilesFor(watched);
  bool any = false;
  for (const auto& t : tiles) any = any || watched.has(t.name) || watched.has(t.also);
  std::vector<std::string> out;
  for (const auto& t : tiles) {
    if (any && !watched.has(t.name) && !watched.has(t.also)) continue;
    std::string line = shownTitle(t, since) + ":";
    for (size_t p = 0; p < f.names.size(); ++p) {
      std::string shown = shownValue(t, value(t, live(f), static_cast<int>(p), 2, since));
      line += (p ? ", " : " ") + std::to_string(p + 1) + ": " + shown;
      if (ghost_panes_.count(static_cast<int>(p)))  // as the tiles' "w/o" row
        line += ", " + std::to_string(p + 1) + " w/o: " +
                shownValue(t, value(t, Data{&ghost_frame_, &ghost_rows_, &ghost_cols_}, static_cast<int>(p),
                                    2, since));
      if (earlier_shown_.panes.count(static_cast<int>(p)) && inEarlier(t, earlier_shown_))  // the "then" row
        line += ", " + std::to_string(p + 1) + " at week " + std::to_string(earlier_shown_.week + 1) + ": " +
                shownValue(t, value(t, Data{&f, &earlier_rows_, &earlier_cols_}, static_cast<int>(p), 2,
                                    earlier_shown_.week));
    }
    out.push_back(line);
  }
  return out;
}

float OutcomeTiles::draw(const std::vector<WeekRow>& rows, const Frame& f,
                         const std::vector<ChangeMark>& marks, const Watched& watched, const Scenario& sc,
                         ImVec2 size, const Ghost& ghost, const Earlier& earlier) {
  const float fs = ImGui::GetFontSize();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const int panes = static_cast<int>(f.names.size());
  const int since = windowStart(marks);
  window_ = since;
  rows_ = &rows;
  if (rows.size() != cached_rows_ || since != cached_since_ || f.generation != cached_gen_) {
    cols_ = accumulate(rows, static_cast<size_t>(panes), since);
    cached_rows_ = rows.size(), cached_since_ = since, cached_gen_ = f.generation;
  }
  // The rows of tiles: each pane, and under a pane the step compares with the run without it, that
  // run (ghost: true; its numbers show once it has caught up with the live run), and under a pane it
  // compares with an earlier week, the levels then (earlier: true; only the tiles compared).
  struct Line {
    int pane;
    bool ghost, earlier;
  };
  std::vector<Line> lines;
  bool has_ghost = false, has_earlier = false;
  for (int p = 0; p < panes; ++p) {
    lines.push_back({p, false, false});
    if (ghost.result && ghost.panes.count(p)) lines.push_back({p, true, false}), has_ghost = true;
    if (earlier.week >= 0 && earlier.panes.count(p)) lines.push_back({p, false, true}), has_earlier = true;
  }
  const bool ghost_ready = has_ghost && ghostData(ghost, f, since);
  const bool earlier_ready = has_earlier && earlierData(earlier, f);
  const Data live_data = live(f), ghost_data{&ghost_frame_, &ghost_rows_, &ghost_cols_},
             earlier_data{&f, &earlier_rows_, &earlier_cols_};
  // What a line reads, in one place: its run's outputs, and from which week (an earlier line reads
  // its week alone).
  auto dataOf = [&](const Line& l) -> const Data& {
    return l.earlier ? earlier_data : l.ghost ? ghost_data : live_data;
  };
  auto sinceOf = [&](const Line& l) { return l.earlier ? earlier.week : since; };
  auto lineValue = [&](const TileDef& t, const Line& l, int g) {
    return value(t, dataOf(l), l.pane, g, sinceOf(l));
  };
  ghost_panes_.clear();
  if (ghost_ready && ghost_same_before_) ghost_panes_ = ghost.panes;
  earlier_shown_ = earlier_ready ? earlier : Earlier{};
  const std::string then_week = std::to_string(earlier.week + 1);  // in weeks run, as the header
  // The controls: count from the start or from the latest change; all citizens or by group.
  ImGui::TextUnformatted("Outcomes");
  ImGui::SameLine();
  bool from_start = !since_change_;
  if (ImGui::RadioButton("since the start", from_start)) since_change_ = false;
  ImGui::SameLine();
  ImGui::BeginDisabled(marks.empty());
  char since_label[64];
  std::snprintf(since_label, sizeof since_label, marks.empty() ? "since a change" : "since week %d",
                marks.empty() ? 0 : marks.back().week);
  if (ImGui::RadioButton(since_label, since_change_ && !marks.empty())) since_change_ = true;
  if (!marks.empty() && ImGui::IsItemHovered())
    ImGui::SetTooltip("Counted from the latest change: %s", marks.back().text.c_str());
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::Checkbox("by group", &by_group_);
  if (has_ghost) {  // the rows marked "w/o": what the class compares the step with
    char key[96];
    std::snprintf(key, sizeof key, "w/o = the same run without step %d", ghost.step + 1);
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(key).x) ImGui::NewLine();
    ImGui::TextColored(ImVec4(0.8f, 0.8f, 0.8f, 1), "%s", key);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "The same citizens facing the same shocks, with every change made to this run except step %d's,\n"
          "replayed beside it. The step's claims compare the pane with it (\"vs\": \"without_step\").",
          ghost.step + 1);
  }
  if (has_earlier) {  // the rows marked "then": the earlier week the step's claims compare with
    const std::string key = "then = at week " + then_week;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(key.c_str()).x) ImGui::NewLine();
    ImGui::TextColored(ImVec4(0.8f, 0.8f, 0.8f, 1), "%s", key.c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "The same run in week %s: a state's level then, a count of that week. The step's claims compare "
          "the pane with it (\"vs\": {\"window\": {\"week\": %d}}).",
          then_week.c_str(), earlier.week);
  }
  std::vector<TileDef> tiles = tilesFor(watched);
  for (auto& t : tiles) t.title = shownTitle(t, since);
  ImFont* big = numberFont();
  const float nf_full = fontAddedSize(big);
  float nf = nf_full;
  const float pad = std::max(3.0f, fs * 0.25f);
  const float name_w = std::max(fs * 1.6f, has_earlier ? ImGui::CalcTextSize("then").x + fs * 0.3f : 0.0f);
  const float width = size.x;
  // A column is at least as wide as the longest word of a title; its numbers shrink from the big
  // size to fit it, down to 1.4 times the text size. Fewest rows ("bands") of tiles that allow that.
  auto wordW = [&](const TileDef& t) {  // the longest word of the title
    float w = fs * 4.0f;
    std::string word;
    for (char c : t.title + " ") {
      if (c == ' ') {
        w = std::max(w, ImGui::CalcTextSize(word.c_str()).x + 2 * pad + 2);
        word.clear();
      } else {
        word += c;
      }
    }
    return w;
  };
  // By group, each tile shows a line per group: the group's label in the text font, its number in
  // the big font beside it.
  // A tile whose outcome the step's claims read for all citizens adds a line "all" (every tile
  // line of the panes then has three lines, so the rows stay aligned).
  const int group_lines =
      by_group_ && std::any_of(tiles.begin(), tiles.end(), [](const TileDef& t) { return t.all; }) ? 3 : 2;
  const float label_w =
      by_group_
          ? std::max({ImGui::CalcTextSize(sc.label_a.c_str()).x, ImGui::CalcTextSize(sc.label_b.c_str()).x,
                      group_lines == 3 ? ImGui::CalcTextSize("all").x : 0.0f}) +
                fs * 0.4f
          : 0.0f;
  auto numberW = [&](const TileDef& t) {  // the widest number at the full size
    float w = 1;
    for (const Line& l : lines) {
      if ((l.ghost && !ghost_ready) || (l.earlier && (!earlier_ready || !inEarlier(t, earlier)))) continue;
      for (int g = by_group_ ? 0 : 2; g < (by_group_ && !t.all ? 2 : 3); ++g) {
        // Room for one more digit as the counts grow (a ratio's two counts are shown as they are).
        std::string s = shownValue(t, lineValue(t, l, g)) + (t.kind == TileKind::Ratio ? "" : "+");
        w = std::max(w, big->CalcTextSizeA(nf_full, FLT_MAX, 0, s.c_str()).x);
      }
    }
    return w;
  };
  const float nf_min = std::min(nf_full, fs * 1.4f);
  float word_w = 0, number_w = 1;
  auto numberRoom = [&](float cw) { return cw - 2 * pad - 4 - label_w; };
  auto bandsFor = [&](const std::vector<TileDef>& ts) {
    const int count = static_cast<int>(ts.size());
    word_w = 0, number_w = 1;
    for (const auto& t : ts) word_w = std::max(word_w, wordW(t)), number_w = std::max(number_w, numberW(t));
    // The fewest bands whose numbers fit at the minimum size; a second band instead of one when it
    // makes them a third larger (tiles by group, on one row, are otherwise squeezed to the minimum).
    auto numberAt = [&](int bands_) {
      float cw = (width - name_w) / ((count + bands_ - 1) / bands_);
      return cw >= word_w ? std::min(nf_full, nf_full * numberRoom(cw) / number_w) : 0.0f;
    };
    int b = 1;
    while (b < count && numberAt(b) < nf_min) ++b;
    if (b == 1 && count > 1 && numberAt(2) >= std::min(nf_full, numberAt(1) * 1.33f) && numberAt(1) < nf_full)
      b = 2;
    return b;
  };
  auto unwatched = [&](std::vector<TileDef>& ts) {  // the last tile the step does not watch
    return std::find_if(ts.rbegin(), ts.rend(),
                        [&](const TileDef& t) { return !watched.has(t.name) && !watched.has(t.also); });
  };
  // At most two bands, so the city keeps its room: with the tiles a step watches added, the last
  // tiles it does not watch give way (the lesson panel lists the watched ones too).
  int bands = bandsFor(tiles);
  while (bands > 2 && tiles.size() > 6) {
    auto it = unwatched(tiles);
    if (it == tiles.rend()) break;
    tiles.erase(std::next(it).base());
    bands = bandsFor(tiles);
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 watch_col = IM_COL32(240, 228, 66, 255);  // Okabe-Ito yellow, as the lesson's "Watch"
  float y = ImGui::GetCursorScreenPos().y;
  const float x0 = ImGui::GetCursorScreenPos().x;
  int n = 0, per_band = 1;
  float col_w = 1;
  auto arrange = [&] {
    n = static_cast<int>(tiles.size());
    per_band = std::max(1, (n + bands - 1) / bands);
    col_w = (width - name_w) / per_band;
    nf = std::max(nf_min, std::min(nf_full, nf_full * numberRoom(col_w) / number_w));
  };
  arrange();
  auto headerH = [&](int b) {  // a band's titles, wrapped to their columns
    float h = 0;
    for (int t = b * per_band; t < std::min(n, (b + 1) * per_band); ++t)
      h = std::max(
          h, ImGui::CalcTextSize(tiles[static_cast<size_t>(t)].title.c_str(), nullptr, false, col_w - 2 * pad)
                 .y);
    return h;
  };
  // By group, the two lines of a tile are closer than the font's line height: digits have no
  // descenders and stand clear of the line above at 0.82 of it.
  auto groupLineH = [&](float number_px) { return std::ceil(number_px * 0.82f); };
  auto rowH = [&](float number_px) {
    return by_group_ ? group_lines * groupLineH(number_px) + pad : number_px + 2 * pad;
  };
  auto fixedH = [&] {  // the controls and the band headers
    float h = y - start.y;
    for (int b = 0; b < bands; ++b) h += headerH(b) + 2 * pad;
    return h;
  };
  // The rows of a band: every line, but a "then" line only where the band holds a tile it shows.
  auto bandHasEarlier = [&](int b) {
    for (int t = b * per_band; t < std::min(n, (b + 1) * per_band); ++t)
      if (inEarlier(tiles[static_cast<size_t>(t)], earlier)) return true;
    return false;
  };
  auto linesTotal = [&] {
    int total = 0;
    for (int b = 0; b < bands; ++b)
      for (const Line& l : lines) total += !l.earlier || bandHasEarlier(b);
    return total;
  };
  auto needH = [&](float number_px) { return fixedH() + linesTotal() * rowH(number_px); };
  // The height the tiles need with the full number size is returned, so that the layout gives the
  // tiles their height where the window allows. When the panel is lower, the numbers shrink to fit
  // (down to 1.4 times the text), then the tiles the step does not watch give way (fewer bands),
  // then the numbers shrink to the text size; what still does not fit is reported as cut off.
  const float full_need = needH(nf_full);
  auto fitNumbers = [&](float floor_px) {
    if (needH(nf) <= size.y) return true;
    float per_row = (size.y - fixedH()) / std::max(1, linesTotal()) - (by_group_ ? 1 : 2) * pad;
    nf = std::max(floor_px, std::min(nf, by_group_ ? std::floor(per_row / group_lines / 0.82f) : per_row));
    while (nf - 1 >= floor_px && needH(nf) > size.y) nf -= 1;  // rounding of the group lines
    return needH(nf) <= size.y + 0.5f;
  };
  // Then, where the step's claims compare a pane with the run without the step (its rows take room),
  // the last tiles the step watches but its claims do not read.
  auto unclaimed = [&](std::vector<TileDef>& ts) {
    return std::find_if(ts.rbegin(), ts.rend(), [&](const TileDef& t) {
      return !watched.claimed.count(t.name) && !(t.also[0] && watched.claimed.count(t.also));
    });
  };
  int hidden = 0;
  while (!fitNumbers(nf_min) && bands > 1) {
    auto it = unwatched(tiles);
    if (it == tiles.rend() && (has_ghost || has_earlier)) it = unclaimed(tiles);
    if (it == tiles.rend()) break;
    tiles.erase(std::next(it).base());
    ++hidden;
    bands = bandsFor(tiles);
    arrange();
  }
  if (!fitNumbers(fs)) reportClipped("outcome tiles", "the last row of tiles", needH(nf), size.y);

  for (int b = 0; b < bands; ++b) {
    int first = b * per_band, last = std::min(n, first + per_band);
    // Header: the outcome's name, wrapped to its column.
    const float head_h = headerH(b);
    for (int t = first; t < last; ++t) {
      const TileDef& def = tiles[static_cast<size_t>(t)];
      bool w = watched.has(def.name) || watched.has(def.also);
      ImVec2 at(x0 + name_w + (t - first) * col_w + pad, y);
      dl->AddText(ImGui::GetFont(), fs, at, w ? watch_col : dim, def.title.c_str(), nullptr, col_w - 2 * pad);
      if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + col_w - 2 * pad, at.y + head_h))) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(fs * 26);
        ImGui::TextUnformatted(def.help.c_str());
        ImGui::TextDisabled("output name: %s%s", def.name, w ? " (watched in this lesson step)" : "");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    y += head_h + pad;
    const float row_h = rowH(nf);
    const bool band_then = bandHasEarlier(b);
    for (const Line& line : lines) {
      if (line.earlier && !band_then) continue;  // no tile of this band is compared then
      const int p = line.pane;
      ImVec2 nat(x0, y + (row_h - fs) * 0.5f);
      if (line.ghost || line.earlier) {  // "w/o" or "then" in the pane's colour, dimmed: the pane above
        dl->AddText(ImGui::GetFont(), fs, nat, (paneColour(p) & 0x00FFFFFFu) | 0xB0000000u,
                    line.ghost ? "w/o" : "then");
      } else {  // the pane: its number in its colour, and the dash pattern its chart lines use
        char num[16];
        std::snprintf(num, sizeof num, "%d", p + 1);
        dl->AddText(ImGui::GetFont(), fs * 1.2f, nat, paneColour(p), num);
        drawPaneDash(dl, ImVec2(x0 + fs * 0.8f, nat.y + fs * 0.6f), name_w - fs * 1.0f, p);
      }
      const bool aside = line.ghost || line.earlier;  // a row the pane is compared with
      const ImU32 ink = aside ? IM_COL32(200, 200, 200, 255) : text;
      for (int t = first; t < last; ++t) {
        const TileDef& def = tiles[static_cast<size_t>(t)];
        if (line.earlier && !inEarlier(def, earlier)) continue;  // only what the claims compare then
        bool w = watched.has(def.name) || watched.has(def.also);
        ImVec2 c0(x0 + name_w + (t - first) * col_w + 1, y), c1(c0.x + col_w - 2, y + row_h - 2);
        dl->AddRectFilled(c0, c1, aside ? IM_COL32(24, 30, 44, 255) : ImGui::GetColorU32(ImGuiCol_FrameBg),
                          3);
        if (w) dl->AddRect(c0, c1, watch_col, 3, 0, std::max(aside ? 1.0f : 2.0f, fs * 0.12f));
        auto shown = [&](int group) {
          if (line.ghost && !ghost_ready) return std::string("\xE2\x80\xA6");  // catching up: "…"
          if (line.ghost && !ghost_same_before_) return std::string("n/a");
          if (line.earlier && !earlier_ready) return std::string("n/a");  // the run is not there yet
          return shownValue(def, lineValue(def, line, group));
        };
        const std::string report_name = line.ghost     ? std::string(def.name) + " without the step"
                                        : line.earlier ? std::string(def.name) + " at week " + then_week
                                                       : std::string(def.name);
        float inner = col_w - 2 * pad - 2;
        if (!by_group_) {
          std::string s = shown(2);
          ImFont* font = big;
          float fsz = nf;
          float tw = font->CalcTextSizeA(fsz, FLT_MAX, 0, s.c_str()).x;
          if (tw > inner) {  // too wide for the big font: the text font
            font = ImGui::GetFont(), fsz = fs;
            tw = font->CalcTextSizeA(fsz, FLT_MAX, 0, s.c_str()).x;
            if (tw > inner) reportClipped("outcome tile", s, tw, inner);
          }
          dl->AddText(font, fsz, ImVec2(c1.x - pad - tw, c0.y + (row_h - 2 - fsz) * 0.5f), ink, s.c_str());
          reportTile(p, report_name.c_str(), s, c0, ImVec2(c1.x - c0.x, c1.y - c0.y), fsz, false);
        } else {
          float shown_px = nf;
          for (int g = 0; g < (def.all ? 3 : 2); ++g) {
            std::string s = shown(g);
            ImFont* font = big;
            float fsz = nf;
            float tw = font->CalcTextSizeA(fsz, FLT_MAX, 0, s.c_str()).x;
            if (tw > inner - label_w) {  // too wide for the big font: the text font
              font = ImGui::GetFont(), fsz = fs;
              tw = font->CalcTextSizeA(fsz, FLT_MAX, 0, s.c_str()).x;
              if (tw > inner - label_w) reportClipped("outcome tile (group)", s, tw, inner - label_w);
            }
            shown_px = std::min(shown_px, fsz);
            const float line_y = c0.y + pad * 0.5f + g * groupLineH(nf) - nf * 0.09f;
            dl->AddText(ImVec2(c0.x + pad, line_y + (nf - fs) * 0.5f), dim,
                        g == 0   ? sc.label_a.c_str()
                        : g == 1 ? sc.label_b.c_str()
                                 : "all");
            dl->AddText(font, fsz, ImVec2(c1.x - pad - tw, line_y + (nf - fsz) * 0.5f), ink, s.c_str());
          }
          reportTile(p, report_name.c_str(), shown(0) + " | " + shown(1), c0,
                     ImVec2(c1.x - c0.x, c1.y - c0.y), shown_px, true);
          if (def.all)  // the third line, as a tile of its own in the report ("ppv (all)")
            reportTile(p, (report_name + " (all)").c_str(), shown(2), c0, ImVec2(c1.x - c0.x, c1.y - c0.y),
                       shown_px, true);
        }
        if (ImGui::IsMouseHoveringRect(c0, c1)) {
          ImGui::BeginTooltip();
          ImGui::Text("%d %s: %s%s", p + 1, f.names[static_cast<size_t>(p)].c_str(), def.title.c_str(),
                      line.ghost     ? " (the same run without the step)"
                      : line.earlier ? (" (at week " + then_week + ")").c_str()
                                     : "");
          if (line.ghost && ghost_ready && !ghost_same_before_)
            ImGui::TextWrapped(
                "Not available: replayed without the step, the weeks before it differ from this run's "
                "(a change made while the model played is not replayed exactly). Reset and play the "
                "lesson's steps to compare.");
          for (int g = 0; g < 3; ++g) {
            // A per-member tile also gives the count it is computed from.
            Value count = countValue(def, dataOf(line), p, g, sinceOf(line));
            std::string of = def.per_capita && def.kind != TileKind::Claim && count.valid
                                 ? " (" + countText(count.a) + ")"
                                 : "";
            ImGui::Text("%s: %s%s",
                        g == 0   ? sc.label_a.c_str()
                        : g == 1 ? sc.label_b.c_str()
                                 : "all",
                        shown(g).c_str(), of.c_str());
          }
          ImGui::TextDisabled(
              "%s", line.earlier ? ("in week " + then_week + " (a state: its level then)").c_str()
                    : sinceFor(def, since) < 0 ? (since < 0 ? "since the start" : "now")
                    : isState(def) ? ("the mean of the weeks since week " + std::to_string(since)).c_str()
                                   : ("since week " + std::to_string(since)).c_str());
          ImGui::EndTooltip();
        }
      }
      y += row_h;
    }
    y += pad;
  }
  if (hidden > 0 && y + ImGui::GetTextLineHeight() <= start.y + size.y) {  // say so, where there is room
    char more[96];
    std::snprintf(more, sizeof more, "%d more outcome%s without \"by group\"%s", hidden,
                  hidden > 1 ? "s" : "",
                  has_ghost     ? " or w/o"
                  : has_earlier ? " or the row \"then\""
                                : "");
    dl->AddText(ImVec2(x0 + name_w, y), dim, more);
    y += ImGui::GetTextLineHeight();
  }
  ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
  ImGui::Dummy(ImVec2(width, std::max(1.0f, y - ImGui::GetCursorScreenPos().y)));
  return std::max(y - start.y, full_need);
}

}  // namespace tl::gui
