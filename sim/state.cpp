// state.cpp: sizing of the per-citizen arrays.
#include "sim/state.hpp"

namespace tl {

void RegimeState::resize(size_t n) {
  resources.assign(n, 0.f);
  trust.assign(n, 0);
  pos_points.assign(n, 0);
  neg_points.assign(n, 0);
  flags.assign(n, 0);
  for (auto* v : {&judgement_week, &record_week, &cleared_week, &sanction_week, &aware_week, &wrong_start,
                  &wrongful_weeks, &minor_week})
    v->assign(n, 0);
  for (auto* v : {&rec_infractions, &rec_protected, &rec_proxy, &rec_prosocial, &repair}) v->assign(n, 0);
  queue.clear();
  capacity_carry = 0;
}

size_t RegimeState::bytesPerCitizen() {
  return sizeof(float) + sizeof(uint16_t) + 2 * sizeof(int16_t) + sizeof(uint32_t) + 8 * sizeof(uint16_t) +
         5 * sizeof(uint8_t);
}

}  // namespace tl
