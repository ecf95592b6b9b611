// embedded_font.hpp: declares the font files compiled into the app (assets/*.ttf via trustlab_embed).
#pragma once
#include "io/embedded.hpp"

namespace tl {
// Declared extern here and force-included into the generated source, so the
// generated const array has external linkage.
extern const EmbeddedFile embedded_font[];
extern const int embedded_font_count;
}  // namespace tl
