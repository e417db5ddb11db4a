// The API's answers and request bodies, one set of shape checks (core/json_read.h: no exception
// escapes to the wasm build). Past 600 lines since teams, so a room's codec goes beside it with the
// same checks: bulk work's is core/bulk_codec.cpp.
#include "core/codec.h"

#include <algorithm>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "core/json_read.h"

namespace rc::codec {
namespace {

using nlohmann::json;
using namespace json_read;  // the checked readers every decoder uses

Reseller reseller(const json& j) {
    return Reseller{id(j, "id"), str(j, "name"), str(j, "email")};
}

Member memberFrom(const json& j) {
    Member m{id(j, "id"), str(j, "email"), str(j, "name"), str(j, "role")};
    if (m.role.empty()) throw ShapeError{"a member without a role"};
    return m;
}

// capability -> roles; a capability or role the console does not know is kept as the server says.
Capabilities capabilities(const json& j) {
    if (!j.is_object()) throw ShapeError{"\"capabilities\" is not an object"};
    Capabilities out;
    for (auto it = j.begin(); it != j.end(); ++it) {
        if (!it->is_array()) throw ShapeError{"a capability's roles are not a list"};
        std::vector<std::string> roles;
        for (const json& r : *it) {
            if (!r.is_string()) throw ShapeError{"a capability's role is not a string"};
            roles.push_back(r.get<std::string>());
        }
        out[it.key()] = std::move(roles);
    }
    return out;
}

json capabilitiesJson(const Capabilities& caps) {
    json out = json::object();
    for (const auto& [name, roles] : caps) out[name] = roles;
    return out;
}

json memberJson(const Member& m) { return {{"id", m.id}, {"email", m.email}, {"name", m.name}, {"role", m.role}}; }

Invitation invitation(const json& j) {
    Invitation inv;
    inv.status = str(j, "status");
    inv.url = optStr(j, "url");
    inv.sentAt = optStr(j, "sent_at");
    inv.expiresAt = optStr(j, "expires_at");
    inv.acceptedAt = optStr(j, "accepted_at");
    inv.declinedAt = optStr(j, "declined_at");
    auto by = j.find("answered_by");
    if (by != j.end() && by->is_object()) inv.answeredBy = optStr(*by, "email");
    return inv;
}

Subscription subscription(const json& j) {
    Subscription s;
    s.id = id(j, "id");
    s.plan = str(j, "plan");
    s.billingCycle = str(j, "billing_cycle");
    s.licenses = count(j, "licenses");
    s.status = str(j, "status");
    s.termStart = optStr(j, "term_start");
    s.termEnd = optStr(j, "term_end");
    s.renewsAt = optStr(j, "renews_at");
    s.autoRenew = boolean(j, "auto_renew");
    s.unitPrice = money(j, "unit_price");
    s.recurringAmount = money(j, "recurring_amount");
    s.monthlyValue = money(j, "monthly_value");
    auto sc = j.find("scheduled_change");
    if (sc != j.end() && !sc->is_null()) {
        s.scheduledChange = ScheduledChange{str(*sc, "plan"), str(*sc, "billing_cycle"), str(*sc, "effective_on")};
    }
    s.cancelReason = optStr(j, "cancel_reason");
    // Issue 23's fields; a server from before them sends none, and the subscription reads as before.
    s.trialEndsOn = optStr(j, "trial_ends_on");
    auto sus = j.find("suspension");
    if (sus != j.end() && !sus->is_null()) s.suspension = Suspension{str(*sus, "reason"), optStr(*sus, "since")};
    auto cap = j.find("max_licenses");
    if (cap != j.end() && !cap->is_null()) s.maxLicenses = count(j, "max_licenses");
    auto ren = j.find("renewal");
    if (ren != j.end() && !ren->is_null()) {
        RenewalPlan r;
        r.action = str(*ren, "action");
        r.on = str(*ren, "on");
        r.plan = optStr(*ren, "plan");
        r.billingCycle = optStr(*ren, "billing_cycle");
        auto lic = ren->find("licenses");
        if (lic != ren->end() && !lic->is_null()) r.licenses = count(*ren, "licenses");
        auto amount = ren->find("recurring_amount");
        if (amount != ren->end() && !amount->is_null()) r.recurringAmount = money(*ren, "recurring_amount");
        s.renewal = r;
    }
    return s;
}

PostalAddress postalAddress(const json* j) {
    if (j == nullptr) return {};
    return PostalAddress{optStr(*j, "street"), optStr(*j, "postal_code"), optStr(*j, "city"), optStr(*j, "country")};
}

std::vector<std::string> strings(const json& obj, const char* key) {
    std::vector<std::string> out;
    const json* v = optional(obj, key);
    if (v == nullptr) return out;
    if (!v->is_array()) throw ShapeError{std::string("\"") + key + "\" is not a list"};
    for (const json& item : *v) {
        if (!item.is_string()) throw ShapeError{std::string("\"") + key + "\" holds a non-string"};
        out.push_back(item.get<std::string>());
    }
    return out;
}

CustomerBilling customerBilling(const json& j) {
    CustomerBilling b;
    b.address = postalAddress(optional(j, "address"));
    b.vatId = optStr(j, "vat_id");
    b.language = optStr(j, "language");
    if (b.language.empty()) b.language = "de";
    b.email = optStr(j, "email");
    b.buyerReference = optStr(j, "buyer_reference");
    return b;
}

InvoiceRef invoiceRef(const json& j) {
    return InvoiceRef{id(j, "id"), str(j, "number"), optStr(j, "issued_at")};
}

InvoiceParty party(const json& j) {
    InvoiceParty p;
    p.name = optStr(j, "name");
    p.contact = optStr(j, "contact");
    p.address = postalAddress(optional(j, "address"));
    p.vatId = optStr(j, "vat_id");
    p.taxNumber = optStr(j, "tax_number");
    p.email = optStr(j, "email");
    p.phone = optStr(j, "phone");
    p.iban = optStr(j, "iban");
    p.bic = optStr(j, "bic");
    p.reference = optStr(j, "reference");
    p.customerNumber = optStr(j, "customer_number");
    return p;
}

std::optional<CreditQuote> creditQuote(const json& j) {
    const json* c = optional(j, "credit");
    if (c == nullptr) return std::nullopt;
    return CreditQuote{money(*c, "amount"), money(*c, "tax"), money(*c, "total")};
}

Invoice invoice(const json& j) {
    Invoice inv;
    inv.id = id(j, "id");
    inv.number = str(j, "number");
    inv.customerId = id(j, "customer_id");
    inv.customerName = optStr(j, "customer_name");
    inv.customerOrganization = optStr(j, "customer_organization");
    inv.status = str(j, "status");
    inv.issuedAt = str(j, "issued_at");
    inv.dueAt = optStr(j, "due_at");
    inv.paidAt = optStr(j, "paid_at");
    inv.subtotal = money(j, "subtotal");
    inv.tax = money(j, "tax");
    inv.total = money(j, "total");
    inv.kind = optStr(j, "kind");
    if (inv.kind.empty()) inv.kind = "invoice";  // servers before issue 18
    if (const json* c = optional(j, "corrects")) inv.corrects = invoiceRef(*c);
    auto lines = j.find("lines");
    if (lines != j.end()) {
        if (!lines->is_array()) throw ShapeError{"\"lines\" is not a list"};
        for (const json& l : *lines) {
            InvoiceLine line{str(l, "description"), integer(l, "quantity"), money(l, "unit_amount"), money(l, "amount"), {}, {}, {}};
            if (const json* period = optional(l, "period")) {
                line.periodStart = str(*period, "start");
                line.periodEnd = str(*period, "end");
            }
            if (const json* item = optional(l, "item")) {
                if (!item->is_object()) throw ShapeError{"\"item\" is not an object"};
                auto number = [&](const char* key) { return optional(*item, key) ? static_cast<std::int64_t>(count(*item, key)) : -1; };
                line.item = InvoiceLineItem{str(*item, "kind"), str(*item, "plan"), optStr(*item, "from_plan"), optStr(*item, "cycle"),
                                            number("licenses"), number("count"), number("days"), number("period_days")};
            }
            inv.lines.push_back(std::move(line));
        }
    }
    inv.language = optStr(j, "language");
    if (const json* seller = optional(j, "seller")) inv.seller = party(*seller);
    if (const json* buyer = optional(j, "buyer")) inv.buyer = party(*buyer);
    if (const json* rule = optional(j, "tax_rule"))
        inv.taxRule = InvoiceTaxRule{str(*rule, "rule"), optStr(*rule, "category"), basisPoints(*rule, "rate_basis_points")};
    if (const json* terms = optional(j, "payment_terms_days")) {
        if (!terms->is_number_integer()) throw ShapeError{"\"payment_terms_days\" is not an integer"};
        inv.paymentTermsDays = count(j, "payment_terms_days");
    }
    if (const json* e = optional(j, "issued_as_e_invoice")) inv.issuedAsEInvoice = e->is_boolean() && e->get<bool>();
    if (const json* by = optional(j, "corrected_by")) {
        if (!by->is_array()) throw ShapeError{"\"corrected_by\" is not a list"};
        for (const json& ref : *by) inv.correctedBy.push_back(invoiceRef(ref));
    }
    if (const json* missing = optional(j, "e_invoice_missing")) {
        inv.facturXMissing = strings(*missing, "factur_x");
        inv.xrechnungMissing = strings(*missing, "xrechnung");
    }
    return inv;
}

// Who acted: the server sends {"kind", "email", "name"} since teams (issue 22), a plain email or
// "system" before (a history kept from then, a server not yet upgraded).
Actor actor(const json& j) {
    Actor a;
    auto it = j.find("actor");
    if (it == j.end() || it->is_null()) return a;
    if (it->is_string()) {
        std::string text = it->get<std::string>();
        if (text != "system") a = Actor{ActorKind::Member, text, {}};
        return a;
    }
    if (!it->is_object()) throw ShapeError{"\"actor\" is neither an object nor a string"};
    std::string kind = optStr(*it, "kind");
    a.kind = kind == "member" ? ActorKind::Member : kind == "customer" ? ActorKind::Customer : ActorKind::System;
    if (a.kind == ActorKind::System) return a;  // the system has no name of its own
    a.email = optStr(*it, "email");
    a.name = optStr(*it, "name");
    return a;
}

ActivityEntry activity(const json& j) {
    ActivityEntry a;
    a.id = id(j, "id");
    a.createdAt = str(j, "created_at");
    a.actor = actor(j);
    a.action = str(j, "action");
    a.summary = optStr(j, "summary");
    auto cid = j.find("customer_id");
    if (cid != j.end() && cid->is_number_integer()) a.customerId = id(j, "customer_id");
    a.customerName = optStr(j, "customer_name");
    auto snapshot = [&](const char* key, bool after) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_object()) return;
        auto lic = it->find("licenses");
        if (lic != it->end() && lic->is_number_integer()) (after ? a.licensesAfter : a.licensesBefore) = count(*it, "licenses");
        if (!after) return;
        a.planAfter = optStr(*it, "plan");
        a.cycleAfter = optStr(*it, "billing_cycle");
        a.statusAfter = optStr(*it, "status");
        a.scheduledPlan = optStr(*it, "scheduled_plan");
        a.scheduledCycle = optStr(*it, "scheduled_cycle");
        a.cancelReason = optStr(*it, "cancel_reason");
        // Only where they are strings or counts: a snapshot of another kind is left alone.
        auto text = [&](const char* name, std::string& out) {
            auto v = it->find(name);
            if (v != it->end() && v->is_string()) out = v->get<std::string>();
        };
        text("reason", a.suspendReason);
        text("renewal", a.renewalAction);
        auto rl = it->find("renewal_licenses");
        if (rl != it->end() && rl->is_number_integer()) a.renewalLicenses = count(*it, "renewal_licenses");
        auto cap = it->find("max_licenses");
        if (cap != it->end()) a.maxLicenses = cap->is_null() ? -1 : cap->is_number_integer() ? count(*it, "max_licenses") : -2;
    };
    // A transfer names the other reseller: the sender before, the receiver after.
    for (const char* key : {"before", "after"}) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_object()) continue;
        auto r = it->find("reseller");
        bool in = a.action == "customer.transferred_in", out = a.action == "customer.transferred_out";
        if (r != it->end() && r->is_string() && ((in && key[0] == 'b') || (out && key[0] == 'a'))) a.otherReseller = r->get<std::string>();
    }
    // A team change's snapshots name the member and their role (a string: anything else is not
    // a team snapshot and is left alone).
    auto teamSnapshot = [&](const char* key, std::string& role) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_object()) return;
        auto text = [&](const char* name, std::string& out) {
            auto v = it->find(name);
            if (v != it->end() && v->is_string()) out = v->get<std::string>();
        };
        text("role", role);
        text("name", a.memberName);
        text("email", a.memberEmail);
    };
    if (a.action.rfind("team.", 0) == 0) {
        teamSnapshot("before", a.roleBefore);
        teamSnapshot("after", a.roleAfter);
    }
    snapshot("before", false);
    snapshot("after", true);
    // Entries written before the reason was kept in the snapshot have it only at the end of the
    // server's sentence ("... Reason: moving to another tool").
    const std::string said = " Reason: ";
    if (a.cancelReason.empty() && a.action == "subscription.cancelled")
        if (std::size_t at = a.summary.find(said); at != std::string::npos) a.cancelReason = a.summary.substr(at + said.size());
    return a;
}

