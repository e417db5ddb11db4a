// The spreadsheet reader (src/core/sheet.*) over every kind of file the import meets, good and
// bad, and the import's rows (src/core/import_rows.*): columns guessed from English and German
// headers, New customer's rules per row, duplicates in the file.
#include <doctest/doctest.h>

#include <string>

#include "core/i18n.h"
#include "core/import_rows.h"
#include "core/sheet.h"

using namespace rc;
using rc::import::Field;
using rc::import::Verdict;

namespace {

std::string cp1252(const std::string& latin) { return latin; }  // the literal already holds the bytes

std::vector<std::string> row(const sheet::Result& r, std::size_t i) { return r.table.rows.at(i); }

}  // namespace

TEST_CASE("a plain CSV: comma, UTF-8, LF") {
    auto r = sheet::parse("Name,E-Mail,Google-Domain,Organisation\nJürgen Müller,j@mueller-bau.de,mueller-bau.de,Müller Bau GmbH\n");
    REQUIRE(r.ok());
    CHECK(r.table.separator == ',');
    CHECK(r.table.encoding == sheet::Encoding::Utf8);
    CHECK(r.table.header == std::vector<std::string>{"Name", "E-Mail", "Google-Domain", "Organisation"});
    REQUIRE(r.table.rows.size() == 1);
    CHECK(row(r, 0) == std::vector<std::string>{"Jürgen Müller", "j@mueller-bau.de", "mueller-bau.de", "Müller Bau GmbH"});
    CHECK(r.table.lines == std::vector<std::size_t>{2});
}

TEST_CASE("German Excel: semicolons, Windows-1252, CRLF, a last line of separators") {
    // "Müller" and "Weiß" as Windows-1252 bytes (0xFC, 0xDF), as German Excel saves "CSV (Trennzeichen-getrennt)".
    auto r = sheet::parse(cp1252("Name;E-Mail;Firma\r\nJ\xFCrgen M\xFCller;j@mueller.de;Wei\xDF & S\xF6hne \x80\r\n;;\r\n"));
    REQUIRE(r.ok());
    CHECK(r.table.separator == ';');
    CHECK(r.table.encoding == sheet::Encoding::Windows1252);
    REQUIRE(r.table.rows.size() == 1);
    CHECK(row(r, 0) == std::vector<std::string>{"Jürgen Müller", "j@mueller.de", "Weiß & Söhne €"});
}

TEST_CASE("UTF-8 with a byte-order mark, quoted fields with separators, quotes and line breaks") {
    auto r = sheet::parse("\xEF\xBB\xBFName;Organisation;Notiz\r\n"
                          "\"Müller, Jürgen\";\"Bau \"\"Nord\"\" GmbH; Hamburg\";\"zwei\r\nZeilen\"\r\n"
                          "Zoë;Café;\r\n");
    REQUIRE(r.ok());
    CHECK(r.table.encoding == sheet::Encoding::Utf8Bom);
    CHECK(r.table.header.front() == "Name");  // no byte-order mark in the first header
    REQUIRE(r.table.rows.size() == 2);
    CHECK(row(r, 0) == std::vector<std::string>{"Müller, Jürgen", "Bau \"Nord\" GmbH; Hamburg", "zwei\nZeilen"});
    CHECK(r.table.lines == std::vector<std::size_t>{2, 4});  // the second row starts after the line break
    CHECK(r.table.cell(1, 2) == "");
    CHECK(r.table.cell(1, 7) == "");  // past the row's end
}

