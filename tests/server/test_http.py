"""Protocol-level rules: body limit, 405 with Allow, 404 JSON, idempotency keys, racing
orders, sign-in rate limit, CORS only for allowed origins."""
import socket
import threading
import unittest

from support import T0, ServerTestCase, fingerprint, request


class Protocol(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("protocol@example.com")

    def test_body_over_one_mebibyte_is_413_and_changes_nothing(self):
        before = fingerprint(self.db_path)
        big = b'{"name": "' + b"x" * (1024 * 1024) + b'"}'
        self.assertError(self.call("POST", "/api/v1/customers", raw=big, token=self.token,
                                   headers={"Content-Type": "application/json"}), 413, "payload_too_large")
        self.assertEqual(fingerprint(self.db_path), before)

    def test_413_is_answered_without_reading_the_body(self):
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as sock:
            sock.sendall(b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999\r\n\r\n")
            answer = sock.recv(4096)
        self.assertTrue(answer.startswith(b"HTTP/1.1 413"), answer)

    def test_wrong_method_is_405_with_allow(self):
        reply = self.call("DELETE", "/api/v1/customers", token=self.token)
        self.assertError(reply, 405, "method_not_allowed")
        self.assertEqual(reply.header("Allow"), "GET, HEAD, POST")
        reply = self.call("PUT", "/api/v1/customers/1", token=self.token)
        self.assertEqual(reply.header("Allow"), "GET, HEAD, PATCH")
        self.assertEqual(self.call("GET", "/api/v1/auth/demo").header("Allow"), "POST")

    def test_unknown_routes_are_json_404(self):
        for path in ["/api/v1/customer", "/api/v1/customers/abc", "/api/v2/health", "/api/v1/customers/1/nope"]:
            self.assertError(self.call("GET", path, token=self.token), 404, "not_found")

    def test_the_date_header_is_the_servers_clock(self):
        # The console counts a trial's days by this date, not the device's (a fake clock in tests).
        self.clock.set(T0.replace(year=2031, month=3, day=4))
        try:
            self.assertEqual(self.call("GET", "/api/v1/health").header("Date"), "Tue, 04 Mar 2031 " + T0.strftime("%H:%M:%S") + " GMT")
            self.assertIn("2031", self.call("GET", "/api/v1/nope").header("Date"))  # errors too
        finally:
            self.clock.set(T0)

    def test_api_responses_are_not_cached(self):
        reply = self.call("GET", "/api/v1/health")
        self.assertEqual(reply.header("Cache-Control"), "no-store")
        self.assertEqual(reply.header("Content-Type"), "application/json; charset=utf-8")


class Readiness(ServerTestCase):
    """/ready is what a load balancer checks (deploy/haproxy.cfg): the database answers with the
    schema this process was built for. /health is liveness only."""

    def test_ready_names_the_schema_version(self):
        from partner_api.storage.migrations import LATEST
        body = self.ok("GET", "/api/v1/ready")
        self.assertEqual((body["status"], body["schema_version"]), ("ready", LATEST))

    def test_a_newer_schema_is_not_ready_and_health_stays_alive(self):
        from partner_api.storage.backends import database
        from partner_api.storage.migrations import LATEST
        db = database(self.db_path)
        try:
            def set_version(version):
                with db.write() as conn:
                    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
            set_version(LATEST + 1)
            try:
                reply = self.call("GET", "/api/v1/ready")
                self.assertEqual(reply.status, 503, reply)
                self.assertEqual(reply.json["error"]["code"], "service_unavailable")
                self.assertIn(str(LATEST + 1), reply.json["error"]["message"])
                self.assertEqual(self.call("GET", "/api/v1/health").status, 200)
            finally:
                set_version(LATEST)
            self.assertEqual(self.call("GET", "/api/v1/ready").status, 200)
        finally:
            db.close()


class Idempotency(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("idempotent@example.com")
        self.n = getattr(type(self), "n", 0) + 1
        type(self).n = self.n

    def test_a_retried_order_makes_one_order_and_one_invoice(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        headers = {"Idempotency-Key": "order-7f3a"}
        first = self.call("POST", path, {"licenses": 20}, self.token, headers=headers)
        self.assertEqual(first.status, 201)
        before = fingerprint(self.db_path)
        again = self.call("POST", path, {"licenses": 20}, self.token, headers=headers)
        self.assertEqual((again.status, again.json), (201, first.json))
        self.assertEqual(again.header("Idempotent-Replayed"), "true")
        self.assertEqual(fingerprint(self.db_path), before)
        invoices = self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}", token=self.token)
        self.assertEqual(invoices["total"], 2)  # the trial conversion and this order

    def test_same_key_with_a_different_body_is_409(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        headers = {"Idempotency-Key": "order-x"}
        self.ok("POST", path, {"licenses": 20}, self.token, status=201, headers=headers)
        before = fingerprint(self.db_path)
        self.assertError(self.call("POST", path, {"licenses": 21}, self.token, headers=headers),
                         409, "idempotency_conflict")
        self.assertError(self.call("POST", path + "/preview", {"licenses": 20}, self.token, headers=headers),
                         409, "idempotency_conflict")
        self.assertEqual(fingerprint(self.db_path), before)

    def test_invite_and_patch_accept_keys_and_keys_are_per_reseller(self):
        body = {"name": "Anna", "email": "anna@idem.de", "google_domain": "idem.de", "organization": "Idem"}
        first = self.call("POST", "/api/v1/customers", body, self.token, headers={"Idempotency-Key": "k1"})
        second = self.call("POST", "/api/v1/customers", body, self.token, headers={"Idempotency-Key": "k1"})
        self.assertEqual((first.status, second.status), (201, 201))
        self.assertEqual(first.json["id"], second.json["id"])
        other = self.sign_in("idempotent-other@example.com")
        third = self.call("POST", "/api/v1/customers", body, other, headers={"Idempotency-Key": "k1"})
        # A different reseller's key is its own (a demo account's domains are its own too).
        self.assertEqual((third.status, third.header("Idempotent-Replayed")), (201, None))
        self.assertNotEqual(third.json["id"], first.json["id"])
        path = f"/api/v1/customers/{first.json['id']}"
        a = self.call("PATCH", path, {"name": "Anna B"}, self.token, headers={"Idempotency-Key": "p1"})
        b = self.call("PATCH", path, {"name": "Anna B"}, self.token, headers={"Idempotency-Key": "p1"})
        self.assertEqual(a.json, b.json)

    def test_a_failed_request_does_not_burn_the_key(self):
        body = {"name": "", "email": "x@y.de", "google_domain": "retry.de", "organization": "R"}
        self.assertEqual(self.call("POST", "/api/v1/customers", body, self.token,
                                   headers={"Idempotency-Key": "k2"}).status, 422)
        body["name"] = "Fixed"
        # a different body after a failure: the failure was not stored, so this is a first use
        self.assertEqual(self.call("POST", "/api/v1/customers", body, self.token,
                                   headers={"Idempotency-Key": "k2"}).status, 201)

    def test_key_length(self):
        self.assertError(self.call("POST", "/api/v1/customers", {}, self.token, headers={"Idempotency-Key": "x" * 256}),
                         422, "validation_failed")


class Races(ServerTestCase):
    def test_racing_orders_never_lose_an_update(self):
        token = self.sign_in("racer@example.com")
        customer = self.active_customer(token, 1, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        replies = []

        def order(target):
            replies.append(request(self.port, "POST", path, {"licenses": target}, token))

        threads = [threading.Thread(target=order, args=(11 + i,)) for i in range(12)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertTrue(all(r.status in (201, 422) for r in replies), replies)
        orders = sorted((r.json["order"] for r in replies if r.status == 201), key=lambda o: o["id"])
        # serialised: each order starts from exactly what the previous one left
        chain = [10] + [o["licenses_after"] for o in orders]
        self.assertEqual([o["licenses_before"] for o in orders], chain[:-1])
        sub = self.ok("GET", f"/api/v1/customers/{customer['id']}/subscription", token=token)
        self.assertEqual(sub["licenses"], orders[-1]["licenses_after"])
        paid = sum(o["amount"]["amount"] for o in orders)
        invoices = self.ok("GET", f"/api/v1/invoices?customer_id={customer['id']}&limit=200", token=token)["items"]
        # Orders that went down were credited (credit notes), not charged.
        self.assertEqual(sum(i["total"]["amount"] for i in invoices if i["kind"] == "invoice"), paid + 1030)


class RateLimit(ServerTestCase):
    settings = {"sign_in_attempts": 3, "sign_in_window": 60}

    def test_sign_in_is_rate_limited_per_client_address(self):
        statuses = [self.call("POST", "/api/v1/auth/demo", {"email": "a@b.de"}).status for _ in range(3)]
        self.assertEqual(statuses, [200, 200, 200])
        reply = self.call("POST", "/api/v1/auth/demo", {"email": "a@b.de"})
        self.assertError(reply, 429, "rate_limited")
        self.assertTrue(1 <= int(reply.header("Retry-After")) <= 60)
        # The body says it too (a page's fetch may not expose the header).
        self.assertEqual(reply.json["error"]["retry_after"], int(reply.header("Retry-After")))
        self.assertError(self.call("POST", "/api/v1/auth/google", {"credential": "x.y.z"}), 429, "rate_limited")
        self.assertEqual(self.call("GET", "/api/v1/health").status, 200)


class Cors(ServerTestCase):
    settings = {"allow_origins": ("https://console.example.com",)}

    def test_allowed_origin_gets_cors_headers(self):
        reply = self.call("GET", "/api/v1/health", headers={"Origin": "https://console.example.com"})
        self.assertEqual(reply.header("Access-Control-Allow-Origin"), "https://console.example.com")
        self.assertEqual(reply.header("Vary"), "Origin")
        # What the console reads of an answer from another origin: Date counts a trial's days.
        exposed = [h.strip() for h in reply.header("Access-Control-Expose-Headers").split(",")]
        for header in ["Retry-After", "Content-Disposition", "Idempotent-Replayed", "Location", "Date"]:
            self.assertIn(header, exposed)
        error = self.call("GET", "/api/v1/customers", headers={"Origin": "https://console.example.com"})
        self.assertEqual(error.header("Access-Control-Allow-Origin"), "https://console.example.com")

    def test_preflight(self):
        reply = self.call("OPTIONS", "/api/v1/customers", headers={
            "Origin": "https://console.example.com", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key"})
        self.assertEqual(reply.status, 204)
        self.assertEqual(reply.header("Access-Control-Allow-Origin"), "https://console.example.com")
        self.assertIn("POST", reply.header("Access-Control-Allow-Methods"))
        self.assertIn("Idempotency-Key", reply.header("Access-Control-Allow-Headers"))
        self.assertIn("Authorization", reply.header("Access-Control-Allow-Headers"))

    def test_other_origins_get_none(self):
        for method in ["GET", "OPTIONS"]:
            reply = self.call(method, "/api/v1/health", headers={"Origin": "https://evil.example"})
            self.assertIsNone(reply.header("Access-Control-Allow-Origin"))


class NoCorsByDefault(ServerTestCase):
    def test_no_cors_headers(self):
        reply = self.call("GET", "/api/v1/health", headers={"Origin": "http://localhost:9999"})
        self.assertIsNone(reply.header("Access-Control-Allow-Origin"))


if __name__ == "__main__":
    unittest.main()
