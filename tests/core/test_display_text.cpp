#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/arabic_shaping.h"
#include "core/bidi.h"
#include "core/display_text.h"
#include "core/utf8.h"

using namespace rc;

namespace {

std::u32string u32(const char* utf8) { return utf8::decode(utf8); }

// The shown string as code points, written as hex for readable failures.
std::string hex(std::u32string_view s) {
    std::ostringstream out;
    for (char32_t c : s) out << std::hex << std::uppercase << static_cast<unsigned>(c) << ' ';
    return out.str();
}

}  // namespace

TEST_CASE("UTF-8: round trip, and malformed bytes become U+FFFD without losing what follows") {
    std::string text = "Zoë Ελένη Мария שרה محمد 山田 김민준 😀";
    CHECK(utf8::encode(utf8::decode(text)) == text);
    CHECK(utf8::decode("a\xff" "b") == U"a\uFFFDb");
    CHECK(utf8::decode("\xe4\xb8") == U"\uFFFD\uFFFD");               // cut short
    CHECK(utf8::decode("\xc0\xaf") == U"\uFFFD\uFFFD");               // overlong '/'
    CHECK(utf8::decode("\xed\xa0\x80x") == U"\uFFFD\uFFFD\uFFFDx");  // a surrogate
}

TEST_CASE("bidi: names as they are shown, left to right") {
    // Hebrew alone reads right to left: shown reversed.
    CHECK(bidi::reorder(u32("שרה כהן")) == u32("ןהכ הרש"));
    // Digits stay in reading order inside a right-to-left name.
    CHECK(bidi::reorder(u32("חברה 2024 בע\"מ")) == u32("מ\"עב 2024 הרבח"));
    // Latin inside a right-to-left name keeps its own order.
    CHECK(bidi::reorder(u32("מיקרוסופט Microsoft ישראל")) == u32("לארשי Microsoft טפוסורקימ"));
    // Brackets around right-to-left text are mirrored so they still open and close it.
    CHECK(bidi::reorder(u32("אבג (דהו)")) == u32("(והד) גבא"));
    // A Latin sentence that holds a Hebrew name: the name reverses, the sentence does not.
    CHECK(bidi::reorder(u32("Invitation sent to שרה כהן.")) == u32("Invitation sent to ןהכ הרש."));
    // Brackets holding a number after a right-to-left word go with the word.
    CHECK(bidi::reorder(u32("Name: דוד (2)")) == u32("Name: (2) דוד"));
    // Arabic-Indic digits after Arabic letters keep their order.
    CHECK(bidi::reorder(u32("شركة ٣٤٥")) == u32("٣٤٥ ةكرش"));
    // European digits after Arabic letters are Arabic numbers (W2): still left to right.
    CHECK(bidi::reorder(u32("مكتب 12")) == u32("12 بتكم"));
    // An e-mail address with an international domain inside an RTL line stays whole.
    CHECK(bidi::reorder(u32("דוד david@例え.jp")) == u32("david@例え.jp דוד"));
    // Forcing the direction: a Latin name in a right-to-left paragraph is not reversed.
    CHECK(bidi::reorder(u32("Acme GmbH"), bidi::Direction::RightToLeft) == u32("Acme GmbH"));
    CHECK(bidi::isLeftToRightOnly(u32("Zoë Ελένη Мария 山田 김민준")));
    CHECK_FALSE(bidi::isLeftToRightOnly(u32("Zoë שרה")));
}

