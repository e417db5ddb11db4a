"""Transfers between resellers (issue 23): a one-time token, shown once, kept only as its hash,
valid 14 days, revocable; the receiving reseller previews what moves and confirms; the customer
and its subscription move whole in one transaction, invoices stay with the reseller that issued
them, both histories record it; a used, expired or revoked token is refused plainly; a transfer
racing a license order ends in one consistent state (SQLite here, PostgreSQL in the suite's
PostgreSQL pass)."""
import itertools
import re
import threading
import unittest

from support import ServerTestCase, T0, fingerprint, request, sql

COUNTER = itertools.count(1)
TOKEN_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$")


class Case(ServerTestCase):
    settings = {"session_hours": 24 * 3650}

    def setUp(self):
        self.clock.set(T0)
        n = next(COUNTER)
        self.sender = self.sign_in(f"sender{n}@example.com")
        self.receiver = self.sign_in(f"receiver{n}@example.com")
        self.n = next(COUNTER)

    def tearDown(self):
        self.clock.set(T0)

    def running(self, licenses=10, n=0):
        return self.active_customer(self.sender, self.n + n, licenses=licenses)

    def make_token(self, customer, token=None, **kw):
        return self.ok("POST", f"/api/v1/customers/{customer['id']}/transfer-token", token=token or self.sender,
                       status=201, **kw)

    def transfer(self, token, who=None, **kw):
        return self.call("POST", "/api/v1/customers/transfer", {"token": token}, who or self.receiver, **kw)


class Tokens(Case):
    def test_a_token_is_shown_once_and_kept_only_as_its_hash(self):
        customer = self.running()
        made = self.make_token(customer)
        self.assertRegex(made["token"], TOKEN_RE)
        self.assertEqual(made["expires_at"], "2026-12-10T09:00:00Z")
        detail = self.ok("GET", f"/api/v1/customers/{customer['id']}", token=self.sender)
        self.assertEqual(detail["transfer_token"]["expires_at"], made["expires_at"])
        self.assertNotIn(made["token"], str(detail))
        plain = made["token"].replace("-", "")
        rows = sql(self.db_path, "SELECT * FROM transfer_tokens WHERE customer_id = ?", (customer["id"],))
        self.assertEqual(len(rows), 1)
        for value in rows[0]:
            self.assertNotIn(plain, str(value))
            self.assertNotIn(made["token"], str(value))
        history = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=self.sender)["items"]
        self.assertEqual(history[0]["action"], "customer.transfer_token_created")
        self.assertNotIn(plain[:8], str(history))

    def test_a_new_token_replaces_the_old_and_a_retry_with_a_key_makes_a_new_one(self):
        customer = self.running()
        key = {"Idempotency-Key": f"token-{self.n}"}
        first = self.make_token(customer, headers=key)["token"]
        second = self.make_token(customer, headers=key)["token"]  # never a stored answer: it holds the secret
        self.assertNotEqual(first, second)
        self.assertEqual(self.assertError(self.transfer(first), 410, "transfer_token_gone")["reason"], "superseded")
        stored = sql(self.db_path, "SELECT COUNT(*) FROM idempotency_keys WHERE key = ?", (key["Idempotency-Key"],))
        self.assertEqual(stored, [(0,)])
        self.assertEqual(self.transfer(second).status, 200)

    def test_revoked_expired_used_unknown_and_own_tokens_are_refused_plainly(self):
        revoked = self.running(n=1)
        token = self.make_token(revoked)["token"]
        self.ok("DELETE", f"/api/v1/customers/{revoked['id']}/transfer-token", token=self.sender, status=204)
        self.assertError(self.call("DELETE", f"/api/v1/customers/{revoked['id']}/transfer-token", token=self.sender),
                         409, "conflict")
        own = self.running(n=2)
        own_token = self.make_token(own)["token"]
        before = fingerprint(self.db_path)
        refused = self.assertError(self.transfer(token), 410, "transfer_token_gone")
        self.assertIn("revoked", refused["message"])
        self.assertEqual(refused["reason"], "revoked")  # a client says it in its reader's language
        self.assertError(self.call("POST", "/api/v1/customers/transfer/preview", {"token": token}, self.receiver),
                         410, "transfer_token_gone")
        self.assertError(self.transfer("7K2M-9QXD-4HTP-R8WN-3ZCF"), 404, "not_found")
        refused = self.assertError(self.transfer(own_token, self.sender), 409, "conflict")
        self.assertIn("already yours", refused["message"])
        self.assertEqual(refused["reason"], "own_customer")
        for bad in ["", "short", "7K2M-9QXD-4HTP-R8WN-3ZCU", "7K2M 9QXD 4HTP R8WN 3ZCF 7"]:
            self.assertError(self.transfer(bad), 422, "validation_failed")
        self.assertEqual(fingerprint(self.db_path), before)
        expiring = self.running(n=3)
        token = self.make_token(expiring)["token"]
        self.clock.set(T0.replace(month=12, day=10, hour=9, minute=1))
        refused = self.assertError(self.transfer(token), 410, "transfer_token_gone")
        self.assertIn("expired", refused["message"])
        self.assertEqual(refused["reason"], "expired")
        self.clock.set(T0)
        used = self.make_token(own)["token"]
        self.assertEqual(self.transfer(used.lower().replace("-", " ")).status, 200)  # typed as people type
        refused = self.assertError(self.transfer(used), 410, "transfer_token_gone")
        self.assertIn("already used", refused["message"])
        self.assertEqual(refused["reason"], "used")

    def test_a_demo_accounts_token_means_nothing_to_a_registered_reseller(self):
        domain = self.server.app.domain
        domain.resellers.register(f"office{self.n}@real.example", "Real GmbH")
        real = domain.sessions.sign_in_member(f"office{self.n}@real.example").token
        token = self.make_token(self.running())["token"]
        self.assertError(self.transfer(token, real), 404, "not_found")
        self.assertError(self.call("POST", "/api/v1/customers/transfer/preview", {"token": token}, real), 404,
                         "not_found")


