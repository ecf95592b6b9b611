// inspector.hpp: one citizen up close: traits, state in every pane, history with wrong records marked.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "gui/model_worker.hpp"

namespace tl::gui {

class Inspector {
 public:
  // Draws the inspector; returns a citizen chosen here (-1 = none chosen this frame).
  int64_t draw(const Frame& f, const std::string& label_a, const std::string& label_b);

 private:
  int typed_id_ = 0;
  int search_from_ = 0;
};

}  // namespace tl::gui