CountAndAmount countAndAmount(const json& j, const char* key) {
    const json& v = member(j, key);
    return CountAndAmount{count(v, "count"), money(v, "amount")};
}

Customer customer(const json& j) {
    Customer c;
    c.id = id(j, "id");
    c.name = str(j, "name");
    c.email = str(j, "email");
    c.googleDomain = str(j, "google_domain");
    c.organization = str(j, "organization");
    c.status = customerStatusFromString(str(j, "status"));
    c.createdAt = optStr(j, "created_at");
    auto inv = j.find("invitation");
    if (inv != j.end() && !inv->is_null()) c.invitation = invitation(*inv);
    auto sub = j.find("subscription");
    if (sub != j.end() && !sub->is_null()) c.subscription = subscription(*sub);
    auto transfer = j.find("transfer_token");
    if (transfer != j.end() && transfer->is_object()) {
        auto by = transfer->find("created_by");
        c.transferToken = TransferTokenInfo{optStr(*transfer, "created_at"), optStr(*transfer, "expires_at"),
                                            by != transfer->end() && by->is_object() ? optStr(*by, "name") : ""};
    }
    if (const json* billing = optional(j, "billing")) c.billing = customerBilling(*billing);
    return c;
}

TeamMember teamMember(const json& j) {
    Member m = memberFrom(j);
    return TeamMember{m.id, m.email, m.name, m.role, optStr(j, "last_sign_in_at"), optStr(j, "added_at")};
}

}  // namespace