class Moving(Case):
    def test_preview_then_the_customer_and_its_subscription_move_whole(self):
        customer = self.running(licenses=12)
        base = f"/api/v1/customers/{customer['id']}"
        self.ok("POST", f"{base}/subscription/license-orders", {"licenses": 14}, self.sender, status=201)
        sender_invoices = self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.sender)["items"]
        sql(self.db_path, "UPDATE resellers SET currency = 'EUR', discount_bp = 1000 WHERE email LIKE 'receiver%'")
        token = self.make_token(customer)["token"]
        quiet = fingerprint(self.db_path)
        preview = self.ok("POST", "/api/v1/customers/transfer/preview", {"token": token}, self.receiver)
        self.assertEqual(fingerprint(self.db_path), quiet, "a preview wrote")
        self.assertEqual(preview["customer"]["google_domain"], customer["google_domain"])
        self.assertEqual((preview["subscription"]["licenses"], preview["subscription"]["renews_at"]), (14, "2026-12-26"))
        self.assertEqual(preview["invoices_staying"], len(sender_invoices))
        self.assertEqual(preview["after"]["unit_price"], {"amount": 107, "currency": "EUR"})  # the euro list's 1.19 less 10 %
        moved = self.ok("POST", "/api/v1/customers/transfer", {"token": token}, self.receiver)
        self.assertEqual(moved["from_reseller"]["name"], preview["from_reseller"]["name"])
        mine = moved["customer"]
        self.assertEqual((mine["id"], mine["status"], mine["subscription"]["licenses"],
                          mine["subscription"]["started_at"], mine["subscription"]["unit_price"]),
                         (customer["id"], "active", 14, customer["subscription"]["started_at"], preview["after"]["unit_price"]))
        self.assertIsNone(mine["transfer_token"])
        # Gone from the sender, at the receiver whole; invoices stay with the reseller that issued them.
        self.assertError(self.call("GET", base, token=self.sender), 404, "not_found")
        self.assertError(self.call("POST", f"{base}/subscription/license-orders", {"licenses": 15}, self.sender), 404,
                         "not_found")
        self.assertEqual(len(self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}",
                                     token=self.sender)["items"]), len(sender_invoices))
        self.assertEqual(self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.receiver)["items"],
                         [])
        self.assertEqual(self.ok("GET", "/api/v1/customers", token=self.receiver)["total"], 1)
        self.ok("POST", f"{base}/subscription/license-orders", {"licenses": 15}, self.receiver, status=201)
        # Both histories record it.
        taken = self.ok("GET", f"/api/v1/activity?customer_id={customer['id']}", token=self.receiver)["items"]
        self.assertEqual([a["action"] for a in taken], ["subscription.licenses_ordered", "customer.transferred_in"])
        self.assertEqual(taken[1]["actor"]["kind"], "member")
        left = [a for a in self.ok("GET", "/api/v1/activity?limit=5", token=self.sender)["items"]
                if a["action"] == "customer.transferred_out"]
        self.assertEqual(len(left), 1)
        self.assertIn("stay here", left[0]["summary"])
        self.assertEqual(left[0]["actor"]["email"], self.ok("GET", "/api/v1/me", token=self.sender)["member"]["email"])

    def test_a_domain_the_receiver_already_has_is_refused(self):
        customer = self.running()
        self.invite(self.receiver, 50_000 + self.n, google_domain=customer["google_domain"])  # demo accounts' own scopes
        token = self.make_token(customer)["token"]
        before = fingerprint(self.db_path)
        self.assertError(self.transfer(token), 409, "domain_taken")
        self.assertEqual(fingerprint(self.db_path), before)

    def test_what_fell_due_for_the_sender_is_billed_by_the_sender_first(self):
        customer = self.running()
        self.clock.set(T0.replace(month=12, day=20))
        token = self.make_token(customer)["token"]
        self.clock.set(T0.replace(month=12, day=27))  # the renewal of 2026-12-26 fell due; the sender never asked
        self.assertEqual(self.transfer(token).status, 200)
        issued = sql(self.db_path, "SELECT reseller_id, issued_at FROM invoices WHERE customer_id = ? ORDER BY id",
                     (customer["id"],))
        sender_id = issued[0][0]
        self.assertEqual([(r, at[:10]) for r, at in issued], [(sender_id, "2026-11-26"), (sender_id, "2026-12-26")])


