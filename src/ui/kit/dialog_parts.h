// The pieces every dialog is built from: the modal frame with its title and close button (a
// full screen on phones), field labels, a labelled field with its error line, the buttons at the
// bottom, and the grey box where a price preview sits.
#pragma once
#include <map>
#include <string>

#include "core/store.h"
#include "imgui.h"
#include "ui/kit/widgets.h"

namespace rc::ui {

// Starts a modal dialog drawn by the store's `open` flag. Returns false when it is not shown.
// Esc or the close button set `closeRequested`.
bool beginDialog(const char* id, const std::string& title, float width, bool open, bool& closeRequested);
void endDialog();

void fieldLabel(const char* s);

// Right-aligned buttons at the bottom of a dialog; returns which was clicked (0 none, 1 primary,
// 2 secondary). Too narrow for both side by side (a phone, German labels): full width, the action first.
int dialogButtons(const char* primary, ButtonStyle primaryStyle, bool busy, bool primaryDisabled, const char* secondary);
// The same with the primary action behind a gate (kit/gated.h): disabled with its reason, the
// reason on a line under the buttons.
int dialogButtons(const char* primary, ButtonStyle primaryStyle, bool busy, const Gate& gate, const char* secondary);

// A labelled text field with one line under it for its error (or a help text). The line is
// always there, so an error appearing never moves the buttons under the pointer mid-click.
// `enter` is set when Enter was pressed in it, `left` when the reseller moved on after typing;
// returns true when the text changed.
bool field(const char* id, const char* label, std::string& value, const char* hint, const std::string* error, bool& enter,
           bool& left, bool focus = false, const char* help = nullptr);
// A form's error for one field, by the field's name in the server's errors (nullptr: none).
const std::string* errorFor(const std::map<std::string, std::string>& errors, const std::string& name);

// One choice of several as a card: a radio dot, a title and a muted note, wrapping inside the
// card on a narrow screen (the card grows with them). Returns true when it was picked.
bool radioCard(const char* id, const std::string& title, const char* note, bool selected, bool disabled);

// A price: "per license / month" or "per license / year" for a billing cycle, "/ month" or "/ year".
std::string perUnit(const std::string& cycle);
std::string perPeriod(const std::string& cycle);

// The preview box (pair with endPreviewBox(); height 0: as tall as its content), and one of its
// rows: a label (and a smaller line under it) on the left, a figure on the right.
void previewBox(const char* id, float height);
void endPreviewBox();
void previewRow(const std::string& label, const std::string& sub, const std::string& value, bool strong);
// The preview's request on its way (a spinner and "Calculating the price…") or failed (what went
// wrong, in red): draws that and returns true; false when there is a preview (or none) to draw.
bool previewWaiting(const Remote& request);

}  // namespace rc::ui
