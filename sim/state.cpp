// state.cpp: sizing of the per-citizen arrays (declared in sim/state.def).
#include "sim/state.hpp"

namespace tl {

void RegimeState::resize(size_t n) {
#define S(name, type, what) name.assign(n, type{});
#include "sim/state.def"
#undef S
  queue.clear();
  capacity_carry = 0;
}

size_t RegimeState::bytesPerCitizen() {
  return 0
#define S(name, type, what) +sizeof(type)
#include "sim/state.def"
#undef S
      ;
}

}  // namespace tl
