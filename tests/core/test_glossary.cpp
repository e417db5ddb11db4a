// One word for one thing: every German text of the console against the glossary
// (src/core/texts/GLOSSARY.md): none holds a word the glossary rules out, a text whose English
// names a "same" term names it in German too, and the typography is German.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/i18n.h"

using namespace rc;

namespace {

struct Term {
    std::vector<std::string> english, german, never;
    bool same = false;
};

std::string trim(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && s[start] == ' ') ++start;
    return s.substr(start);
}

// `Quoted` phrases (which may hold commas), else the comma-separated words.
std::vector<std::string> words(const std::string& cell) {
    std::vector<std::string> out;
    if (cell.find('`') != std::string::npos) {
        for (std::size_t open = cell.find('`'); open != std::string::npos; open = cell.find('`', open + 1)) {
            std::size_t close = cell.find('`', open + 1);
            REQUIRE(close != std::string::npos);
            out.push_back(cell.substr(open + 1, close - open - 1));
            open = close;
        }
        return out;
    }
    std::stringstream in(cell);
    std::string part;
    while (std::getline(in, part, ','))
        if (!trim(part).empty()) out.push_back(trim(part));
    return out;
}

// The English term's words without what the column adds in parentheses ("plan (Basic, ...)").
std::string withoutNote(const std::string& cell) {
    std::size_t open = cell.find('(');
    return open == std::string::npos ? cell : cell.substr(0, open);
}

std::vector<Term> glossary() {
    std::ifstream in(GLOSSARY_MD);
    REQUIRE(in.good());
    std::vector<Term> terms;
    std::string line;
    bool table = false;
    while (std::getline(in, line)) {
        if (line.rfind("|---", 0) == 0) {
            table = true;
            continue;
        }
        if (!table || line.rfind("| ", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream row(line.substr(1));
        std::string cell;
        while (std::getline(row, cell, '|')) cells.push_back(trim(cell));
        REQUIRE(cells.size() >= 4);
        Term t;
        t.english = words(withoutNote(cells[0]));
        t.german = words(cells[1]);
        t.never = words(cells[2]);
        t.same = cells[3] == "same";
        terms.push_back(t);
    }
    return terms;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

// Letters of any script, digits and the hyphen belong to a word (E-Mail is one word).
bool wordByte(char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

bool holdsWord(const std::string& text, const std::string& word) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        bool before = at > 0 && wordByte(text[at - 1]) && wordByte(word.front());
        std::size_t end = at + word.size();
        bool after = end < text.size() && wordByte(text[end]) && wordByte(word.back());
        if (!before && !after) return true;
    }
    return false;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("the glossary is read whole") {
    std::vector<Term> terms = glossary();
    REQUIRE(terms.size() > 20);
    int same = 0;
    for (const Term& t : terms) {
        CHECK_FALSE(t.english.empty());
        CHECK_FALSE(t.german.empty());
        same += t.same;
    }
    CHECK(same >= 5);
    CHECK(holdsWord("Das Abo endet.", "Abo"));
    CHECK_FALSE(holdsWord("Das Abonnement endet.", "Abo"));
    CHECK_FALSE(holdsWord("Ihre E-Mail", "Mail"));
    CHECK_FALSE(holdsWord("zur Verlängerung geplant", "Plan"));
}

TEST_CASE("no German text uses a word the glossary rules out") {
    std::vector<Term> terms = glossary();
    for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
        std::string de = tr(static_cast<Text>(i), Language::German);
        CAPTURE(de);
        for (const Term& t : terms)
            for (const std::string& never : t.never) {
                CAPTURE(never);
                CHECK_FALSE(holdsWord(de, never));
            }
    }
}

TEST_CASE("a term the English text names is named in German with the glossary's word") {
    std::vector<Term> terms = glossary();
    for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
        std::string en = lower(tr(static_cast<Text>(i), Language::English));
        std::string de = lower(tr(static_cast<Text>(i), Language::German));
        for (const Term& t : terms) {
            if (!t.same) continue;
            bool named = false;
            for (const std::string& w : t.english) named = named || holdsWord(en, lower(w));
            if (!named) continue;
            bool said = false;
            for (const std::string& w : t.german) said = said || de.find(lower(w)) != std::string::npos;
            CAPTURE(en);
            CAPTURE(de);
            CAPTURE(t.german.front());
            CHECK(said);
        }
    }
}

TEST_CASE("German texts are set in German typography and address the reader as Sie") {
    for (std::size_t i = 0; i < static_cast<std::size_t>(Text::Count_); ++i) {
        std::string de = tr(static_cast<Text>(i), Language::German);
        CAPTURE(de);
        CHECK(de.find('"') == std::string::npos);                 // „so“, not "so"
        CHECK(de.find("\xe2\x80\x9d") == std::string::npos);      // nor ”so”
        CHECK(count(de, "\xe2\x80\x9e") == count(de, "\xe2\x80\x9c"));  // every „ is closed by “
        CHECK(de.find("...") == std::string::npos);               // one character: …
        std::size_t dots = de.find("\xe2\x80\xa6");
        if (dots != std::string::npos && dots > 0) CHECK(de[dots - 1] == ' ');  // "Wird geladen …"
    }
}
