// Names in every script: the per-script font files hold every character those names draw, they
// are fetched only when a drawn text needs them, and the atlas then has their glyphs.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "../core/fake_platform.h"
#include "../core/fake_transport.h"
#include "core/display_text.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "imgui.h"
#include "ui/kit/theme.h"
#include "ui/text/font_files.h"
#include "ui/text/glyph_ranges.h"
#include "ui/text/script_fonts.h"
#include "ui_harness.h"

using namespace rc;
using ui::FontWeight;

namespace {

// Names a reseller's customers have, in each script the console promises to draw.
const std::vector<std::pair<const char*, const char*>> kNames = {
    {"Polish", "Łukasz Wójcik"},         {"Hungarian", "Kőváry Ödön"},
    {"Turkish", "Şahin Yılmaz Ltd. Şti."}, {"Romanian", "Ștefan Țurcanu"},
    {"Greek", "Γιώργος Παπαδόπουλος"},   {"Greek", "Ελληνική Λογιστική Α.Ε."},
    {"Cyrillic", "Анна Кузнецова"},       {"Cyrillic", "ООО «Ромашка»"},
    {"Cyrillic", "Олександр Шевченко"},   // Ukrainian: і, ї, є
    {"Hebrew", "שרה כהן"},              {"Hebrew", "מיקרוסופט ישראל בע\"מ"},
    {"Arabic", "محمد عبد الله"},         {"Arabic", "شركة الأفق للتقنية ٣٤٥"},
    {"Persian", "مهدی رضایی"},           {"Persian", "فروشگاه\u200Cهای پارس"},
    {"Chinese", "王小明"},               {"Chinese", "北京星辰科技有限公司"},
    {"Chinese (traditional)", "陳大文"}, {"Chinese (traditional)", "臺灣資訊股份有限公司"},
    {"Japanese", "山田太郎"},             {"Japanese", "株式会社サクラ・ソフトウェア"},
    {"Japanese", "髙橋 美咲"},           {"Korean", "김민준"},
    {"Korean", "주식회사 한빛소프트"},   {"Korean", "최 윤서"},
};

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

bool inBaseFont(char32_t cp) {
    for (const ImWchar* r = ui::kTextGlyphs; r[0]; r += 2)
        if (cp >= r[0] && cp <= r[1]) return true;
    return false;
}

// Answers every font request the transport holds with the built file (or a 404 when missing).
int answerFontRequests(test::FakeTransport& transport) {
    int n = 0;
    for (std::size_t i = 0; i < transport.sent.size(); ++i) {
        auto& s = transport.sent[i];
        if (s.answered || s.request.url.rfind("fonts/", 0) != 0) continue;
        std::string bytes = readFile(std::string(SCRIPT_FONT_DIR) + "/" + s.request.url.substr(6));
        transport.respond(i, bytes.empty() ? 404 : 200, bytes);
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("every character of a name in every script is in a script font file (fetched until found)") {
    REQUIRE_MESSAGE(!readFile(std::string(SCRIPT_FONT_DIR) + "/index.json").empty(),
                    "the script fonts were not built into " SCRIPT_FONT_DIR);
    ui::ScriptFonts& fonts = ui::scriptFonts();
    fonts.reset();
    MainQueue queue;
    test::FakeTransport transport{queue};
    for (const auto& [script, name] : kNames) fonts.need(displayText(name));
    // Fallback files are asked for only after the common file turned out not to have a character.
    for (int round = 0; round < 6; ++round) {
        fonts.fetchWanted(transport, 0);
        if (answerFontRequests(transport) == 0) break;
        queue.drain();
    }
    CHECK(fonts.inFlight().empty());
    for (const auto& entry : kNames) {
        // Plain names, not structured bindings: clang 14 cannot capture those in CAPTURE's lambda.
        const char* script = entry.first;
        const char* name = entry.second;
        for (char32_t cp : utf8::decode(displayText(name))) {
            if (inBaseFont(cp)) continue;
            CAPTURE(script);
            CAPTURE(name);
            CHECK_MESSAGE(!fonts.drawnBy(cp, FontWeight::Regular).empty(), "no font file draws U+" << std::hex << unsigned(cp));
            CHECK_MESSAGE(!fonts.drawnBy(cp, FontWeight::Medium).empty(), "no medium font draws U+" << std::hex << unsigned(cp));
        }
    }
    // 髙 (a name variant of 高, outside the common lists) came from a fallback range file; the
    // other rare-character files were not needed for these names.
    CHECK(fonts.drawnBy(0x9AD9, FontWeight::Regular) == "han-rest-2");
    CHECK(transport.count("fonts/han-rest-1.ttf") == 0);
    CHECK(transport.count("fonts/han-ext-a.ttf") == 0);
    CHECK(transport.count("fonts/hangul-rest.ttf") == 0);
    fonts.reset();
}

TEST_CASE("Latin-only text fetches no font; each script's file is fetched once, when drawn text needs it") {
    ui::ScriptFonts& fonts = ui::scriptFonts();
    fonts.reset();
    MainQueue queue;
    test::FakeTransport transport{queue};
    for (const char* latin : {"Acme GmbH", "Zoë Müller", "Ærø Ærlig", "François Dubois – “Café”", "José Núñez"})
        fonts.need(displayText(latin));
    fonts.fetchWanted(transport, 0);
    CHECK(transport.sent.empty());

    fonts.need(displayText("Γιώργος"));
    fonts.need(displayText("Αθηνά"));
    fonts.fetchWanted(transport, 0);
    fonts.fetchWanted(transport, 1);  // a later frame asks nothing twice
    CHECK(transport.count("fonts/greek.ttf") == 1);
    CHECK(transport.count("fonts/greek-medium.ttf") == 1);
    CHECK(transport.sent.size() == 2);

    // A dropped connection: the file is asked for again later, not on every frame.
    transport.respond(0, 0, "");
    transport.respond(1, 503, "");
    queue.drain();
    fonts.fetchWanted(transport, 2);
    CHECK(transport.sent.size() == 2);
    fonts.fetchWanted(transport, 20);
    CHECK(transport.count("fonts/greek.ttf") == 2);
    // Bytes that are not a font are refused, and the file counts as failed.
    CHECK_FALSE(fonts.accept("greek", "<html>not found</html>"));
    CHECK(fonts.drawnBy(U'Γ', FontWeight::Regular).empty());
    fonts.reset();
}

TEST_CASE("the customer table with names in every script: fonts fetched, atlas holds every glyph, labels stay as written") {
    ui::scriptFonts().reset();
    MainQueue queue;
    test::FakeTransport transport{queue};
    test::FakePlatform platform{queue};
    Store store{transport, platform};
    test::UiHarness ui{store, queue, 1440, 2400};
    setLanguage(Language::English);
    store.start("config.json", "#/customers");
    transport.respond(0, 200, R"({"api_base_url": "/api/v1", "google_client_id": "", "demo_sign_in": true, "demo_email": "d@x.example"})");
    ui.frame(4);
    ui.click("Demo sign-in", "button");
    transport.answer("/auth/demo", 200, R"({"token": "t", "expires_at": "2026-11-27T06:00:00Z", "reseller": {"id": 1, "name": "Northwind Cloud Partners", "email": "demo@reseller.example"}})");
    ui.frame(2);

    nlohmann::json page = nlohmann::json::parse(test::readContract("customers_page.json"));
    nlohmann::json first = page["items"][0];
    page["items"] = nlohmann::json::array();
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        nlohmann::json c = first;
        c["id"] = 100 + i;
        c["name"] = kNames[i].second;
        c["organization"] = kNames[(i + 1) % kNames.size()].second;
        page["items"].push_back(c);
    }
    page["total"] = kNames.size();
    transport.answer("/customers?", 200, page.dump());
    ui.frame(3);

    // Labels are the names as written (the accessibility mirror and tests read them).
    CHECK(ui.has("שרה כהן"));
    CHECK(ui.has("محمد عبد الله"));
    CHECK(ui.has("山田太郎"));

    // The atlas as a Latin-only reseller has it (Roboto at a pixel ratio of 2), for the README.
    auto atlasBytes = [] {
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        MESSAGE("atlas " << atlas->TexWidth << " x " << atlas->TexHeight);
        return static_cast<long>(atlas->TexWidth) * atlas->TexHeight;  // one byte a texel (R8), as uploaded
    };
    ui::loadFonts(ROBOTO_DIR, 2.0f);
    long latinOnly = atlasBytes();

    ui::scriptFonts().fetchWanted(transport, 0);
    for (const char* file : {"latin-ext", "greek", "cyrillic", "hebrew", "arabic", "kana", "hangul", "han-common"})
        CHECK_MESSAGE(transport.count(std::string("fonts/") + file + ".ttf") == 1, file);
    for (int round = 0; round < 6; ++round) {
        if (answerFontRequests(transport) == 0) break;
        ui.frame();  // drains the answers
        ui::scriptFonts().fetchWanted(transport, 0);
    }
    REQUIRE(ui::scriptFonts().atlasStale());
    ui::loadFonts(ROBOTO_DIR, 2.0f);  // what the browser does before its next frame
    CHECK_FALSE(ui::scriptFonts().atlasStale());
    MESSAGE("glyph atlas at pixel ratio 2: Latin only " << latinOnly / 1024 << " KB; with these " << kNames.size()
            << " names in every script " << atlasBytes() / 1024 << " KB");

    for (ImFont* font : {ui::fonts().body, ui::fonts().medium, ui::fonts().small, ui::fonts().title}) {
        for (const auto& entry : kNames) {
            const char* script = entry.first;
            const char* name = entry.second;
            for (char32_t cp : utf8::decode(displayText(name))) {
                CAPTURE(script);
                CAPTURE(name);
                CHECK_MESSAGE(font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr,
                              "the atlas has no glyph for U+" << std::hex << unsigned(cp));
            }
        }
    }
    // A script font's em matches Roboto's: a Han character is about as wide as the font's size.
    const ImFontGlyph* han = ui::fonts().body->FindGlyphNoFallback(0x5C71);  // 山
    REQUIRE(han);
    CHECK(han->AdvanceX == doctest::Approx(15.0f / 1.32f).epsilon(0.1));
    // The Medium fonts use Roboto Medium's Greek, not the regular one.
    CHECK(ui::scriptFonts().drawnBy(U'Γ', FontWeight::Medium) == "greek-medium");
    ui::scriptFonts().reset();
    ui::loadFonts("/nonexistent", 1.0f);
}

TEST_CASE("the atlas starts with Latin-1; Latin Extended is a file of its own, fetched when a drawn name needs it") {
    ui::ScriptFonts& fonts = ui::scriptFonts();
    fonts.reset();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    MainQueue queue;
    test::FakeTransport transport{queue};
    auto has = [](char32_t cp) {
        for (ImFont* font : {ui::fonts().body, ui::fonts().medium, ui::fonts().small, ui::fonts().title})
            if (!font->FindGlyphNoFallback(static_cast<ImWchar>(cp))) return false;
        return true;
    };
    ui::loadFonts(ROBOTO_DIR, 1.0f);
    CHECK(has(U'ü'));
    CHECK(has(U'ß'));
    CHECK(has(U'€'));
    CHECK_FALSE(has(U'Ł'));  // Latin Extended-A: not until a name needs it

    fonts.need(displayText("Zoë Müller"));  // Latin-1 is in the base fonts
    fonts.fetchWanted(transport, 0);
    CHECK(transport.sent.empty());
    CHECK_FALSE(fonts.atlasStale());

    // Polish, Hungarian and Turkish letters: the Latin Extended files, regular and medium, once.
    fonts.need(displayText("Łukasz Őrs Şahin"));
    fonts.need(displayText("Łódź"));
    fonts.fetchWanted(transport, 0);
    fonts.fetchWanted(transport, 1);
    CHECK(transport.count("fonts/latin-ext.ttf") == 1);
    CHECK(transport.count("fonts/latin-ext-medium.ttf") == 1);
    CHECK(transport.sent.size() == 2);
    CHECK(answerFontRequests(transport) == 2);
    queue.drain();
    REQUIRE(fonts.atlasStale());
    ui::loadFonts(ROBOTO_DIR, 1.0f);  // the next frame rebuilds the atlas
    CHECK_FALSE(fonts.atlasStale());
    for (char32_t cp : utf8::decode(displayText("Łukasz Őrs Şahin"))) CHECK(has(cp));
    CHECK(has(U'ő'));
    CHECK(has(U'ș'));  // the whole file: Romanian comma-below letters (Latin Extended-B) too
    CHECK(has(U'Ǆ'));
    CHECK(fonts.drawnBy(U'ł', FontWeight::Medium) == "latin-ext-medium");
    CHECK(fonts.drawnBy(U'ł', FontWeight::Regular) == "latin-ext");
    // As wide as Roboto's own Latin (the file is cut from the same font at the same em).
    const ImFontGlyph* l = ui::fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(U'l'));
    const ImFontGlyph* lStroke = ui::fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(U'ł'));
    REQUIRE(l);
    REQUIRE(lStroke);
    CHECK(lStroke->AdvanceX >= l->AdvanceX);
    CHECK(lStroke->AdvanceX < l->AdvanceX * 3);

