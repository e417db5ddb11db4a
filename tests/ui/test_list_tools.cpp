// The customer list's tools (Views, Import, Export CSV; on phones Views, Select and a More menu
// holding Import, Export CSV and Take over customer…) on every screen size and in both
// languages: each whole on screen, never over another, on one line.
#include <doctest/doctest.h>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/i18n.h"
#include "ui_harness.h"

using namespace rc;

TEST_CASE("the list's tools stay whole on one line; on a phone Import, Export and Take over are under More") {
    struct Size { float w, h; };
    for (Language lang : {Language::English, Language::German})
        for (bool touch : {false, true})
            for (Size size : {Size{390, 844}, Size{768, 1024}, Size{1440, 900}}) {
                MainQueue queue;
                test::FakeTransport transport{queue};
                test::FakePlatform platform{queue};
                Store store{transport, platform};
                test::UiHarness ui(store, queue, size.w, size.h);
                ui.touchScreen(touch);
                setLanguage(Language::English);
                store.start("config.json", "#/customers");
                transport.respond(0, 200, R"({"api_base_url": "/api/v1", "demo_sign_in": true, "demo_email": "demo@reseller.example"})");
                ui.frame(4);
                ui.click("Demo sign-in", "button");
                transport.answer("/auth/demo", 200, test::readContract("auth_demo.json"));
                ui.frame(2);
                transport.answer("v1/me", 200, test::readContract("me.json"));
                transport.answer("/customers?", 200, test::readContract("customers_page.json"));
                setLanguage(lang);
                ui.frame(4);
                bool german = lang == Language::German;
                std::vector<ui::DrawnItem> tools;
                const bool phone = size.w < 768;
                const char* take = german ? "Kunden übernehmen …" : "Take over customer…";
                std::vector<const char*> labels{german ? "Ansichten" : "Views", german ? "Importieren" : "Import",
                                                german ? "CSV exportieren" : "Export CSV"};
                // Phones show cards: Select (their select mode) goes with the tools, and the rest
                // under More, so the header leaves the cards their room.
                if (phone) labels = {german ? "Ansichten" : "Views", german ? "Auswählen" : "Select", german ? "Mehr" : "More"};
                for (const char* label : labels)
                    for (const auto& it : ui.items())
                        if (it.kind == "button" && it.label.rfind(label, 0) == 0) {
                            tools.push_back(it);
                            break;
                        }
                INFO((german ? "German " : "English ") << (touch ? "touch " : "") << size.w << "x" << size.h);
                REQUIRE(tools.size() == labels.size());
                for (std::size_t i = 0; i < tools.size(); ++i) {
                    INFO(tools[i].label << " at " << tools[i].x << ".." << tools[i].x + tools[i].w);
                    CHECK(tools[i].x >= 0);
                    CHECK(tools[i].x + tools[i].w <= size.w);
                    for (std::size_t j = 0; j < i; ++j) {
                        bool apart = tools[i].x >= tools[j].x + tools[j].w || tools[j].x >= tools[i].x + tools[i].w ||
                                     tools[i].y >= tools[j].y + tools[j].h || tools[j].y >= tools[i].y + tools[i].h;
                        CHECK(apart);
                    }
                }
                // They share one line, and Take over customer… is beside New customer or under More.
                CHECK(tools[0].y == tools[2].y);
                CHECK(ui.has(take, "button") != phone);
                if (!phone) continue;
                CHECK_FALSE(ui.has(german ? "Importieren" : "Import", "button"));
                CHECK(tools[2].y + tools[2].h < 844 / 2.0f);  // the header leaves the cards half the screen
                ui.tap(tools[2].label, "button");  // its caret is part of its label
                ui.frame(2);
                std::vector<const char*> inMenu{german ? "Importieren" : "Import", take, german ? "Excel, deutsch (Semikolon)" : "CSV (comma, UTF-8)",
                                                german ? "CSV (Komma, UTF-8)" : "Excel, German (semicolon)"};
                for (const char* label : inMenu) {
                    auto it = ui.find(label, "button");
                    INFO(label);
                    REQUIRE(it.has_value());
                    CHECK(it->x >= 0);
                    CHECK(it->x + it->w <= size.w);
                    CHECK(it->y > tools[2].y);
                    CHECK_FALSE(it->disabled);
                }
                // Each does what it says: Take over customer… opens the take-over dialog.
                ui.tap(take, "button");
                ui.frame(2);
                CHECK(store.state().transferIn.open);
            }
}
