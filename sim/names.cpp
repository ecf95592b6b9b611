// names.cpp: the words front ends show for views, events and time-series columns.
#include "sim/simulation.hpp"

namespace tl {

const char* viewName(CitizenView v) {
  switch (v) {
    case CitizenView::NotEnrolled:
      return "not enrolled";
    case CitizenView::Normal:
      return "normal";
    case CitizenView::Rewarded:
      return "rewarded";
    case CitizenView::Flagged:
      return "flagged";
    case CitizenView::RightlySanctioned:
      return "rightly sanctioned";
    case CitizenView::WronglySanctioned:
      return "wrongly sanctioned";
    case CitizenView::InAppeal:
      return "in appeal";
  }
  return "?";
}

const char* eventName(EventKind k) {
  static const char* names[] = {"obligation paid",
                                "could not pay (resource shock)",
                                "would not pay (unwilling)",
                                "court judgement",
                                "judgement settled",
                                "minor infraction",
                                "prosocial act",
                                "protected-category behaviour",
                                "proxy behaviour (VPN, electricity)",
                                "harmful act",
                                "cheap point-earning act (gaming)",
                                "negative record filed",
                                "ERRONEOUS record filed",
                                "record cleared",
                                "record expired",
                                "enrolled",
                                "listed",
                                "flagged",
                                "sanction started",
                                "sanction lifted",
                                "detained",
                                "benefits started",
                                "benefits ended",
                                "notified",
                                "found out",
                                "appeal filed",
                                "appeal upheld (lost)",
                                "appeal overturned (won)",
                                "human reviewer overrode the system",
                                "stopped using the scheme"};
  static_assert(sizeof(names) / sizeof(names[0]) == static_cast<size_t>(EventKind::Count),
                "one name per event");
  return names[static_cast<int>(k)];
}

std::vector<std::string> weekRowColumns() {
  return {"population",         "target_positive",        "enrolled",
          "sanctioned",         "wrongly_sanctioned",     "missed",
          "benefited",          "wrongly_denied_benefit", "flagged",
          "detained",           "appeals_filed",          "appeals_decided",
          "appeals_overturned", "appeal_backlog",         "records_erroneous",
          "trust_mean",         "benign_behaviour_rate",  "harm",
          "listed_added",       "listed_removed",         "score_mean",
          "resources_mean"};
}

std::vector<double> weekRowValues(const WeekRow& r) {
  return {r.population,
          r.target_positive,
          r.enrolled,
          r.sanctioned,
          r.wrongly_sanctioned,
          r.missed,
          r.benefited,
          r.wrongly_denied_benefit,
          r.flagged,
          r.detained,
          r.appeals_filed,
          r.appeals_decided,
          r.appeals_overturned,
          r.appeal_backlog,
          r.records_erroneous,
          r.trust_mean(),
          r.benign_behaviour_rate(),
          r.harm,
          r.listed_added,
          r.listed_removed,
          r.score_mean(),
          r.resources_mean()};
}

}  // namespace tl