    fonts.need(displayText("Ǆemal"));  // the file is in whole: no new request, no rebuild
    fonts.fetchWanted(transport, 2);
    CHECK(transport.sent.size() == 2);
    CHECK_FALSE(fonts.atlasStale());
    // The large figures (dashboard totals, prices) hold digits, signs and currency only.
    CHECK(ui::fonts().huge->FindGlyphNoFallback(static_cast<ImWchar>(U'€')) != nullptr);
    CHECK(ui::fonts().huge->FindGlyphNoFallback(static_cast<ImWchar>(U'Ł')) == nullptr);
    ImGui::DestroyContext();
    fonts.reset();
}

TEST_CASE("the fonts the page hands over are the ones the atlas is built from (the browser has no file system)") {
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    // Nothing under this path: ImGui's own font, as when a download failed.
    ui::loadFonts("/page-fonts", 1.0f);
    CHECK(ui::fonts().body == ui::fonts().title);
    CHECK(ui::fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(U'€')) == nullptr);
    for (const char* name : {"Roboto-Regular.ttf", "Roboto-Medium.ttf"}) {
        std::string bytes = readFile(std::string(ROBOTO_DIR) + "/" + name);
        REQUIRE(!bytes.empty());
        ui::provideFontFile(std::string("/page-fonts/") + name, std::move(bytes));
    }
    ui::loadFonts("/page-fonts", 1.0f);
    CHECK(ui::fonts().body != ui::fonts().title);
    CHECK(ui::fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(U'€')) != nullptr);
    CHECK(ui::fonts().title->FontSize == doctest::Approx(24.0f));
    ui::loadFonts("/page-fonts", 2.0f);  // another pixel ratio: built again from the same bytes
    CHECK(ui::fonts().body->FindGlyphNoFallback(static_cast<ImWchar>(U'ß')) != nullptr);
    ImGui::DestroyContext();
}

