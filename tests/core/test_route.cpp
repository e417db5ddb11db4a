#include <doctest/doctest.h>

#include "core/route.h"

using namespace rc;

TEST_CASE("routes round-trip through the address bar") {
    Route r;
    r.screen = Screen::Customers;
    r.customers.search = "Müller & Söhne";
    r.customers.status = "active";
    r.customers.sort = "-licenses";
    std::string hash = r.toHash();
    CHECK(hash == "#/customers?q=M%C3%BCller%20%26%20S%C3%B6hne&status=active&sort=-licenses");
    Route back = Route::fromHash(hash);
    CHECK(back.screen == Screen::Customers);
    CHECK(back.customers == r.customers);

    Route inv;
    inv.screen = Screen::Invoices;
    inv.invoiceId = 12;
    inv.invoices.customerId = 42;
    inv.invoices.status = "overdue";
    inv.invoices.from = "2026-01-01";
    CHECK(inv.toHash() == "#/invoices/12?customer=42&status=overdue&from=2026-01-01");
    CHECK(Route::fromHash(inv.toHash()) == inv);
    CHECK(Route::fromHash("#/customers/42").customerId == 42);
    CHECK(Route::fromHash("#/customers/42").screen == Screen::Customer);
    // Every status the filter offers survives a reload (suspended and declined since issue 23).
    for (const char* status : {"invited", "active", "suspended", "revoked", "declined", "cancelled"})
        CHECK(Route::fromHash(std::string("#/customers?status=") + status).customers.status == status);

    // An invoice opened from a customer's page is over that page, with an address of its own.
    Route over = Route::fromHash("#/customers/42/invoices/12");
    CHECK(over.screen == Screen::Customer);
    CHECK(over.customerId == 42);
    CHECK(over.invoiceId == 12);
    CHECK(over.toHash() == "#/customers/42/invoices/12");
    CHECK(Route::fromHash("#/customers/42/invoices/x").invoiceId == 0);
    CHECK(Route::fromHash("#/customers/42/invoices/x").toHash() == "#/customers/42");
}

TEST_CASE("anything malformed in the address falls back safely") {
    CHECK(Route::fromHash("").screen == Screen::Dashboard);
    CHECK(Route::fromHash("#/nowhere").screen == Screen::Dashboard);
    CHECK(Route::fromHash("#/customers/abc").screen == Screen::Dashboard);
    CHECK(Route::fromHash("#/customers/-1").screen == Screen::Dashboard);
    CHECK(Route::fromHash("#/customers/99999999999999999999").screen == Screen::Dashboard);
    CHECK(Route::fromHash("#/customers/9223372036854775808").screen == Screen::Dashboard);  // beyond int64
    Route r = Route::fromHash("#/customers?status=deleted&sort=drop%20table&q=%ZZ");
    CHECK(r.screen == Screen::Customers);
    CHECK(r.customers.status.empty());
    CHECK(r.customers.sort == "name");
    CHECK(r.customers.search == "%ZZ");
    Route i = Route::fromHash("#/invoices?from=2026-13&to=yesterday&customer=x");
    CHECK(i.invoices.from.empty());
    CHECK(i.invoices.to.empty());
    CHECK(i.invoices.customerId == 0);
    // Days the calendar lacks, and a range that ends before it starts, never reach the server
    // (its English 422 emptied the table).
    Route j = Route::fromHash("#/invoices?from=2026-02-30&to=2026-99-99");
    CHECK(j.invoices.from.empty());
    CHECK(j.invoices.to.empty());
    Route k = Route::fromHash("#/invoices?from=2026-11-10&to=2026-11-01");
    CHECK(k.invoices.from == "2026-11-10");
    CHECK(k.invoices.to.empty());
}

TEST_CASE("any id the server hands out survives a reload, and a long search is cut between characters") {
    Route r;
    r.screen = Screen::Invoices;
    r.invoiceId = 9223372036854775807;
    r.invoices.customerId = 7233189368698986866;
    CHECK(Route::fromHash(r.toHash()) == r);
    CHECK(Route::fromHash("#/customers/1234567890123456789").customerId == 1234567890123456789);

    std::string longSearch;
    for (int i = 0; i < 250; ++i) longSearch += "\xc3\xbc";  // 250 characters, 500 bytes
    Route s;
    s.screen = Screen::Customers;
    s.customers.search = longSearch;
    std::string kept = Route::fromHash(s.toHash()).customers.search;
    CHECK(kept == longSearch.substr(0, 400));  // the server's limit: 200 characters
}

TEST_CASE("the dashboard's address keeps whose activity it shows; the Team screen has its own") {
    Route r = Route::fromHash("#/dashboard?actor=priya.nair%40reseller.example");
    CHECK(r.screen == Screen::Dashboard);
    CHECK(r.actor == "priya.nair@reseller.example");
    CHECK(Route::fromHash(r.toHash()).actor == r.actor);
    CHECK(Route::fromHash("#/dashboard").actor.empty());
    CHECK(Route::fromHash("#/dashboard?actor=nobody").actor.empty());  // not an email: no filter
    CHECK(Route::fromHash("#/dashboard?actor=" + std::string(300, 'a') + "@x.example").actor.empty());
    CHECK(Route::fromHash("#/team").screen == Screen::Team);
    CHECK(Route::fromHash("#/team/5").screen == Screen::Dashboard);
}
