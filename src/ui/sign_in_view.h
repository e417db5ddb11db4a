#pragma once
#include "core/store.h"

namespace rc::ui {

// The first screen: Google sign-in (not wired yet) and demo sign-in where the server allows it.
class SignInView {
public:
    void draw(Store& store);

private:
    std::string emailDraft_;
    float cardHeight_ = 480.0f;
};

}  // namespace rc::ui
