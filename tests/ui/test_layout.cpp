// The shell layout as data: breakpoints, what the navigation becomes at each width, the strips
// at the top, touch sizes, and that every box stays inside the screen at every size.
#include <doctest/doctest.h>

#include <initializer_list>

#include "ui/kit/layout.h"

using namespace rc::ui;

namespace {

ShellLayout at(float w, float h, bool touch = false, bool kiosk = false, float banner = 0) {
    ShellInputs in;
    in.width = w, in.height = h, in.touch = touch, in.kiosk = kiosk, in.bannerHeight = banner;
    return layoutShell(in);
}

bool inside(const Box& b, float w, float h) { return b.x >= 0 && b.y >= 0 && b.right() <= w + 0.01f && b.bottom() <= h + 0.01f; }

}  // namespace

TEST_CASE("sidebar from 1200 px, icon rail from 700 px, a menu button below") {
    CHECK(at(1440, 900).navigation == Navigation::Sidebar);
    CHECK(at(1200, 800).navigation == Navigation::Sidebar);
    CHECK(at(1199, 800).navigation == Navigation::Rail);
    CHECK(at(1024, 768).navigation == Navigation::Rail);
    CHECK(at(768, 1024).navigation == Navigation::Rail);
    CHECK(at(700, 800).navigation == Navigation::Rail);
    CHECK(at(699, 800).navigation == Navigation::MenuButton);
    CHECK(at(390, 844).navigation == Navigation::MenuButton);
    // The rail takes a ninth of a tablet, not a third; a phone gives its whole width to the screen.
    CHECK(at(768, 1024).nav.w < 768 / 8.0f);
    CHECK(at(390, 844).nav.empty());
    CHECK(at(390, 844).content.w == doctest::Approx(390 - 32));
    CHECK(at(390, 844).dialogsFullScreen);
    CHECK_FALSE(at(768, 1024).dialogsFullScreen);
}

TEST_CASE("the offline banner and the kiosk ribbon share the top of the screen, in that order") {
    ShellLayout l = at(1280, 720, false, true, 36);
    CHECK(l.banner.y == 0);
    CHECK(l.banner.h == 36);
    CHECK(l.ribbon.y == doctest::Approx(36));
    CHECK(l.nav.y == doctest::Approx(l.ribbon.bottom()));
    CHECK(l.topBar.y == doctest::Approx(l.ribbon.bottom()));
    CHECK(l.content.y > l.topBar.bottom());
    ShellLayout plain = at(1280, 720);
    CHECK(plain.banner.empty());
    CHECK(plain.ribbon.empty());
    CHECK(plain.topBar.y == 0);
}

TEST_CASE("touch screens get 44 px tap targets; a mouse does not need them") {
    CHECK(at(768, 1024, true).tapTarget == 44);
    CHECK(at(768, 1024, true).controlHeight >= 44);
    CHECK(at(1440, 900).tapTarget == 0);
}

TEST_CASE("every box lies inside the screen at every size the console is checked at") {
    const float sizes[][2] = {{390, 844}, {768, 1024}, {1024, 768}, {1280, 720}, {1440, 900}, {320, 568}, {699, 500}};
    for (const auto& s : sizes)
        for (int touch = 0; touch < 2; ++touch)
            for (int kiosk = 0; kiosk < 2; ++kiosk) {
                ShellLayout l = at(s[0], s[1], touch, kiosk, kiosk ? 32 : 0);
                CAPTURE(s[0]);
                CAPTURE(s[1]);
                for (const Box* b : {&l.banner, &l.ribbon, &l.nav, &l.topBar, &l.content, &l.drawer})
                    if (!b->empty()) CHECK(inside(*b, s[0], s[1]));
                CHECK(l.content.w > 0);
                CHECK(l.content.x >= l.nav.right());
                CHECK(l.topBar.right() == doctest::Approx(s[0]));
            }
}

TEST_CASE("screens follow the same width rules") {
    CHECK(figureColumns(1100) == 3);
    CHECK(figureColumns(892) == 3);  // a 1024 px tablet beside the rail
    CHECK(figureColumns(640) == 2);
    CHECK(figureColumns(358) == 1);
    CHECK(twoColumns(1100));
    CHECK_FALSE(twoColumns(640));
    CHECK(cardList(at(390, 844)));
    CHECK(cardList(at(699, 800)));
    CHECK_FALSE(cardList(at(768, 1024)));
    CHECK_FALSE(cardList(at(700, 800)));
}

TEST_CASE("short screens (200 % zoom, a phone held sideways) give the content more of the height") {
    // 1440 x 900 at 200 % zoom is 720 x 450 CSS px.
    ShellLayout zoomed = at(720, 450);
    CHECK(zoomed.shortScreen);
    CHECK_FALSE(at(1280, 720).shortScreen);
    CHECK_FALSE(at(768, 1024).shortScreen);
    CHECK(at(844, 390, true).shortScreen);
    // Less air above and below the content than the same width with room to spare.
    ShellLayout tall = at(720, 900);
    CHECK(zoomed.content.y < tall.content.y);
    CHECK(zoomed.content.h > 450 - (tall.content.y + (900 - tall.content.bottom())));
    CHECK(inside(zoomed.content, 720, 450));
}