CustomerStatus customerStatusFromString(const std::string& s) {
    if (s == "invited") return CustomerStatus::Invited;
    if (s == "active") return CustomerStatus::Active;
    if (s == "suspended") return CustomerStatus::Suspended;
    if (s == "revoked") return CustomerStatus::Revoked;
    if (s == "declined") return CustomerStatus::Declined;
    if (s == "cancelled") return CustomerStatus::Cancelled;
    return CustomerStatus::Unknown;
}

Result<AppConfig> decodeConfig(const std::string& body) {
    return decode<AppConfig>(body, [](const json& j) {
        AppConfig c;
        c.apiBaseUrl = str(j, "api_base_url");
        c.googleClientId = optStr(j, "google_client_id");
        auto demo = j.find("demo_sign_in");
        c.demoSignIn = demo != j.end() && demo->is_boolean() && demo->get<bool>();
        c.demoEmail = optStr(j, "demo_email");
        auto kiosk = j.find("kiosk");
        if (kiosk != j.end() && kiosk->is_object()) {
            // Hand-edited on static hosts: anything odd falls back to the defaults, never a broken kiosk.
            auto flag = kiosk->find("enabled");
            c.kiosk.enabled = flag != kiosk->end() && flag->is_boolean() && flag->get<bool>();
            auto idle = kiosk->find("idle_seconds");
            if (idle != kiosk->end() && idle->is_number() && idle->get<double>() >= 10 && idle->get<double>() <= 86400)
                c.kiosk.idleSeconds = static_cast<int>(idle->get<double>());
            auto every = kiosk->find("reset_every_minutes");
            if (every != kiosk->end() && every->is_number() && every->get<double>() >= 0 && every->get<double>() <= 10080)
                c.kiosk.resetEveryMinutes = every->get<double>();
        }
        while (!c.apiBaseUrl.empty() && c.apiBaseUrl.back() == '/') c.apiBaseUrl.pop_back();
        return c;
    });
}

