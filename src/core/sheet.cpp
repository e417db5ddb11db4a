#include "core/sheet.h"

#include <algorithm>
#include <cstdint>

namespace rc::sheet {
namespace {

// Windows-1252's 0x80..0x9F (WHATWG's table: the five it leaves out stay C1 controls).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The length of the well-formed UTF-8 sequence at s[i] (no overlongs, surrogates or code
// points past U+10FFFF), or 0.
std::size_t sequenceAt(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;  // the second byte's range
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c == 0xED) n = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else return 0;
    if (i + n > s.size() || b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((b(k) & 0xC0) != 0x80) return 0;
    return n;
}

bool wellFormed(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = sequenceAt(s, i);
        if (!n) return false;
        i += n;
    }
    return true;
}

// UTF-8 with every malformed byte as U+FFFD.
std::string repaired(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = sequenceAt(s, i);
        if (n) {
            out.append(s.substr(i, n));
            i += n;
        } else {
            append(out, 0xFFFD);
            ++i;
        }
    }
    return out;
}

std::string fromWindows1252(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c < 0x80) out += ch;
        else if (c < 0xA0) append(out, kCp1252High[c - 0x80]);
        else append(out, c);
    }
    return out;
}

std::string fromUtf16(std::string_view s, bool bigEndian) {
    std::string out;
    out.reserve(s.size());
    const auto unit = [&](std::size_t i) -> char32_t {
        const unsigned char a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
        return bigEndian ? (a << 8 | b) : (b << 8 | a);
    };
    std::size_t i = 0;
    for (; i + 1 < s.size(); i += 2) {
        char32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < s.size()) {
            char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                append(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
                i += 2;
                continue;
            }
        }
        append(out, (u >= 0xD800 && u <= 0xDFFF) ? 0xFFFD : u);
    }
    if (i < s.size()) append(out, 0xFFFD);  // half a code unit at the end
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

// Text whose control characters (not tab, line feed or carriage return) are more than a few: a
// binary file read as text. A stray one in a cell is left to the field's own rules.
bool looksBinary(std::string_view text) {
    std::size_t controls = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0) return true;
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) ++controls;
        // C1 controls (U+0080..U+009F) as UTF-8: C2 80..C2 9F.
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) < 0xA0) ++controls;
    }
    return controls > std::max<std::size_t>(8, text.size() / 100);
}

std::string trimmed(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    std::string out = s.substr(b, e - b);
    if (startsWith(out, "\xEF\xBB\xBF")) out.erase(0, 3);  // a byte-order mark written twice
    return out;
}

bool blank(const std::vector<std::string>& fields) {
    return std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
        return std::all_of(f.begin(), f.end(), [](char c) { return c == ' ' || c == '\t'; });
    });
}

// Reads records (a line, or several when a quoted field holds line breaks) one at a time.
class Records {
public:
    Records(std::string_view text, char separator, const Limits& limits, std::size_t firstLine, std::size_t at)
        : s_(text), sep_(separator), limits_(limits), line_(firstLine), i_(at) {}

    bool done() const { return i_ >= s_.size(); }
    std::size_t line() const { return line_; }

    // The next record's fields and the line it starts on; false with problem() set when the
    // file cannot be read on.
    bool next(std::vector<std::string>& fields, std::size_t& startLine) {
        fields.clear();
        startLine = line_;
        const std::size_t start = i_;
        std::string field;
        bool quoted = false, opened = false;
        std::size_t quoteLine = line_;
        while (i_ < s_.size()) {
            if (i_ - start > limits_.maxLineBytes) return fail(Problem::LineTooLong, startLine);
            const char c = s_[i_];
            if (quoted) {
                if (c == '"') {
                    if (i_ + 1 < s_.size() && s_[i_ + 1] == '"') {
                        field += '"';
                        i_ += 2;
                    } else {
                        quoted = false;
                        ++i_;
                    }
                } else if (c == '\r' || c == '\n') {
                    field += '\n';  // a line break inside a cell, whichever the file uses
                    i_ += (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ? 2 : 1;
                    ++line_;
                } else {
                    field += c;
                    ++i_;
                }
                continue;
            }
            if (c == sep_) {
                if (!push(fields, field, startLine)) return false;
                opened = false;
                ++i_;
            } else if (c == '"' && field.empty() && !opened) {
                quoted = opened = true;
                quoteLine = line_;
                ++i_;
            } else if (c == '\r' || c == '\n') {
                i_ += (c == '\r' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n') ? 2 : 1;
                ++line_;
                break;
            } else {
                field += c;
                ++i_;
            }
        }
        if (quoted) return fail(Problem::UnclosedQuote, quoteLine);
        if (i_ - start > limits_.maxLineBytes + 2) return fail(Problem::LineTooLong, startLine);
        return push(fields, field, startLine);
    }

    Problem problem() const { return problem_; }
    std::size_t problemLine() const { return problemLine_; }

private:
    bool push(std::vector<std::string>& fields, std::string& field, std::size_t startLine) {
        if (fields.size() >= limits_.maxColumns) return fail(Problem::TooManyColumns, startLine);
        fields.push_back(std::move(field));
        field.clear();
        return true;
    }
    bool fail(Problem p, std::size_t line) {
        problem_ = p;
        problemLine_ = line;
        return false;
    }

    std::string_view s_;
    char sep_;
    const Limits& limits_;
    std::size_t line_;
    std::size_t i_;
    Problem problem_ = Problem::None;
    std::size_t problemLine_ = 0;
};

// The separator the first record uses most, outside quotes: ';' (German Excel), ',' or tab.
char detectSeparator(std::string_view text, std::size_t at) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (std::size_t i = at; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') quoted = !quoted;
        else if (quoted) continue;
        else if (c == '\n' || c == '\r') {
            if (commas + semicolons + tabs) break;  // an empty first line says nothing
        } else if (c == ',') ++commas;
        else if (c == ';') ++semicolons;
        else if (c == '\t') ++tabs;
    }
    if (tabs > commas && tabs > semicolons) return '\t';
    return semicolons >= commas && semicolons ? ';' : ',';
}

}  // namespace

