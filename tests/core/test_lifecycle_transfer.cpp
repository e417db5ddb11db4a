// The lifecycle slice's transfers between resellers (issue 23): the token made on the customer's
// page (after a confirmation, once per dialog, shown once, forgotten on closing), revoking it, and
// taking a customer over from the list (the preview of exactly the typed token, one move, the
// refusals in words). Who may, a double click, offline.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "core/codec.h"
#include "core/error_text.h"
#include "core/i18n.h"
#include "core/lifecycle_codec.h"
#include "core/store.h"
#include "store_fixture.h"

using namespace rc;
using json = nlohmann::json;

namespace {
json bodyOf(const test::Fixture& f, std::size_t at) { return json::parse(f.transport.sent.at(at).request.body); }

// Signed in as `role` on customer 7's page, which shows `file`.
void onPage(test::Fixture& f, const char* role, const std::string& file = "customer.json") {
    f.signIn("#/customers/7");
    f.transport.answer("/customers/7", 200, test::readContract(file));
    f.transport.answer("/plans", 200, test::readContract("plans.json"));
    f.transport.answer("v1/me", 200, test::meAs(role));
    f.queue.drain();
    REQUIRE(f.store.state().customer.customer.has_value());
}

void onList(test::Fixture& f, const char* role) { f.signInAs(role, "#/customers"); }

std::string goneBecause(const char* reason) {
    json e = json::parse(test::readContract("error_transfer_token_gone.json"));
    e["error"]["reason"] = reason;
    return e.dump();
}
}  // namespace

TEST_CASE("transfer codec: the token, the preview and the outcome from the server's contract examples") {
    auto t = codec::decodeTransferToken(test::readContract("transfer_token.json"));
    REQUIRE(t.ok());
    CHECK(t.value().token == "7K2M-9QXD-4HTP-R8WN-3ZCF");
    CHECK(t.value().expiresAt == "2027-03-05T11:00:00Z");
    CHECK_FALSE(codec::decodeTransferToken(R"({"token": 7, "expires_at": "x"})").ok());

    auto p = codec::decodeTransferPreview(test::readContract("transfer_preview.json"));
    REQUIRE(p.ok());
    CHECK(p.value().googleDomain == "whitfieldacademy.org.uk");
    CHECK(p.value().fromReseller == "Demo");
    CHECK(p.value().plan == "professional");
    CHECK(p.value().licenses == 30);
    CHECK(p.value().renewsOn == "2027-03-19");
    CHECK(p.value().recurringAmount.amount == 3090);
    CHECK(p.value().invoicesStaying == 1);
    json broken = json::parse(test::readContract("transfer_preview.json"));
    broken["subscription"].erase("licenses");
    CHECK_FALSE(codec::decodeTransferPreview(broken.dump()).ok());

    auto o = codec::decodeTransferOutcome(test::readContract("transfer.json"));
    REQUIRE(o.ok());
    CHECK(o.value().customer.id == 10);
    CHECK(o.value().customer.subscription->licenses == 30);
    CHECK(o.value().fromReseller == "Demo");
    CHECK_FALSE(codec::decodeTransferOutcome(R"({"from_reseller": {"name": "x"}})").ok());

    CHECK(json::parse(codec::encodeTransferToken("  7k2m 9qxd-4htp r8wn 3zcf ")) == json{{"token", "7k2m 9qxd-4htp r8wn 3zcf"}});
    // The server's rule: 20 of Crockford's base32, any case, spaces and dashes aside, O/I/L read as 0/1/1.
    CHECK(codec::plausibleTransferToken("7K2M-9QXD-4HTP-R8WN-3ZCF"));
    CHECK(codec::plausibleTransferToken(" 7k2m 9qxd 4htp r8wn 3zcf"));
    CHECK(codec::plausibleTransferToken("OK2M-9QXD-4HTP-R8WN-3ZCL"));
    CHECK_FALSE(codec::plausibleTransferToken("7K2M-9QXD-4HTP-R8WN-3ZCU"));  // U is not in the alphabet
    CHECK_FALSE(codec::plausibleTransferToken("7K2M-9QXD-4HTP-R8WN"));
    CHECK_FALSE(codec::plausibleTransferToken(""));
}

TEST_CASE("transfer refusals are said in the reader's language, by the reason the server gives") {
    setLanguage(Language::German);
    ApiError e;
    e.status = 410;
    e.code = "transfer_token_gone";
    e.reason = "used";
    CHECK(describeError(e) == tr(Text::TransferRefusedUsed));
    e.reason = "expired";
    CHECK(describeError(e) == tr(Text::TransferRefusedExpired));
    e.reason = "revoked";
    CHECK(describeError(e) == tr(Text::TransferRefusedRevoked));
    e.reason = "superseded";
    CHECK(describeError(e) == tr(Text::TransferRefusedSuperseded));
    e.reason = "";
    CHECK(describeError(e) == tr(Text::ErrTransferTokenGone));
    ApiError own;
    own.status = 409;
    own.code = "conflict";
    own.reason = "own_customer";
    CHECK(describeError(own) == tr(Text::TransferRefusedOwn));
    // The reason is read from the error body.
    HttpResponse r{410, goneBecause("revoked"), ""};
    CHECK(codec::decodeError(r).reason == "revoked");
    setLanguage(Language::English);
}

