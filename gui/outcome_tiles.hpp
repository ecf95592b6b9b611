// outcome_tiles.hpp: the outcomes a lesson is about, one tile per outcome and pane, large enough to
// read from the back of a room: wrongly sanctioned now and ever, wrongful sanction-weeks, targets
// missed, unpaid, harm, appeals overturned of decided; since the start or since the last change;
// by group on demand; the tiles a lesson step watches are highlighted.
#pragma once
#include <imgui.h>

#include <set>
#include <string>
#include <vector>

#include "gui/counterfactual.hpp"
#include "gui/model_worker.hpp"
#include "gui/session.hpp"
#include "io/claim_metrics.hpp"

namespace tl::gui {

// The output names a lesson step's `watch` text mentions (words of letters, digits and _, in lower case).
std::set<std::string> watchedNames(const std::string& watch);
// What a lesson step is about: the output names its `watch` text mentions and those its claims read
// (`claimed`), highlighted; and the ones that get a tile of their own if no tile shows them (the
// claimed, and watch words that can only be output names, like appeal_backlog). `per_capita`: the
// claimed outputs the step compares per member of the group; their tiles show that figure.
struct Watched {
  std::set<std::string> names, extra, per_capita, claimed;  // claimed: the outputs its claims read
  // The states its claims read at the end of the step only (not over it): their tiles show the level
  // now while the others count since the step.
  std::set<std::string> at_end;
  // The outputs its claims read for all citizens: by group, their tiles add a line "all".
  std::set<std::string> all_groups;
  Watched(const std::string& watch, const std::set<std::string>& claimed,
          const std::set<std::string>& per_capita = {}, const std::set<std::string>& at_end = {},
          const std::set<std::string>& all_groups = {});
  bool has(const char* name) const { return name[0] && names.count(name); }
};

// Whether a lesson step asks for the outcomes by group: its `watch` text says so ("by group",
// "per group", "each group", "group B", ...) or one of its claims reads one group.
bool asksByGroup(const std::string& watch, const std::vector<Expect>& expect);

// One outcome: how it is computed from timeseries.csv columns (names as in the CSV).
enum class TileKind {
  Now,    // the column at the latest week (since a change: its mean over the weeks since)
  Sum,    // the column summed over weeks (citizen-weeks, harm)
  Ratio,  // two columns summed: "overturned / decided"
  Ever,   // people wrongly sanctioned at least once (tracked by the model worker)
  Claim,  // any other output name a lesson watches or claims about, read as a claim reads it
};
struct TileDef {
  const char* name;  // the output name a lesson's `watch` uses
  const char* also;  // another output name that selects this tile ("" = none)
  TileKind kind;
  const char* column;   // the column it is computed from ("" for Ever)
  const char* column2;  // Ratio: the denominator's column
  std::string title;    // on screen (from sim/metrics.def where it is a metric)
  std::string help;
  const ClaimMetric* metric = nullptr;  // Claim: the output (io/claim_metrics)
  bool per_capita = false;              // divided by the group's citizens (a share or a rate per member)
  bool now = false;                     // a state the step's claims read at its end: its level now
  bool all = false;                     // by group, a line for all citizens too (the claims read it)
};
// The tiles, in the order shown (those whose column the model lacks are left out), then a tile for
// each watched output name no tile shows yet (a lesson's `watch` text and the metrics of its claims),
// so the numbers a step is about are always on screen.
// A tile named in `per_capita` shows its figure per member of the group (its title says so).
std::vector<TileDef> outcomeTiles(const std::set<std::string>& watched = {},
                                  const std::set<std::string>& per_capita = {});
// The tiles of a lesson step: outcomeTiles of what it watches, per member and now as its claims read them.
std::vector<TileDef> tilesFor(const Watched& watched);

// A per-member tile of people (now or ever) reads as a share of the citizens; of weeks or harm, per citizen.
bool shownAsShare(const TileDef& t);

// The same run without a lesson step's changes (gui/counterfactual.hpp), shown in a row of its own
// under each pane the step's claims compare with it.
struct Ghost {
  const Counterfactual::Result* result = nullptr;
  std::set<int> panes;
  int step = 0;  // the lesson step left out (0-based)
};

// An earlier week a lesson step's claims compare an output's level now with ("unpaid at the end of
// this step vs at the end of year four"): under each pane they compare, a row "then" shows the
// level of those outputs at that week.
struct Earlier {
  int week = -1;  // the week's row (counted from 0); the row is labelled with weeks run, week + 1
  std::set<int> panes;
  std::set<std::string> names;  // the outputs compared (the row shows only their tiles)
};

class OutcomeTiles {
 public:
  // Draws the tiles of every pane in `size` at the cursor; returns the height they need.
  float draw(const std::vector<WeekRow>& rows, const Frame& f, const std::vector<ChangeMark>& marks,
             const Watched& watched, const Scenario& sc, ImVec2 size, const Ghost& ghost = {},
             const Earlier& earlier = {});
  // The watched outcomes (every outcome when none is watched) as lines of text, one value per pane,
  // and the run without the step where the tiles show it, as of the last draw:
  // "harm: 1: 965, 2: 7,360, 2 w/o: 1,020" (and "2 at week 208: 166" for an earlier week the
  // tiles show). The lesson's reveal shows them.
  std::vector<std::string> summaryLines(const Frame& f, const Watched& watched) const;
  // The week the numbers count from (0 = the start).
  int sinceWeek(const std::vector<ChangeMark>& marks) const;
  // The window the tiles count: its first week, or -1 for none (flows from week 0, states now).
  int windowStart(const std::vector<ChangeMark>& marks) const;
  bool sinceChange() const { return since_change_; }
  void setSinceChange(bool on) { since_change_ = on; }
  void setByGroup(bool on) { by_group_ = on; }
  bool byGroup() const { return by_group_; }

