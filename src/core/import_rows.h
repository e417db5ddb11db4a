// An import's rows (issue 19): which columns of a spreadsheet hold the fields of New customer
// (guessed from English and German headers, changed by the reseller), and each row read with
// them and checked with New customer's rules, duplicates in the file marked. Pure; the preview
// and the batches sent to the partner API are made from these rows.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/sheet.h"

namespace rc::import {

enum class Field { Name, Email, GoogleDomain, Organization };
constexpr std::size_t kFieldCount = 4;
constexpr int kNoColumn = -1;

struct ColumnMap {
    std::array<int, kFieldCount> column{kNoColumn, kNoColumn, kNoColumn, kNoColumn};
    int lastName = kNoColumn;  // a file with first and last name apart: the name is both, joined

    int& operator[](Field f) { return column[static_cast<std::size_t>(f)]; }
    int operator[](Field f) const { return column[static_cast<std::size_t>(f)]; }
    // A file without a Google domain column takes each row's from its email address.
    bool domainFromEmail() const { return (*this)[Field::GoogleDomain] == kNoColumn; }
    bool complete() const;  // name, email and organization have a column
    bool operator==(const ColumnMap& o) const { return column == o.column && lastName == o.lastName; }
};

// The columns a header names, in English or German ("E-Mail", "Google-Domain", "Firma", "Vorname"
// and "Nachname"...); a field no header names stays without one.
ColumnMap guessColumns(const std::vector<std::string>& header);

enum class Verdict : std::uint8_t { Invite, Invalid, Duplicate };

struct Row {
    std::size_t number = 0;  // 1 for the first row under the header: the partner API's row number
    std::size_t line = 0;    // the file's line it starts on
    std::array<std::string, kFieldCount> field;  // as New customer reads them: trimmed
    Verdict verdict = Verdict::Invite;
    std::uint8_t invalid = 0;       // a bit per Field whose value New customer refuses
    std::size_t duplicateOf = 0;    // Duplicate: the earlier row with the same Google domain

    const std::string& operator[](Field f) const { return field[static_cast<std::size_t>(f)]; }
    bool invalidField(Field f) const { return invalid & (1u << static_cast<unsigned>(f)); }
};

struct Summary {
    std::size_t invite = 0, invalid = 0, duplicate = 0;
};

// Every row of the table read with `map`, each checked.
std::vector<Row> readRows(const sheet::Table& table, const ColumnMap& map);
Summary summarize(const std::vector<Row>& rows);

// The row as a batch of POST /bulk-jobs sends it: {"row", "name", "email", "google_domain",
// "organization"} (JSON text; the store's codec puts batches together).
std::string rowJson(const Row& row);

}  // namespace rc::import