TEST_CASE("transfer out: Sales or Admin on a running subscription; one token per dialog, shown once, forgotten on closing") {
    setLanguage(Language::English);
    test::Fixture viewer;
    onPage(viewer, "viewer");
    viewer.store.lifecycle().openTransferOut();
    CHECK_FALSE(viewer.store.state().customer.transferOut.open);

    test::Fixture f;
    onPage(f, "sales");
    f.store.lifecycle().openTransferOut();
    const TransferOutState& t = f.store.state().customer.transferOut;
    REQUIRE(t.open);
    CHECK(f.transport.count("/transfer-token", "POST") == 0);  // it asks first
    std::string key = t.idempotencyKey;
    f.store.lifecycle().createTransferToken();
    f.store.lifecycle().createTransferToken();  // a double click
    CHECK(f.transport.count("/customers/7/transfer-token", "POST") == 1);
    std::size_t at = f.transport.last("/customers/7/transfer-token", "POST");
    CHECK(f.transport.header(at, "Idempotency-Key") == key);
    f.transport.respond(at, 201, test::readContract("transfer_token.json"));
    f.queue.drain();
    REQUIRE(t.token);
    CHECK(t.token->token == "7K2M-9QXD-4HTP-R8WN-3ZCF");
    f.store.lifecycle().createTransferToken();  // shown: no second one from this dialog
    CHECK(f.transport.count("/customers/7/transfer-token", "POST") == 1);
    CHECK(f.transport.count("/customers/7", "GET") >= 2);  // the page asks again: it says a code is open
    f.store.lifecycle().copyTransferToken();
    CHECK(f.platform.clipboard == "7K2M-9QXD-4HTP-R8WN-3ZCF");
    f.store.lifecycle().closeTransferOut();
    CHECK_FALSE(t.open);
    CHECK_FALSE(t.token);  // the console keeps it nowhere else

    test::Fixture cancelled;
    onPage(cancelled, "admin", "customer_declined.json");  // no running subscription: nothing to transfer
    cancelled.store.lifecycle().openTransferOut();
    CHECK_FALSE(cancelled.store.state().customer.transferOut.open);
}

TEST_CASE("transfer out: offline it needs a connection and sends nothing; a refusal stays in the dialog") {
    setLanguage(Language::English);
    test::Fixture f;
    onPage(f, "admin");
    f.store.lifecycle().openTransferOut();
    f.store.lifecycle().createTransferToken();
    f.transport.answer("/customers/7/transfer-token", 409, test::readContract("error_not_now.json"));
    f.queue.drain();
    const TransferOutState& t = f.store.state().customer.transferOut;
    CHECK(t.open);
    REQUIRE(t.error);
    CHECK_FALSE(t.token);

    test::Fixture g;
    onPage(g, "admin");
    g.store.customerPage().reload();
    test::dropConnection(g, "/customers/7");
    REQUIRE(g.store.offline().isOffline());
    g.store.lifecycle().openTransferOut();
    g.store.lifecycle().createTransferToken();
    CHECK(g.transport.count("/transfer-token") == 0);
    REQUIRE(g.store.state().customer.transferOut.error);
    CHECK(g.store.state().customer.transferOut.error->code == "network_error");
}

TEST_CASE("transfer out: an open code is revoked after a confirmation, once") {
    setLanguage(Language::English);
    test::Fixture f;
    onPage(f, "admin", "customer_transfer_token.json");
    REQUIRE(f.store.state().customer.customer->transferToken);
    f.store.lifecycle().revokeTransferToken();  // not asked yet: nothing
    CHECK(f.transport.count("/transfer-token", "DELETE") == 0);
    f.store.lifecycle().requestRevokeTransfer();
    f.store.lifecycle().revokeTransferToken();
    f.store.lifecycle().revokeTransferToken();  // a double click
    CHECK(f.transport.count("/customers/7/transfer-token", "DELETE") == 1);
    f.transport.answer("/customers/7/transfer-token", 204, "");
    f.queue.drain();
    CHECK_FALSE(f.store.state().customer.customer->transferToken);
    CHECK_FALSE(f.store.state().customer.revokingTransfer);
    CHECK(sentence(f.store.state().toasts.back().message) == "Transfer code revoked. It no longer works.");
}

