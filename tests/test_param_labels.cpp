// test_param_labels.cpp: every parameter has a short plain-language label (sim/params.def), shown on
// screen instead of its JSON key; labels must tell parameters of the same stage apart.
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>

#include "sim/params.hpp"

TEST_CASE("every parameter has a short label of its own, not its JSON key") {
  std::set<std::string> seen;
  for (const auto& d : tl::paramTable()) {
    std::string label = d.label ? d.label : "";
    INFO(d.path << ": \"" << label << "\"");
    CHECK(!label.empty());
    CHECK(label.size() <= 36);                    // fits a policy panel row beside its control at 1024 px
    CHECK(label.find('_') == std::string::npos);  // words, not a key
    CHECK(std::islower(static_cast<unsigned char>(label[0])));  // reads inside a sentence
    // Unique within a scope and stage: "Right pane: <label>: off" must say which parameter.
    std::string where = (d.scope == tl::Scope::World ? "world:" : "regime:") + d.section() + ":" + label;
    CHECK(seen.insert(where).second);
  }
}