TEST_CASE("Excel's sep= line, tabs, CR-only lines, UTF-16 with a byte-order mark") {
    auto sep = sheet::parse("sep=;\r\nName;Domain\r\nA,B;c.de\r\n");
    REQUIRE(sep.ok());
    CHECK(sep.table.separator == ';');
    CHECK(row(sep, 0) == std::vector<std::string>{"A,B", "c.de"});
    CHECK(sep.table.lines == std::vector<std::size_t>{3});

    auto tabs = sheet::parse("Name\tE-Mail\rA\ta@b.de\rB\tb@c.de");
    REQUIRE(tabs.ok());
    CHECK(tabs.table.separator == '\t');
    CHECK(tabs.table.rows.size() == 2);

    // "Name\tMü\r\n" as Excel's "Unicode text" (UTF-16LE with a byte-order mark).
    std::string utf16("\xFF\xFE", 2);
    for (char16_t c : std::u16string(u"Name\tFirma\r\nJ\u00fcrgen\tCaf\u00e9\r\n")) {
        utf16 += static_cast<char>(c & 0xFF);
        utf16 += static_cast<char>(c >> 8);
    }
    auto wide = sheet::parse(utf16);
    REQUIRE(wide.ok());
    CHECK(wide.table.encoding == sheet::Encoding::Utf16);
    CHECK(row(wide, 0) == std::vector<std::string>{"Jürgen", "Café"});
}

TEST_CASE("files the import cannot read are one plain problem, and nothing of them") {
    CHECK(sheet::parse("").problem == sheet::Problem::Empty);
    CHECK(sheet::parse("\r\n  \n;;;\n").problem == sheet::Problem::Empty);
    CHECK(sheet::parse("\xEF\xBB\xBF").problem == sheet::Problem::Empty);
    CHECK(sheet::parse("Name;E-Mail\r\n").problem == sheet::Problem::NoRows);

    std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    CHECK(sheet::parse(png).problem == sheet::Problem::Binary);
    std::string random;
    for (int i = 0; i < 4096; ++i) random += static_cast<char>((i * 7919 + 13) % 256);
    CHECK(sheet::parse(random).problem == sheet::Problem::Binary);
    CHECK(sheet::parse(std::string("Name\nA\0B\n", 9)).problem == sheet::Problem::Binary);
    CHECK(sheet::parse("PK\x03\x04\x14\x00rest of a zip").problem == sheet::Problem::Workbook);
    CHECK(sheet::parse("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 an old .xls").problem == sheet::Problem::Workbook);

    // 50 MB: refused by its size before a byte is read.
    std::string big(50u << 20, 'a');
    auto tooLarge = sheet::parse(big);
    CHECK(tooLarge.problem == sheet::Problem::TooLarge);
    CHECK(tooLarge.table.rows.empty());

    // 200 columns.
    std::string wide = "h0";
    for (int i = 1; i < 200; ++i) wide += ",h" + std::to_string(i);
    auto tooWide = sheet::parse(wide + "\n1,2\n");
    CHECK(tooWide.problem == sheet::Problem::TooManyColumns);
    CHECK(tooWide.line == 1);

    // A row of 100,000 characters, on line 3.
    auto tooLong = sheet::parse("Name,Firma\nA,B\n" + std::string(100000, 'x') + ",C\nD,E\n");
    CHECK(tooLong.problem == sheet::Problem::LineTooLong);
    CHECK(tooLong.line == 3);
    CHECK(tooLong.table.rows.empty());

    auto unclosed = sheet::parse("Name,Firma\nA,\"B\nC,D\n");
    CHECK(unclosed.problem == sheet::Problem::UnclosedQuote);
    CHECK(unclosed.line == 2);

    sheet::Limits few;
    few.maxRows = 2;
    CHECK(sheet::parse("h\n1\n2\n", few).ok());
    auto tooMany = sheet::parse("h\n1\n2\n3\n", few);
    CHECK(tooMany.problem == sheet::Problem::TooManyRows);
    CHECK(tooMany.line == 4);
}