TEST_CASE("transfer in: a malformed code is said before anything is sent; the preview is the typed code's; one move") {
    setLanguage(Language::English);
    test::Fixture viewer;
    onList(viewer, "viewer");
    viewer.store.lifecycle().openTransferIn();
    CHECK_FALSE(viewer.store.state().transferIn.open);

    test::Fixture f;
    onList(f, "sales");
    f.store.lifecycle().openTransferIn();
    const TransferInState& t = f.store.state().transferIn;
    REQUIRE(t.open);
    f.store.lifecycle().editTransferToken("7K2M-9QXD");
    f.store.lifecycle().previewTransfer();
    CHECK(f.transport.count("/customers/transfer") == 0);
    REQUIRE(t.error);
    CHECK(describeError(*t.error) == tr(Text::FieldErrTransferToken));

    f.store.lifecycle().editTransferToken("7k2m 9qxd 4htp r8wn 3zcf");
    CHECK_FALSE(t.error);
    f.store.lifecycle().confirmTransfer();  // nothing previewed: nothing moves
    CHECK(f.transport.count("/customers/transfer") == 0);
    f.store.lifecycle().previewTransfer();
    std::size_t at = f.transport.last("/customers/transfer/preview", "POST");
    CHECK(bodyOf(f, at) == json{{"token", "7k2m 9qxd 4htp r8wn 3zcf"}});
    f.store.lifecycle().editTransferToken("7K2M-9QXD-4HTP-R8WN-3ZCG");  // typed on before the answer
    f.transport.respond(at, 200, test::readContract("transfer_preview.json"));
    f.queue.drain();
    CHECK_FALSE(f.store.lifecycle().transferPreviewed());  // that preview was another code's

    f.store.lifecycle().editTransferToken("7K2M-9QXD-4HTP-R8WN-3ZCF");
    f.store.lifecycle().previewTransfer();
    f.transport.answer("/customers/transfer/preview", 200, test::readContract("transfer_preview.json"));
    f.queue.drain();
    REQUIRE(f.store.lifecycle().transferPreviewed());
    CHECK(t.preview->fromReseller == "Demo");

    std::string key = t.idempotencyKey;
    f.store.lifecycle().confirmTransfer();
    f.store.lifecycle().confirmTransfer();  // a double click
    CHECK(f.transport.count("/customers/transfer", "POST") == 3);  // two previews and one move
    std::size_t move = f.transport.last("/customers/transfer", "POST");
    CHECK(f.transport.sent.at(move).request.url.find("preview") == std::string::npos);
    CHECK(f.transport.header(move, "Idempotency-Key") == key);
    f.transport.respond(move, 200, test::readContract("transfer.json"));
    f.queue.drain();
    CHECK_FALSE(t.open);
    CHECK(f.store.state().route.screen == Screen::Customer);
    CHECK(f.store.state().route.customerId == 10);
    CHECK(sentence(f.store.state().toasts.back().message) == "Whitfield Academy Trust is now your customer.");
}

TEST_CASE("transfer in: a refused move says why and drops the preview; offline it needs a connection") {
    setLanguage(Language::English);
    test::Fixture f;
    onList(f, "admin");
    f.store.lifecycle().openTransferIn();
    f.store.lifecycle().editTransferToken("7K2M-9QXD-4HTP-R8WN-3ZCF");
    f.store.lifecycle().previewTransfer();
    f.transport.answer("/customers/transfer/preview", 200, test::readContract("transfer_preview.json"));
    f.queue.drain();
    f.store.lifecycle().confirmTransfer();
    f.transport.answer("/customers/transfer", 410, goneBecause("used"));
    f.queue.drain();
    const TransferInState& t = f.store.state().transferIn;
    CHECK(t.open);
    CHECK_FALSE(t.submitting);
    CHECK_FALSE(f.store.lifecycle().transferPreviewed());
    REQUIRE(t.error);
    CHECK(describeError(*t.error) == "This transfer code has already been used. Ask the reseller who gave it to you for a new one.");

    // A preview refused: the reason lands on the preview.
    f.store.lifecycle().previewTransfer();
    f.transport.answer("/customers/transfer/preview", 409, R"({"error": {"code": "conflict", "message": "x", "reason": "own_customer"}})");
    f.queue.drain();
    REQUIRE(t.previewRemote.error);
    CHECK(describeError(*t.previewRemote.error) == tr(Text::TransferRefusedOwn));

    test::Fixture g;
    onList(g, "admin");
    g.store.customers().reload();
    test::dropConnection(g, "/customers");
    REQUIRE(g.store.offline().isOffline());
    g.store.lifecycle().openTransferIn();
    REQUIRE(g.store.state().transferIn.open);
    g.store.lifecycle().editTransferToken("7K2M-9QXD-4HTP-R8WN-3ZCF");
    g.store.lifecycle().previewTransfer();
    CHECK(g.transport.count("/customers/transfer") == 0);
    REQUIRE(g.store.state().transferIn.error);
    CHECK(g.store.state().transferIn.error->code == "network_error");
}
