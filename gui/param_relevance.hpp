// param_relevance.hpp: which parameters matter for a regime's choices (score points for a score,
// listing rules for a list, appeal settings only when appeals exist...), so the policy panel shows
// only those. The rules are declared here once, as a table.
#pragma once
#include "sim/params.hpp"

namespace tl::gui {

// True when parameter d changes anything given the regime's values (regime) and the world's.
bool paramMatters(const ParamDecl& d, const ParamValues& regime, const ParamValues& world);
// A short reason a hidden parameter does not matter ("only for a score"), for the panel's note.
const char* whyHidden(const ParamDecl& d, const ParamValues& regime, const ParamValues& world);

}  // namespace tl::gui