class RaceWithAnOrder(Case):
    ROUNDS = 12

    def test_a_transfer_racing_a_license_order_ends_in_one_consistent_state(self):
        outcomes = {}
        for round_ in range(self.ROUNDS):
            customer = self.running(licenses=10, n=round_ * 10)
            base = f"/api/v1/customers/{customer['id']}/subscription"
            token = self.make_token(customer)["token"]
            gate, replies = threading.Barrier(2), {}

            def order():
                gate.wait()
                replies["order"] = request(self.port, "POST", f"{base}/license-orders",
                                           {"licenses": 11, "expected_licenses": 10}, self.sender).status

            def move():
                gate.wait()
                replies["transfer"] = self.transfer(token).status
            threads = [threading.Thread(target=order), threading.Thread(target=move)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            outcome = (replies["order"], replies["transfer"])
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            self.assertIn(outcome, [(201, 200), (404, 200)], replies)
            receiver_id, sub_owner, licenses = sql(
                self.db_path, "SELECT c.reseller_id, s.reseller_id, s.licenses FROM customers c JOIN subscriptions s"
                              " ON s.customer_id = c.id WHERE c.id = ?", (customer["id"],))[0]
            self.assertEqual(receiver_id, sub_owner)
            orders = sql(self.db_path, "SELECT reseller_id, invoice_id FROM license_orders WHERE customer_id = ? AND"
                                       " licenses_after = 11", (customer["id"],))
            if outcome[0] == 201:   # the order came first: the sender's, with its invoice; the count moved with it
                self.assertEqual(licenses, 11)
                self.assertEqual(len(orders), 1)
                invoice_owner = sql(self.db_path, "SELECT reseller_id FROM invoices WHERE id = ?", (orders[0][1],))
                self.assertEqual(invoice_owner[0][0], orders[0][0])
                self.assertNotEqual(orders[0][0], receiver_id)
            else:                   # the transfer came first: nothing was ordered
                self.assertEqual((licenses, orders), (10, []))
        print(f"\n  transfer racing an order, {self.ROUNDS} rounds: " + ", ".join(
            f"{'order first' if order == 201 else 'transfer first'}: {count}"
            for (order, _), count in sorted(outcomes.items())), flush=True)


if __name__ == "__main__":
    unittest.main()
