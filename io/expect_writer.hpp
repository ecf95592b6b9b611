// expect_writer.hpp (internal to io/): claims back to the JSON that expect_reader reads.
#pragma once
#include <nlohmann/json.hpp>
#include <vector>

#include "sim/scenario.hpp"

namespace tl {

nlohmann::ordered_json expectsToJson(const std::vector<Expect>& claims, const Scenario& s);

}  // namespace tl
