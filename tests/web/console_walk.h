// The walk through real console frames that the renderer's native checks replay (damage
// tracking in test_damage.cpp, the CPU rasteriser in test_cpu_canvas.cpp): sign-in, the
// customer list, hover from row to row, the wheel, a search typed and its caret moved, a dialog
// opened, typed in and closed. A fixture gives `store`, `transport`, `ui` (960 × 640) and
// `check(step)`, which looks at the frame just built, and `lastDamage` (pixels it damaged).
#pragma once
#include <doctest/doctest.h>

#include <vector>

#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "imgui.h"

namespace rc::test {

inline const char* kWalkConfig =
    R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "demo@reseller.example"})";
inline const char* kWalkSession =
    R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind", "email": "demo@reseller.example"}})";

// The sign-in screen, first frames (the fixture's store started on the customer list).
template <class Fixture>
void walkToSignIn(Fixture& c) {
    c.store.start("config.json", "#/customers");
    c.transport.respond(0, 200, kWalkConfig);
    c.ui.frame(4);
}

template <class Fixture>
void walkConsole(Fixture& c) {
    constexpr long long kScreen = 960LL * 640;
    setLanguage(Language::English);
    walkToSignIn(c);
    c.check("sign-in");
    c.ui.click("Demo sign-in", "button");
    c.transport.answer("/auth/demo", 200, kWalkSession);
    c.ui.frame(2);
    c.transport.answer("/customers", 200, readContract("customers_page.json"));
    c.ui.frame(3);
    c.check("customers");

    // Hover moves from row to row: only those rows change.
    std::vector<ui::DrawnItem> rows;
    for (const auto& it : c.ui.items())
        if (it.kind == "button" && it.label == "Manage") rows.push_back(it);
    REQUIRE(rows.size() >= 2);
    for (int i = 0; i < 2; ++i) {
        ImGui::GetIO().AddMousePosEvent(rows[i].x - 300, rows[i].y + rows[i].h / 2);
        c.ui.frame(2);  // a row shows its hover a frame after the pointer arrives
        c.check("hover");
        if (i > 0) {
            CHECK(c.lastDamage > 0);
            CHECK(c.lastDamage < kScreen / 3);
        }
    }
    ImGui::GetIO().AddMouseWheelEvent(0, -1);
    c.ui.frame();
    c.check("wheel");
    c.ui.frame();
    c.check("after wheel");
    c.ui.pressKey(ImGuiMod_Ctrl, ImGuiKey_K);
    c.ui.frame(2);
    c.check("search focused");
    c.ui.typeText("Nor");
    c.check("typed");
    CHECK(c.lastDamage < kScreen / 2);
    ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftArrow, true);
    c.ui.frame();
    ImGui::GetIO().AddKeyEvent(ImGuiKey_LeftArrow, false);
    c.ui.frame();
    c.check("caret moved");
    c.ui.pressKey(ImGuiKey_Escape);
    c.check("escape");

    // A dialog over the list, then closed again.
    REQUIRE(c.ui.has("+  New customer", "button"));
    c.ui.click("+  New customer", "button");
    c.ui.frame(3);
    c.check("dialog open");
    c.ui.typeText("Acme");
    c.check("typed in the dialog");
    c.ui.pressKey(ImGuiKey_Escape);
    c.ui.frame(3);
    c.check("dialog closed");
}

}  // namespace rc::test
