// A spreadsheet file as the reseller chose it (CSV, or what Excel saves as CSV) read into a
// header and rows of text: a pure function of the file's bytes, fuzzed (tests/fuzz, "sheet").
// Reads comma, semicolon and tab separated files (Excel's "sep=;" first line too), UTF-8 with or
// without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), and Windows-1252 (what
// German Excel saves as plain "CSV"); quoted fields with "" inside and line breaks; CRLF, LF or
// CR. A file it cannot read (empty, binary, a workbook, too large, too wide, a line too long)
// is one Problem with the line it was found on: nothing half-read.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rc::sheet {

enum class Encoding { Utf8, Utf8Bom, Utf16, Windows1252 };

enum class Problem {
    None,
    Empty,          // no bytes, or nothing but spaces and empty lines
    Binary,         // not text (an image, a PDF, a program)
    Workbook,       // an Excel workbook (.xlsx, .xls): save it as CSV first
    TooLarge,       // more bytes than Limits::maxBytes
    TooManyColumns, // a line with more than Limits::maxColumns fields
    LineTooLong,    // a line (a record) longer than Limits::maxLineBytes
    TooManyRows,    // more than Limits::maxRows rows under the header
    UnclosedQuote,  // a quoted field that never ends
    NoRows,         // a header and nothing under it
};

struct Limits {
    std::size_t maxBytes = 20u << 20;  // a file of 100,000 customers is about 15 MB
    std::size_t maxColumns = 100;
    std::size_t maxLineBytes = 10000;
    std::size_t maxRows = 100000;      // the partner API's rows per import
};

struct Table {
    Encoding encoding = Encoding::Utf8;
    char separator = ',';
    std::vector<std::string> header;             // trimmed
    std::vector<std::vector<std::string>> rows;  // as written (no trimming), UTF-8
    std::vector<std::size_t> lines;              // the file line each row starts on (the header's is 1)

    // The row's field in `column`, "" where the row is shorter.
    const std::string& cell(std::size_t row, std::size_t column) const;
};

struct Result {
    Problem problem = Problem::None;
    std::size_t line = 0;  // where the problem was found (0: the file as a whole)
    Table table;
    bool ok() const { return problem == Problem::None; }
};

Result parse(std::string_view bytes, const Limits& limits = {});

// The file's bytes as UTF-8 text, and how they were written (exposed for the tests and the fuzzer).
struct Decoded {
    Problem problem = Problem::None;
    Encoding encoding = Encoding::Utf8;
    std::string text;
};
Decoded decode(std::string_view bytes);

}  // namespace rc::sheet