std::string encodeTableColumns(const TableColumns& columns) {
    json widths = json::object();
    for (const auto& [key, width] : columns.widths) widths[key] = width;
    json hidden = json::array();
    for (const auto& key : columns.hidden) hidden.push_back(key);
    return json{{"widths", widths}, {"hidden", hidden}}.dump();
}

TableColumns decodeTableColumns(const std::string& text) {
    TableColumns out;
    json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return out;
    auto widths = j.find("widths");
    if (widths != j.end() && widths->is_object())
        for (auto it = widths->begin(); it != widths->end(); ++it)
            if (it->is_number() && it->get<double>() >= 1 && it->get<double>() <= 4000 && it.key().size() <= 64)
                out.widths[it.key()] = static_cast<float>(it->get<double>());
    auto hidden = j.find("hidden");
    if (hidden != j.end() && hidden->is_array())
        for (const auto& key : *hidden)
            if (key.is_string() && key.get<std::string>().size() <= 64) out.hidden.insert(key.get<std::string>());
    return out;
}

Result<Session> decodeSession(const std::string& body) {
    return decode<Session>(body, [](const json& j) {
        Session s;
        s.token = str(j, "token");
        if (s.token.empty()) throw ShapeError{"empty token"};
        // It is sent as "Authorization: Bearer <token>": a browser refuses spaces and controls there.
        for (char c : s.token)
            if (c <= 0x20 || c >= 0x7f) throw ShapeError{"a token with characters a header cannot carry"};
        s.expiresAt = str(j, "expires_at");
        s.reseller = reseller(member(j, "reseller"));
        // Sign-in answers since teams name the member; a session saved before them does not.
        auto m = j.find("member");
        if (m != j.end() && !m->is_null()) s.member = memberFrom(*m);
        // Only the saved form keeps capabilities (GET /me gave them).
        auto caps = j.find("capabilities");
        if (caps != j.end() && !caps->is_null()) s.capabilities = capabilities(*caps);
        return s;
    });
}

