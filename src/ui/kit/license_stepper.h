// − [count] +: a license count stepped or typed within a range, the way every dialog that asks
// for a count shows it (license order, start paid plan now, renewal with a count, seat cap).
#pragma once
#include <string>

namespace rc::ui {

// `name` labels the field for the mirror; returns the count chosen this frame (within lo..hi),
// or -1 when nothing changed.
int licenseStepper(const char* id, const std::string& name, int value, int lo, int hi, bool disabled);

}  // namespace rc::ui