 private:
  struct Value {
    double a = 0, b = 0;  // b: Ratio's denominator
    bool valid = false;
  };
  // Column sums and values per pane x group, recomputed when rows arrive or the start week moves.
  struct Columns {
    std::vector<double> sum, last;  // sum from `since` on; latest value
    double weeks = 0;               // the weeks summed
  };
  static std::vector<Columns> accumulate(const std::vector<WeekRow>& rows, size_t panes, int since);
  // A run's outputs: the live run's, or its counterfactual's.
  struct Data {
    const Frame* f;
    const std::vector<WeekRow>* rows;
    const std::vector<Columns>* cols;
  };
  Data live(const Frame& f) const { return {&f, rows_, &cols_}; }
  // The tile's figure (per member where the tile is per capita); countValue: before that division.
  static Value value(const TileDef& t, const Data& d, int pane, int group, int since);
  static Value countValue(const TileDef& t, const Data& d, int pane, int group, int since);
  static Value claimValueNow(const TileDef& t, const Data& d, int pane, int group, int since);
  // The counterfactual as a run's outputs up to the live run's week; false while it catches up.
  bool ghostData(const Ghost& ghost, const Frame& f, int since);
  // The live run's outputs up to an earlier week; false before the run reaches it.
  bool earlierData(const Earlier& earlier, const Frame& f);
  // Whether a tile is one the earlier row shows.
  static bool inEarlier(const TileDef& t, const Earlier& earlier);
  // A value as shown: counts with separators, rates and means with their digits.
  static std::string shownValue(const TileDef& t, const Value& v);
  // The title as counted: since a change, a state's "now" reads "(average week)".
  static std::string shownTitle(const TileDef& t, int since);
  const std::vector<WeekRow>* rows_ = nullptr;  // as of the last draw (Claim tiles read them)
  bool since_change_ = false, by_group_ = false;
  std::vector<Columns> cols_;  // [pane * 3 + group]
  // The counterfactual's, as of the last draw: its rows up to the live week, as a frame.
  Frame ghost_frame_;
  std::vector<WeekRow> ghost_rows_;
  std::vector<Columns> ghost_cols_;
  const WeekRow* ghost_key_ = nullptr;  // what ghost_rows_ were made from (rows, count, since)
  size_t ghost_key_n_ = 0;
  int ghost_key_since_ = -2;
  bool ghost_same_before_ = false;  // its weeks before the change equal the live run's
  std::set<int> ghost_panes_;       // the panes shown with it at the last draw (summaryLines)
  // The live run up to an earlier week (Earlier), as of the last draw.
  std::vector<WeekRow> earlier_rows_;
  std::vector<Columns> earlier_cols_;
  size_t earlier_key_n_ = ~size_t(0);
  uint64_t earlier_key_gen_ = ~0ull;
  Earlier earlier_shown_;  // the earlier row at the last draw, ready (summaryLines); week -1 = none
  size_t cached_rows_ = ~size_t(0);
  int cached_since_ = -2;
  int window_ = -1;  // windowStart at the last draw (summaryLines)
  uint64_t cached_gen_ = ~0ull;
};

}  // namespace tl::gui