Result<CustomersPage> decodeCustomersPage(const std::string& body) {
    return decode<CustomersPage>(body, [](const json& j) {
        CustomersPage page;
        const json& items = member(j, "items");
        if (!items.is_array()) throw ShapeError{"\"items\" is not a list"};
        page.items.reserve(items.size());
        for (const json& item : items) page.items.push_back(customer(item));
        page.total = count(j, "total");
        page.nextCursor = optStr(j, "next_cursor");
        return page;
    });
}

Result<Customer> decodeCustomer(const std::string& body) {
    return decode<Customer>(body, [](const json& j) { return customer(j); });
}

ApiError decodeError(const HttpResponse& response) {
    ApiError e;
    e.status = response.status;
    json j = json::parse(response.body, nullptr, false);
    if (!j.is_discarded() && j.is_object()) {
        auto err = j.find("error");
        if (err != j.end() && err->is_object()) {
            auto code = err->find("code");
            auto message = err->find("message");
            if (code != err->end() && code->is_string()) e.code = code->get<std::string>();
            if (message != err->end() && message->is_string()) e.message = message->get<std::string>();
            auto fields = err->find("fields");
            if (fields != err->end() && fields->is_object()) {
                for (auto it = fields->begin(); it != fields->end(); ++it)
                    if (it->is_string()) e.fields.emplace_back(it.key(), it->get<std::string>());
            }
            auto reason = err->find("reason");
            if (reason != err->end() && reason->is_string() && reason->get_ref<const std::string&>().size() <= 32)
                e.reason = reason->get<std::string>();
            auto retry = err->find("retry_after");
            if (retry != err->end() && retry->is_number_integer()) {
                std::int64_t seconds = retry->get<std::int64_t>();
                if (seconds > 0 && seconds <= 24 * 3600) e.retryAfterSeconds = static_cast<int>(seconds);
            }
            auto current = err->find("current");
            if (current != err->end() && current->is_object()) {
                auto licenses = current->find("licenses");
                // Only a count the order dialog can use (it becomes the subscription's licenses).
                if (licenses != current->end() && licenses->is_number_integer()) {
                    // Unsigned above 2^63 reads as negative here, and is refused with the rest.
                    std::int64_t n = licenses->get<std::int64_t>();
                    if (n >= 0 && n <= kMaxCount) e.currentLicenses = static_cast<int>(n);
                }
                auto plan = current->find("plan"), cycle = current->find("billing_cycle");
                if (plan != current->end() && plan->is_string()) e.currentPlan = plan->get<std::string>();
                if (cycle != current->end() && cycle->is_string()) e.currentBillingCycle = cycle->get<std::string>();
                if (e.code == "customer_changed") {  // all four details, or none
                    CustomerDetails d;
                    bool whole = true;
                    const std::pair<const char*, std::string*> parts[] = {
                        {"name", &d.name}, {"email", &d.email}, {"organization", &d.organization}, {"google_domain", &d.googleDomain}};
                    for (auto [key, into] : parts) {
                        auto v = current->find(key);
                        if (v != current->end() && v->is_string()) *into = v->get<std::string>();
                        else whole = false;
                    }
                    if (whole) e.currentDetails = std::move(d);
                }
            }
            auto roles = err->find("required_role");
            if (roles != err->end() && roles->is_array())
                for (const json& r : *roles)
                    if (r.is_string() && e.requiredRoles.size() < 16) e.requiredRoles.push_back(r.get<std::string>());
            auto choices = err->find("resellers");
            if (choices != err->end() && choices->is_array()) {
                // Only whole entries: an account the console could not name or enter is left out.
                for (const json& c : *choices) {
                    if (!c.is_object() || e.resellerChoices.size() >= 100) continue;
                    auto cid = c.find("id"), name = c.find("name"), role = c.find("role");
                    if (cid == c.end() || !cid->is_number_integer() ||
                        (cid->is_number_unsigned() && cid->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)))
                        continue;
                    if (cid->get<std::int64_t>() <= 0 || name == c.end() || !name->is_string()) continue;
                    e.resellerChoices.push_back(ResellerChoice{cid->get<std::int64_t>(), name->get<std::string>(),
                                                               role != c.end() && role->is_string() ? role->get<std::string>() : ""});
                }
            }
        }
    }
    if (e.code.empty()) {
        if (response.status == 0) e.code = "network_error";
        else if (response.status == 401) e.code = "unauthorized";
        else if (response.status >= 500) e.code = "server_error";
        else e.code = "http_" + std::to_string(response.status);
    }
    return e;
}

