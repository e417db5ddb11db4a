#include "core/import_rows.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "core/validation.h"

namespace rc::import {
namespace {

// A header as it is matched: lower case, umlauts and ß as ASCII, only letters and digits
// ("E-Mail-Adresse" -> "emailadresse", "Google-Domäne" -> "googledomane").
std::string folded(const std::string& header) {
    std::string out;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(header[i]);
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
        else if (c == 0xC3 && i + 1 < header.size()) {
            const unsigned char d = static_cast<unsigned char>(header[++i]);
            if (d == 0xA4 || d == 0x84) out += 'a';       // ä Ä
            else if (d == 0xB6 || d == 0x96) out += 'o';  // ö Ö
            else if (d == 0xBC || d == 0x9C) out += 'u';  // ü Ü
            else if (d == 0x9F) out += "ss";              // ß
            else if (d == 0xA9 || d == 0x89) out += 'e';  // é É
        }
    }
    return out;
}

struct Names {
    std::vector<const char*> exact;
    std::vector<const char*> within;  // a header holding one of these (after the exact ones)
};

// What resellers' spreadsheets call each field, in English and German.
const Names kName{{"name", "contactname", "contact", "fullname", "contactperson", "kontakt", "kontaktname",
                   "ansprechpartner", "ansprechpartnerin", "ansprechperson", "vollstandigername", "vorundnachname"},
                  {}};
const Names kFirstName{{"firstname", "givenname", "vorname"}, {}};
const Names kLastName{{"lastname", "surname", "familyname", "nachname", "familienname"}, {}};
const Names kEmail{{"email", "emailaddress", "mail", "emailadresse", "mailadresse", "kontaktemail", "contactemail"},
                   {"email", "mail"}};
const Names kDomain{{"googledomain", "googledomane", "domain", "domane", "workspacedomain", "googleworkspacedomain",
                     "googleworkspacedomane", "primarydomain", "primaredomane"},
                    {"domain", "domane"}};
const Names kOrganization{{"organisation", "organization", "organisationname", "organizationname", "company",
                           "companyname", "firma", "firmenname", "unternehmen", "unternehmensname", "kunde",
                           "kundenname", "customer", "customername", "account", "accountname"},
                          {"firma", "company", "organisation", "organization", "unternehmen"}};

int find(const std::vector<std::string>& headers, const Names& names, const std::vector<int>& taken) {
    const auto free = [&](int i) { return std::find(taken.begin(), taken.end(), i) == taken.end(); };
    for (const char* name : names.exact)
        for (int i = 0; i < static_cast<int>(headers.size()); ++i)
            if (free(i) && headers[i] == name) return i;
    for (const char* part : names.within)
        for (int i = 0; i < static_cast<int>(headers.size()); ++i)
            if (free(i) && headers[i].find(part) != std::string::npos) return i;
    return kNoColumn;
}

std::string lowered(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

bool ColumnMap::complete() const {
    return (*this)[Field::Name] != kNoColumn && (*this)[Field::Email] != kNoColumn &&
           (*this)[Field::Organization] != kNoColumn;
}

ColumnMap guessColumns(const std::vector<std::string>& header) {
    std::vector<std::string> headers;
    headers.reserve(header.size());
    for (const std::string& h : header) headers.push_back(folded(h));
    ColumnMap map;
    std::vector<int> taken;
    const auto take = [&](Field f, const Names& names) {
        map[f] = find(headers, names, taken);
        if (map[f] != kNoColumn) taken.push_back(map[f]);
    };
    take(Field::Email, kEmail);
    take(Field::GoogleDomain, kDomain);
    take(Field::Organization, kOrganization);
    take(Field::Name, kName);
    if (map[Field::Name] == kNoColumn) {
        take(Field::Name, kFirstName);
        map.lastName = find(headers, kLastName, taken);
        if (map[Field::Name] == kNoColumn) {  // a last name alone is the name
            map[Field::Name] = map.lastName;
            map.lastName = kNoColumn;
        }
    }
    return map;
}

std::vector<Row> readRows(const sheet::Table& table, const ColumnMap& map) {
    std::vector<Row> rows;
    rows.reserve(table.rows.size());
    std::unordered_map<std::string, std::size_t> firstWithDomain;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        Row row;
        row.number = r + 1;
        row.line = r < table.lines.size() ? table.lines[r] : 0;
        for (std::size_t f = 0; f < kFieldCount; ++f) {
            const int column = map.column[f];
            if (column != kNoColumn) row.field[f] = validate::trim(table.cell(r, static_cast<std::size_t>(column)));
        }
        if (map.lastName != kNoColumn) {
            const std::string last = validate::trim(table.cell(r, static_cast<std::size_t>(map.lastName)));
            std::string& name = row.field[static_cast<std::size_t>(Field::Name)];
            name = name.empty() ? last : last.empty() ? name : name + " " + last;
        }
        std::string& domain = row.field[static_cast<std::size_t>(Field::GoogleDomain)];
        if (map.domainFromEmail()) {
            const std::string& email = row[Field::Email];
            const std::size_t at = email.rfind('@');
            if (at != std::string::npos) domain = email.substr(at + 1);
        }
        domain = lowered(domain);
        while (!domain.empty() && domain.back() == '.') domain.pop_back();  // as the server reads it
        if (validate::name(row[Field::Name])) row.invalid |= 1u << static_cast<unsigned>(Field::Name);
        if (validate::email(row[Field::Email])) row.invalid |= 1u << static_cast<unsigned>(Field::Email);
        if (validate::googleDomain(domain)) row.invalid |= 1u << static_cast<unsigned>(Field::GoogleDomain);
        if (validate::name(row[Field::Organization])) row.invalid |= 1u << static_cast<unsigned>(Field::Organization);
        if (row.invalid) {
            row.verdict = Verdict::Invalid;
        } else if (auto seen = firstWithDomain.find(domain); seen != firstWithDomain.end()) {
            row.verdict = Verdict::Duplicate;
            row.duplicateOf = seen->second;
        } else {
            firstWithDomain.emplace(domain, row.number);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

Summary summarize(const std::vector<Row>& rows) {
    Summary s;
    for (const Row& row : rows) {
        if (row.verdict == Verdict::Invite) ++s.invite;
        else if (row.verdict == Verdict::Invalid) ++s.invalid;
        else ++s.duplicate;
    }
    return s;
}

std::string rowJson(const Row& row) {
    nlohmann::json j = {{"row", row.number},
                        {"name", row[Field::Name]},
                        {"email", row[Field::Email]},
                        {"google_domain", row[Field::GoogleDomain]},
                        {"organization", row[Field::Organization]}};
    // A cell the reader repaired (U+FFFD) is still UTF-8; replace anything else rather than throw.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rc::import
