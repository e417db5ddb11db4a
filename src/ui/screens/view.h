// What the shell knows of a screen or a dialog: it draws itself from the store's state each
// frame and emits intents; what it keeps between frames (drafts, scroll positions, focus
// requests) a kiosk's next visitor must not find.
#pragma once
#include "core/store.h"

namespace rc::ui {

class View {
public:
    virtual ~View() = default;
    virtual void draw(Store& store) = 0;
    // A kiosk's start-over: typed text, scroll positions and focus requests go.
    virtual void forgetVisitor() {}
};

}  // namespace rc::ui