Result<Reseller> decodeReseller(const std::string& body) {
    return decode<Reseller>(body, [](const json& j) { return reseller(j); });
}

Result<Me> decodeMe(const std::string& body) {
    return decode<Me>(body, [](const json& j) {
        Me me;
        // A server from before teams answers with the account's flat fields only.
        auto r = j.find("reseller");
        me.reseller = r != j.end() && r->is_object() ? reseller(*r) : reseller(j);
        auto m = j.find("member");
        if (m != j.end() && !m->is_null()) me.member = memberFrom(*m);
        auto caps = j.find("capabilities");
        if (caps != j.end() && !caps->is_null()) me.capabilities = capabilities(*caps);
        return me;
    });
}

Result<TeamMember> decodeTeamMember(const std::string& body) {
    return decode<TeamMember>(body, [](const json& j) { return teamMember(j); });
}

Result<std::vector<TeamMember>> decodeTeamMembers(const std::string& body) {
    return decode<std::vector<TeamMember>>(body, [](const json& j) {
        std::vector<TeamMember> out;
        for (const json& item : list(j, "items")) out.push_back(teamMember(item));
        return out;
    });
}

Result<Subscription> decodeSubscription(const std::string& body) {
    return decode<Subscription>(body, [](const json& j) { return subscription(j); });
}

Result<PlanCatalog> decodePlans(const std::string& body) {
    return decode<PlanCatalog>(body, [](const json& j) {
        PlanCatalog c;
        c.currency = str(j, "currency");
        c.discountBasisPoints = count(j, "discount_basis_points");
        if (c.discountBasisPoints > 10000) throw ShapeError{"a discount above 100%"};
        const json& limits = member(j, "license_limits");
        c.minLicenses = count(limits, "min");
        c.maxLicenses = count(limits, "max");
        if (c.minLicenses > c.maxLicenses) throw ShapeError{"license_limits: min is above max"};
        for (const json& p : list(j, "items")) {
            PlanOffer offer;
            offer.plan = str(p, "plan");
            offer.name = str(p, "name");
            const json& prices = member(p, "prices");
            if (!prices.is_object()) throw ShapeError{"\"prices\" is not an object"};
            for (auto it = prices.begin(); it != prices.end(); ++it)
                offer.prices.emplace_back(it.key(), PlanPrice{str(*it, "per"), money(*it, "list"), money(*it, "yours")});
            c.plans.push_back(std::move(offer));
        }
        return c;
    });
}

