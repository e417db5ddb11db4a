// Days by the server's date (FOLLOWUPS 11): the Date header read as the server writes it, and a
// device whose clock is off counting a trial's days left as the server does.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/http_date.h"
#include "core/i18n.h"
#include "core/status_presentation.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;
using json = nlohmann::json;

TEST_CASE("server date: the Date header is read as the server writes it, anything else is none") {
    CHECK(parseHttpDate("Mon, 07 Dec 2026 17:00:00 GMT") == 1796662800000);
    CHECK(parseHttpDate("Thu, 01 Jan 1970 00:00:01 GMT") == 1000);
    CHECK(parseHttpDate("Mon, 29 Feb 2028 23:59:59 GMT") == 1835481599000);
    CHECK(parseHttpDate("") == 0);
    CHECK(parseHttpDate("Mon, 07 Dez 2026 17:00:00 GMT") == 0);
    CHECK(parseHttpDate("Monday, 07-Dec-26 17:00:00 GMT") == 0);
    CHECK(parseHttpDate("Mon, 07 Dec 2026 17:00:00 CET") == 0);
    CHECK(parseHttpDate("Mon, 07 Dec 2026 25:00:00 GMT") == 0);
    CHECK(dateHeaderOf("content-type: application/json\r\ndate: Mon, 07 Dec 2026 17:00:00 GMT\r\nx-request-id: a\r\n") ==
          "Mon, 07 Dec 2026 17:00:00 GMT");
    CHECK(dateHeaderOf("Content-Type: text/plain\r\nDate:Mon, 07 Dec 2026 17:00:00 GMT") == "Mon, 07 Dec 2026 17:00:00 GMT");
    CHECK(dateHeaderOf("x-date: no\r\n").empty());
}

TEST_CASE("server date: a trial's days left are counted from the server's date, not the device's skewed clock") {
    setLanguage(Language::English);
    test::Fixture f;
    // The device's clock is five weeks ahead; the server says 7 December 2026.
    f.platform.wallClock = parseHttpDate("Mon, 11 Jan 2027 09:00:00 GMT");
    f.transport.serverDate = parseHttpDate("Mon, 07 Dec 2026 09:00:00 GMT");
    CHECK(f.store.today() == "2027-01-11");  // nothing heard from the server yet: the device's day
    json c = json::parse(test::readContract("customer.json"));
    c["id"] = 7;
    c["subscription"]["status"] = "trial";
    c["subscription"]["term_end"] = "2026-12-20";
    c["subscription"]["trial_ends_on"] = "2026-12-20";
    f.signIn("#/customers/7");
    f.transport.answer("/customers/7", 200, c.dump());
    f.queue.drain();
    CHECK(f.store.today() == "2026-12-07");
    const Customer& shown = *f.store.state().customer.customer;
    CHECK(presentStatus(shown, f.store.today()).detail == "14 days left");
    // By the device's clock the trial would be over, and the page would say nothing.
    CHECK(presentStatus(shown, "2027-01-11").detail.empty());
    f.platform.wallClock += 24 * 3600 * 1000;
    CHECK(f.store.today() == "2026-12-08");  // the device's clock runs on from what the server said
}