TEST_CASE("bidi: every case of Unicode's BidiCharacterTest.txt that a line of names can hold") {
    // Lines with explicit embeddings, overrides, isolates or paragraph separators are left out:
    // those rules are not implemented (the server refuses such characters in names).
    std::ifstream in(UNICODE_DATA_DIR "/BidiCharacterTest.txt");
    REQUIRE_MESSAGE(in.good(), "install the Debian package unicode-data");
    int tested = 0, failed = 0, skipped = 0;
    std::string line, firstFailure;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ls(line);
        for (std::string part; std::getline(ls, part, ';');) f.push_back(part);
        if (f.size() < 5) continue;
        std::u32string text;
        std::stringstream cs(f[0]);
        bool unsupported = false;
        for (std::string h; cs >> h;) {
            char32_t cp = static_cast<char32_t>(std::stoul(h, nullptr, 16));
            if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2029 || cp == 0x000A ||
                cp == 0x000D || (cp >= 0x001C && cp <= 0x001E) || cp == 0x0085)
                unsupported = true;
            text.push_back(cp);
        }
        if (unsupported) {
            ++skipped;
            continue;
        }
        int dir = std::stoi(f[1]);
        bidi::Direction d = dir == 0 ? bidi::Direction::LeftToRight : dir == 1 ? bidi::Direction::RightToLeft : bidi::Direction::Auto;
        bidi::Levels got = bidi::resolve(text, d);
        std::string levels, order;
        for (int l : got.levels) levels += (levels.empty() ? "" : " ") + (l < 0 ? std::string("x") : std::to_string(l));
        for (int i : bidi::visualOrder(text, got)) order += (order.empty() ? "" : " ") + std::to_string(i);
        auto trim = [](std::string s) {
            s.erase(0, s.find_first_not_of(' '));
            s.erase(s.find_last_not_of(' ') + 1);
            return s;
        };
        ++tested;
        if (std::stoi(f[2]) != got.paragraph || trim(f[3]) != levels || trim(f[4]) != order) {
            if (++failed == 1) firstFailure = line + "  => got " + levels + " ; " + order;
        }
    }
    MESSAGE(tested << " cases tested, " << skipped << " left out");
    CHECK(tested > 50000);
    CHECK_MESSAGE(failed == 0, failed << " failed; first: " << firstFailure);
}

TEST_CASE("Arabic: letters take their joining forms, lam-alef is one ligature") {
    // م ح م د: initial, medial, medial, final
    CHECK(hex(arabic::shape(u32("محمد"))) == hex(U"\uFEE3\uFEA4\uFEE4\uFEAA"));
    // س لا م: lam + alef become the final lam-alef ligature; alef does not join forward.
    CHECK(hex(arabic::shape(u32("سلام"))) == hex(U"\uFEB3\uFEFC\uFEE1"));
    // لا alone: the isolated ligature.
    CHECK(hex(arabic::shape(u32("لا"))) == hex(U"\uFEFB"));
    // ا ل ل ه: alef isolated, lam initial, lam medial, heh final.
    CHECK(hex(arabic::shape(u32("الله"))) == hex(U"\uFE8D\uFEDF\uFEE0\uFEEA"));
    // A zero-width non-joiner (Persian) keeps the letters on each side apart.
    CHECK(hex(arabic::shape(u32("می\u200Cخواهم"))) == hex(U"\uFEE3\uFBFD\u200C\uFEA7\uFEEE\uFE8D\uFEEB\uFEE2"));
    // A vowel mark between two letters does not break their join.
    CHECK(hex(arabic::shape(u32("بَب"))) == hex(U"\uFE91\u064E\uFE90"));
    // Latin and digits pass through.
    CHECK(arabic::shape(u32("Acme 12")) == u32("Acme 12"));
}

TEST_CASE("display text: shaped, reordered, invisible characters dropped; other text unchanged") {
    CHECK(hex(utf8::decode(displayText("محمد"))) == hex(U"\uFEAA\uFEE4\uFEA4\uFEE3"));
    CHECK(hex(utf8::decode(displayText("می\u200Cخواهم"))) == hex(U"\uFEE2\uFEEB\uFE8D\uFEEE\uFEA7\uFBFD\uFEE3"));
    CHECK(displayText("שרה כהן (חברה)") == "(הרבח) ןהכ הרש");
    // A right-to-left mark sets the direction, then is not drawn.
    CHECK(displayText("\u200F123 Acme") == "Acme 123");
    for (const char* same : {"Acme GmbH", "Zoë Ελένη Мария", "山田太郎", "김민준", "müller@bücher.de", ""}) {
        CHECK_FALSE(needsDisplayForm(same));
        CHECK(displayText(same) == same);
    }
    CHECK(needsDisplayForm("שרה"));
    CHECK(needsDisplayForm("a\u200Db"));
    // Any bytes: no crash, valid UTF-8 out.
    std::string junk = "\xd7\xa9\xff\xfe\xd9\x84\xd8\xa7\xe2\x80\xae";
    CHECK(utf8::encode(utf8::decode(displayText(junk))) == displayText(junk));
}