Result<Dashboard> decodeDashboard(const std::string& body) {
    return decode<Dashboard>(body, [](const json& j) {
        Dashboard d;
        const json& by = member(j, "customers_by_status");
        d.invited = count(by, "invited");
        d.active = count(by, "active");
        // Counted since issue 23; a server from before counts neither.
        d.suspended = by.contains("suspended") ? count(by, "suspended") : 0;
        d.revoked = count(by, "revoked");
        d.declined = by.contains("declined") ? count(by, "declined") : 0;
        d.cancelled = count(by, "cancelled");
        d.customersTotal = count(j, "customers_total");
        d.licensesTotal = count(j, "licenses_total");
        auto trials = j.find("trials");
        if (trials != j.end() && trials->is_object()) d.trials = count(*trials, "count");
        d.monthlyRecurringRevenue = money(j, "monthly_recurring_revenue");
        const json& inv = member(j, "invoices");
        d.openInvoices = countAndAmount(inv, "open");
        d.overdueInvoices = countAndAmount(inv, "overdue");
        const json& ren = member(j, "renewals_next_30_days");
        d.renewals = CountAndAmount{count(ren, "count"), money(ren, "amount")};
        auto items = ren.find("items");
        if (items != ren.end() && items->is_array()) {
            for (const json& r : *items)
                d.renewalItems.push_back(Renewal{id(r, "customer_id"), str(r, "customer_name"), optStr(r, "organization"),
                                                 str(r, "plan"), count(r, "licenses"),
                                                 str(r, "renews_at"), money(r, "recurring_amount")});
        }
        for (const json& m : list(j, "revenue_by_month")) d.revenueByMonth.push_back(MonthAmount{str(m, "month"), money(m, "amount")});
        return d;
    });
}

Result<LicensePreview> decodeLicensePreview(const std::string& body) {
    return decode<LicensePreview>(body, [](const json& j) {
        LicensePreview p;
        p.currentLicenses = count(j, "current_licenses");
        p.licenses = count(j, "licenses");
        p.convertsTrial = boolean(j, "converts_trial");
        p.unitPrice = money(j, "unit_price");
        p.proratedAmount = money(j, "prorated_amount");
        auto pr = j.find("proration");
        if (pr != j.end() && pr->is_object()) {
            p.prorationFrom = optStr(*pr, "from");
            p.prorationTo = optStr(*pr, "to");
        }
        p.recurringAmount = money(j, "recurring_amount");
        p.monthlyValue = money(j, "monthly_value");
        p.tax = taxQuote(j);
        p.credit = creditQuote(j);
        return p;
    });
}

namespace {
PlanChangePreview planChange(const json& j) {
    PlanChangePreview p;
    p.plan = str(j, "plan");
    p.billingCycle = str(j, "billing_cycle");
    p.effective = str(j, "effective");
    p.effectiveOn = optStr(j, "effective_on");
    p.unitPrice = money(j, "unit_price");
    p.proratedAmount = money(j, "prorated_amount");
    // The days the amount due now pays for (an upgrade's rest of the period); null or absent
    // (an older server) when nothing is prorated.
    auto pr = j.find("proration");
    if (pr != j.end() && pr->is_object()) {
        p.prorationFrom = optStr(*pr, "from");
        p.prorationTo = optStr(*pr, "to");
    }
    p.recurringAmount = money(j, "recurring_amount");
    p.monthlyValue = money(j, "monthly_value");
    p.tax = taxQuote(j);
    p.credit = creditQuote(j);
    return p;
}
}  // namespace

Result<PlanChangePreview> decodePlanChangePreview(const std::string& body) {
    return decode<PlanChangePreview>(body, [](const json& j) { return planChange(j); });
}

Result<OrderOutcome> decodeOrderOutcome(const std::string& body) {
    return decode<OrderOutcome>(body, [](const json& j) {
        OrderOutcome o;
        o.subscription = subscription(member(j, "subscription"));
        auto inv = j.find("invoice");
        if (inv != j.end() && !inv->is_null()) o.invoice = invoice(*inv);
        if (const json* credit = optional(j, "credit_note")) o.creditNote = invoice(*credit);
        return o;
    });
}

Result<Invoice> decodeInvoice(const std::string& body) {
    return decode<Invoice>(body, [](const json& j) { return invoice(j); });
}

Result<InvoicesPage> decodeInvoicesPage(const std::string& body) {
    return decode<InvoicesPage>(body, [](const json& j) {
        InvoicesPage page;
        for (const json& item : list(j, "items")) page.items.push_back(invoice(item));
        page.total = count(j, "total");
        page.nextCursor = optStr(j, "next_cursor");
        return page;
    });
}

Result<ActivityPage> decodeActivityPage(const std::string& body) {
    return decode<ActivityPage>(body, [](const json& j) {
        ActivityPage page;
        for (const json& item : list(j, "items")) page.items.push_back(activity(item));
        page.nextCursor = optStr(j, "next_cursor");
        return page;
    });
}