TEST_CASE("a name that arrives in data fetches its small alphabet's files before it is drawn, so offline has them") {
    ui::ScriptFonts& fonts = ui::scriptFonts();
    fonts.reset();
    MainQueue queue;
    test::FakeTransport transport{queue};
    // Latin-1, an escaped quote and backslash: nothing to fetch.
    fonts.arrived(R"J({"items":[{"name":"Zoë Müller","note":"a \"quote\" and C:\\u0141 (a backslash, then u0141)"}]})J");
    fonts.fetchWanted(transport, 0);
    CHECK(transport.sent.empty());

    // As Python's json writes it (\uXXXX): Latin Extended, regular and medium, once each.
    fonts.arrived(R"J({"items":[{"name":"\u0141ukasz W\u00f3jcik"}]})J");
    fonts.arrived(R"J({"name":"\u0141\u00f3d\u017a"})J");
    fonts.fetchWanted(transport, 0);
    fonts.fetchWanted(transport, 1);
    CHECK(transport.count("fonts/latin-ext.ttf") == 1);
    CHECK(transport.count("fonts/latin-ext-medium.ttf") == 1);
    CHECK(transport.sent.size() == 2);
    CHECK_FALSE(fonts.atlasStale());  // nothing drawn yet: the atlas is not rebuilt for it

    // As UTF-8: Greek and Cyrillic; Han, Arabic and Hangul wait until drawn (their files are large).
    fonts.arrived(R"J({"items":[{"name":"Γιώργος"},{"name":"Анна"},{"name":"王小明"},{"name":"محمد"},{"name":"\u738b \uae40"}]})J");
    fonts.fetchWanted(transport, 2);
    CHECK(transport.count("fonts/greek.ttf") == 1);
    CHECK(transport.count("fonts/greek-medium.ttf") == 1);
    CHECK(transport.count("fonts/cyrillic.ttf") == 1);
    CHECK(transport.count("fonts/cyrillic-medium.ttf") == 1);
    CHECK(transport.sent.size() == 6);

    // Loaded, the file's letters are drawn from the atlas once a name needs them, with no new request.
    CHECK(answerFontRequests(transport) == 6);
    queue.drain();
    fonts.need(displayText("Łukasz"));
    fonts.fetchWanted(transport, 3);
    CHECK(transport.sent.size() == 6);
    CHECK(fonts.drawnBy(U'Ł', FontWeight::Regular) == "latin-ext");
    fonts.reset();
}
