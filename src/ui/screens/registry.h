// The UI half of the screen registry: one line per screen — its id (core/route.h: the core half
// says its address and what it loads), the navigation's icon and label, the navigation entry it
// lights, and its view — and the dialogs the shell hosts over the screens. The sidebar, the icon
// rail, the phone's drawer and the shell's draw are read from here; nothing else switches on a
// screen. Adding a screen: its view in screens/, one line in registry.cpp.
#pragma once
#include <memory>
#include <vector>

#include "core/access.h"
#include "core/i18n.h"
#include "core/route.h"
#include "ui/screens/view.h"

namespace rc::ui {

// A view's maker; the registry's lines name it, and Views::find knows a view's type by it.
template <class V>
std::unique_ptr<View> makeView() {
    return std::make_unique<V>();
}

struct ScreenLine {
    Screen screen;
    const char* icon;   // kit/theme.h's icon::
    Text label;         // what the navigation calls it
    Screen navigation;  // the navigation entry lit while it shows; itself: it has an entry of its own
    std::unique_ptr<View> (*make)();
    // The navigation offers it only to roles with this capability (Team: Admins); its address
    // still opens it for others, and the view says who may use it.
    Capability offeredTo = Capability::View;
    bool inNavigation() const { return navigation == screen; }
};

// Every screen, in the navigation's order.
const std::vector<ScreenLine>& screenLines();
// The line of `screen` (every Screen has one; tests/ui/test_screens.cpp checks).
const ScreenLine& screenLine(Screen screen);

// The views of every screen and dialog, made once from the registry; the shell owns them.
class Views {
public:
    Views();
    View& screen(Screen screen);
    // The dialogs, drawn in this order over whatever screen opened them.
    const std::vector<std::unique_ptr<View>>& dialogs() const { return dialogs_; }
    // A screen's own view by its type (the shell's search jump asks for CustomersView): the
    // line whose view makeView<V> made, so no RTTI is needed (the wasm is built -fno-rtti).
    template <class V>
    V* find() {
        const auto& lines = screenLines();
        for (std::size_t i = 0; i < lines.size() && i < screens_.size(); ++i)
            if (lines[i].make == &makeView<V>) return static_cast<V*>(screens_[i].get());
        return nullptr;
    }
    void forgetVisitor();

private:
    std::vector<std::unique_ptr<View>> screens_;  // in screenLines() order
    std::vector<std::unique_ptr<View>> dialogs_;
};

}  // namespace rc::ui