const std::string& Table::cell(std::size_t row, std::size_t column) const {
    static const std::string kNone;
    if (row >= rows.size() || column >= rows[row].size()) return kNone;
    return rows[row][column];
}

Decoded decode(std::string_view bytes) {
    Decoded out;
    if (startsWith(bytes, "PK\x03\x04") || startsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        out.problem = Problem::Workbook;
        return out;
    }
    if (startsWith(bytes, "%PDF") || startsWith(bytes, "\x89PNG") || startsWith(bytes, "GIF8") ||
        startsWith(bytes, "\xFF\xD8\xFF")) {
        out.problem = Problem::Binary;
        return out;
    }
    if (startsWith(bytes, "\xFF\xFE") || startsWith(bytes, "\xFE\xFF")) {
        out.encoding = Encoding::Utf16;
        out.text = fromUtf16(bytes.substr(2), bytes[0] == '\xFE');
    } else if (startsWith(bytes, "\xEF\xBB\xBF")) {
        out.encoding = Encoding::Utf8Bom;
        out.text = repaired(bytes.substr(3));
    } else if (wellFormed(bytes)) {
        out.text = std::string(bytes);
    } else {
        out.encoding = Encoding::Windows1252;
        out.text = fromWindows1252(bytes);
    }
    if (looksBinary(out.text)) {
        out.problem = Problem::Binary;
        out.text.clear();
    }
    return out;
}

Result parse(std::string_view bytes, const Limits& limits) {
    Result result;
    if (bytes.size() > limits.maxBytes) {
        result.problem = Problem::TooLarge;
        return result;
    }
    Decoded decoded = decode(bytes);
    if (decoded.problem != Problem::None) {
        result.problem = decoded.problem;
        return result;
    }
    Table& table = result.table;
    table.encoding = decoded.encoding;
    const std::string_view text = decoded.text;
    std::size_t at = 0, line = 1;
    // Excel's own way to name the separator: a first line "sep=;".
    if (text.size() >= 5 && startsWith(text, "sep=") && (text.size() == 5 || text[5] == '\r' || text[5] == '\n') &&
        (text[4] == ',' || text[4] == ';' || text[4] == '\t' || text[4] == '|')) {
        table.separator = text[4];
        at = text.size() == 5 ? 5 : (text[5] == '\r' && text.size() > 6 && text[6] == '\n' ? 7 : 6);
        line = 2;
    } else {
        table.separator = detectSeparator(text, 0);
    }
    Records records(text, table.separator, limits, line, at);
    std::vector<std::string> fields;
    std::size_t start = 0;
    bool headed = false;
    while (!records.done()) {
        if (!records.next(fields, start)) {
            result.problem = records.problem();
            result.line = records.problemLine();
            result.table = Table{};
            return result;
        }
        if (blank(fields)) continue;  // empty lines, and Excel's ";;;;" under the last row
        if (!headed) {
            for (const std::string& f : fields) table.header.push_back(trimmed(f));
            headed = true;
            continue;
        }
        if (table.rows.size() >= limits.maxRows) {
            result.problem = Problem::TooManyRows;
            result.line = start;
            result.table = Table{};
            return result;
        }
        table.rows.push_back(fields);
        table.lines.push_back(start);
    }
    if (!headed) {
        result.problem = Problem::Empty;
        result.table = Table{};
    } else if (table.rows.empty()) {
        result.problem = Problem::NoRows;
        result.table = Table{};
    }
    return result;
}

}  // namespace rc::sheet
