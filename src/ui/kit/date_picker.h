// A calendar button beside a date field: a popup with the month's days (the week from Monday in
// German, from Sunday in English), picked with the pointer, a finger (44 px days on touch
// screens) or the keyboard (arrows a day or a week, Page Up/Down a month, Shift a year, Home/End
// the week's edges, Enter picks, Esc closes), mirrored for screen readers as a dialog holding a
// grid of days named "Montag, 7. Dezember 2026", the picked one selected.
#pragma once
#include <optional>
#include <string>

namespace rc::ui {

// `fieldName` is what the field beside it is called ("Von"); `day` the field's day (ISO, ""
// for none): the calendar opens there, else today, and shows it picked. Returns the ISO day
// picked, in the frame it was picked. `size`: the button's side (the field's height).
std::optional<std::string> datePicker(const char* id, const std::string& fieldName, const std::string& day, float size);

}  // namespace rc::ui