TEST_CASE("text that is not UTF-8 is read as Windows-1252; broken UTF-8 after a byte-order mark is repaired") {
    auto d = sheet::decode("Caf\xE9");
    CHECK(d.encoding == sheet::Encoding::Windows1252);
    CHECK(d.text == "Café");
    auto overlong = sheet::decode("\xC0\xAF");  // never valid UTF-8
    CHECK(overlong.encoding == sheet::Encoding::Windows1252);
    auto repaired = sheet::decode("\xEF\xBB\xBF" "ok \xE2\x82");
    CHECK(repaired.encoding == sheet::Encoding::Utf8Bom);
    CHECK(repaired.text == "ok \xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("columns are guessed from English and German headers") {
    auto german = import::guessColumns({"Firma", "Ansprechpartner", "E-Mail-Adresse", "Google-Domäne", "Notiz"});
    CHECK(german[Field::Organization] == 0);
    CHECK(german[Field::Name] == 1);
    CHECK(german[Field::Email] == 2);
    CHECK(german[Field::GoogleDomain] == 3);
    CHECK(german.complete());

    auto english = import::guessColumns({"Email address", "Company", "Contact name", "Google domain"});
    CHECK(english[Field::Email] == 0);
    CHECK(english[Field::Organization] == 1);
    CHECK(english[Field::Name] == 2);
    CHECK(english[Field::GoogleDomain] == 3);

    auto split = import::guessColumns({"Vorname", "Nachname", "E-Mail (geschäftlich)", "Unternehmen"});
    CHECK(split[Field::Name] == 0);
    CHECK(split.lastName == 1);
    CHECK(split[Field::Email] == 2);
    CHECK(split[Field::Organization] == 3);
    CHECK(split.domainFromEmail());

    auto none = import::guessColumns({"Spalte 1", "Spalte 2"});
    CHECK_FALSE(none.complete());
    CHECK(none[Field::Name] == import::kNoColumn);
}

TEST_CASE("rows are read with the map and checked with New customer's rules") {
    setLanguage(Language::English);
    auto table = sheet::parse(
                     "Vorname;Nachname;E-Mail;Firma\n"
                     "Jürgen;Müller; j.mueller@Mueller-Bau.DE ;Müller Bau GmbH\n"
                     ";;kein-at-zeichen;\n"
                     "Sophie;Weiß;s@mueller-bau.de;Weiß KG\n"
                     "Lena;Vogel;lena@vogel-optik.de;Vogel Optik\n")
                     .table;
    auto map = import::guessColumns(table.header);
    auto rows = import::readRows(table, map);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0][Field::Name] == "Jürgen Müller");
    CHECK(rows[0][Field::Email] == "j.mueller@Mueller-Bau.DE");
    CHECK(rows[0][Field::GoogleDomain] == "mueller-bau.de");  // from the email, as no column names it
    CHECK(rows[0].verdict == Verdict::Invite);
    CHECK(rows[1].verdict == Verdict::Invalid);
    CHECK(rows[1].invalidField(Field::Name));
    CHECK(rows[1].invalidField(Field::Email));
    CHECK(rows[1].invalidField(Field::Organization));
    CHECK(rows[2].verdict == Verdict::Duplicate);  // the same Google domain as row 1
    CHECK(rows[2].duplicateOf == 1);
    CHECK(rows[3].verdict == Verdict::Invite);
    CHECK(rows[3].number == 4);
    CHECK(rows[3].line == 5);
    auto summary = import::summarize(rows);
    CHECK(summary.invite == 2);
    CHECK(summary.invalid == 1);
    CHECK(summary.duplicate == 1);
    CHECK(import::rowJson(rows[0]) ==
          R"({"email":"j.mueller@Mueller-Bau.DE","google_domain":"mueller-bau.de","name":"Jürgen Müller","organization":"Müller Bau GmbH","row":1})");
}

TEST_CASE("10,000 rows read quickly enough to preview at once") {
    std::string file = "Name;E-Mail;Google-Domain;Firma\r\n";
    for (int i = 0; i < 10000; ++i)
        file += "Kunde " + std::to_string(i) + ";it@kunde-" + std::to_string(i) + ".de;kunde-" + std::to_string(i) +
                ".de;Kunde " + std::to_string(i) + " GmbH\r\n";
    auto parsed = sheet::parse(file);
    REQUIRE(parsed.ok());
    auto rows = import::readRows(parsed.table, import::guessColumns(parsed.table.header));
    CHECK(rows.size() == 10000);
    CHECK(import::summarize(rows).invite == 10000);
}