Result<BillingProfile> decodeBillingProfile(const std::string& body) {
    return decode<BillingProfile>(body, [](const json& j) {
        BillingProfile p;
        p.legalName = optStr(j, "legal_name");
        p.address = postalAddress(optional(j, "address"));
        p.vatId = optStr(j, "vat_id");
        p.taxNumber = optStr(j, "tax_number");
        p.currency = str(j, "currency");
        p.invoicePrefix = optStr(j, "invoice_prefix");
        p.paymentTermsDays = optional(j, "payment_terms_days") ? count(j, "payment_terms_days") : 0;
        p.iban = optStr(j, "iban");
        p.bic = optStr(j, "bic");
        p.email = optStr(j, "email");
        p.phone = optStr(j, "phone");
        p.taxBasisPoints = optional(j, "tax_basis_points") ? basisPoints(j, "tax_basis_points") : 0;
        if (const json* locked = optional(j, "currency_locked")) p.currencyLocked = locked->is_boolean() && locked->get<bool>();
        p.nextInvoiceNumber = optStr(j, "next_invoice_number");
        p.missing = strings(j, "missing");
        return p;
    });
}

std::string encodeSession(const Session& s) {
    json j{{"token", s.token},
           {"expires_at", s.expiresAt},
           {"reseller", {{"id", s.reseller.id}, {"name", s.reseller.name}, {"email", s.reseller.email}}}};
    if (s.member) j["member"] = memberJson(*s.member);
    if (!s.capabilities.empty()) j["capabilities"] = capabilitiesJson(s.capabilities);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeDemoSignIn(const std::string& email) {
    return json{{"email", email}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeGoogleSignIn(const std::string& credential, std::int64_t resellerId) {
    json j{{"credential", credential}};
    if (resellerId > 0) j["reseller_id"] = resellerId;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeNewMember(const std::string& email, const std::string& name, const std::string& role) {
    return json{{"email", email}, {"name", name}, {"role", role}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeRole(const std::string& role) {
    return json{{"role", role}}.dump(-1, ' ', false, json::error_handler_t::replace);
}

namespace {
// Empty text is sent as null: "none", which the server keeps as none.
json orNull(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

json addressJson(const PostalAddress& a) {
    return json{{"street", a.street}, {"postal_code", a.postalCode}, {"city", a.city}, {"country", a.country}};
}

json billingJson(const CustomerBilling& b) {
    return json{{"address", addressJson(b.address)},
                {"vat_id", orNull(b.vatId)},
                {"language", b.language},
                {"email", orNull(b.email)},
                {"buyer_reference", orNull(b.buyerReference)}};
}
}  // namespace

std::string encodeNewCustomer(const std::string& name, const std::string& email, const std::string& googleDomain,
                              const std::string& organization, const std::optional<CustomerBilling>& billing) {
    json j{{"name", name}, {"email", email}, {"google_domain", googleDomain}, {"organization", organization}};
    if (billing) j["billing"] = billingJson(*billing);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeCustomerBilling(const std::optional<CustomerBilling>& billing) {
    return json{{"billing", billing ? billingJson(*billing) : json(nullptr)}}.dump(-1, ' ', false,
                                                                                     json::error_handler_t::replace);
}

std::string encodeBillingProfile(const BillingProfile& p) {
    // Every field is sent (the server asks for all of them, null where there is none).
    json address = p.address.empty() ? json(nullptr) : addressJson(p.address);
    json j{{"legal_name", orNull(p.legalName)},
           {"address", address},
           {"vat_id", orNull(p.vatId)},
           {"tax_number", orNull(p.taxNumber)},
           {"currency", p.currency},
           {"invoice_prefix", orNull(p.invoicePrefix)},
           {"payment_terms_days", p.paymentTermsDays},
           {"iban", orNull(p.iban)},
           {"bic", orNull(p.bic)},
           {"email", orNull(p.email)},
           {"phone", orNull(p.phone)},
           {"tax_basis_points", p.taxBasisPoints}};
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeLicenses(int licenses, int expectedLicenses) {
    json j{{"licenses", licenses}};
    if (expectedLicenses > 0) j["expected_licenses"] = expectedLicenses;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodePlanChange(const std::string& plan, const std::string& billingCycle, const std::string& expectedPlan,
                             const std::string& expectedBillingCycle) {
    json j{{"plan", plan}, {"billing_cycle", billingCycle}};
    if (!expectedPlan.empty()) {
        j["expected_plan"] = expectedPlan;
        j["expected_billing_cycle"] = expectedBillingCycle;
    }
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string encodeCancel(const std::string& when, const std::string& reason) {
    json j{{"when", when}};
    if (!reason.empty()) j["reason"] = reason;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace rc::codec
