// What the console says for every error it can get, in the reader's language: one table from
// the error's code (and, for validation_failed, the field's name) to a text. The server's own
// (English) words are shown only for a code this table does not know. tests/core/
// test_error_text.cpp checks that every code and field the OpenAPI document names has a row.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "core/i18n.h"
#include "core/model.h"

namespace rc {

struct ErrorTextRow {
    const char* code;   // the error's code (the server's, or the console's own: network_error...)
    const char* field;  // validation_failed: the field (a body member, query or header); else ""
    Text text;
};

// Every row, for the tests and the docs.
const ErrorTextRow* errorTextRows(std::size_t& count);

// The text for a code, or for a field of validation_failed; nullopt when the table has none.
std::optional<Text> errorText(const std::string& code, const std::string& field = {});

// One field's problem in the current language; a nested field (billing.address.city) by its
// last part when the table has no row for the whole name (the server's words only for a field the table
// does not know).
std::string describeFieldError(const std::string& field, const std::string& serverMessage);

}  // namespace rc
