#pragma once
#include "core/store.h"

namespace rc::ui {

// Where the sign-in screen wants Google's own button (a DOM element the page places over the
// canvas), in CSS pixels of the canvas. Updated every drawn frame.
struct GoogleButtonSlot {
    bool visible = false;
    float x = 0, y = 0, w = 0, h = 0;
};
const GoogleButtonSlot& googleButtonSlot();
void hideGoogleButtonSlot();

// The first screen: Google sign-in, and demo sign-in where the server allows it.
class SignInView {
public:
    void draw(Store& store);

private:
    float cardHeight_ = 480.0f;
};

}  // namespace rc::ui
