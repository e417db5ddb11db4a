"""Lost updates (issue 11, defect 4): an order carries the count the client saw
(`expected_licenses`), a plan change the plan and cycle it saw; when someone else changed the
subscription meanwhile, nothing is written and 409 says what it is now."""
import threading
import time
import unittest
import uuid

from support import ServerTestCase, fingerprint, request


class LicensePrecondition(ServerTestCase):
    def setUp(self):
        self.token = self.sign_in("precondition@example.com")
        self.n = getattr(type(self), "n", 0) + 1
        type(self).n = self.n

    def test_twenty_read_then_order_clients_each_add_one(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        sub_path = f"/api/v1/customers/{customer['id']}/subscription"
        conflicts, failures = [], []

        def call(*args, **kw):
            for _ in range(20):  # a dropped connection is retried with the same key, as the console does
                try:
                    return request(self.port, *args, **kw)
                except OSError:
                    time.sleep(0.05)
            raise AssertionError("the server stopped answering")

        def client():
            seen = call("GET", sub_path, token=self.token).json["licenses"]
            for _ in range(100):
                reply = call("POST", f"{sub_path}/license-orders", {"licenses": seen + 1, "expected_licenses": seen},
                             self.token, headers={"Idempotency-Key": uuid.uuid4().hex})
                if reply.status == 201:
                    return
                if reply.status != 409 or reply.json["error"]["code"] != "licenses_changed":
                    failures.append(reply)
                    return
                conflicts.append(reply)
                seen = reply.json["error"]["current"]["licenses"]  # ask again with what is there now
            failures.append("gave up")

        threads = [threading.Thread(target=client) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        self.assertEqual(failures, [])
        self.assertEqual(self.ok("GET", sub_path, token=self.token)["licenses"], 30)
        for reply in conflicts:
            self.assertIn("Nothing was ordered", reply.json["error"]["message"])

    def test_a_stale_count_is_409_with_the_current_count_and_writes_nothing(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        self.ok("POST", path, {"licenses": 12, "expected_licenses": 10}, self.token, status=201)
        before = fingerprint(self.db_path)
        for suffix in ("", "/preview"):
            reply = self.call("POST", path + suffix, {"licenses": 11, "expected_licenses": 10}, self.token)
            error = self.assertError(reply, 409, "licenses_changed")
            self.assertEqual(error["current"]["licenses"], 12)
            self.assertIn("12 licenses", error["message"])
        self.assertEqual(fingerprint(self.db_path), before)
        self.ok("POST", path, {"licenses": 13, "expected_licenses": 12}, self.token, status=201)

    def test_expected_licenses_is_checked_like_licenses(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        for bad in ("10", 0, -1, 10.5, True, 50_001):
            error = self.assertError(self.call("POST", path, {"licenses": 11, "expected_licenses": bad}, self.token),
                                     422, "validation_failed")
            self.assertEqual(set(error["fields"]), {"expected_licenses"})

    def test_a_retried_order_replays_even_after_the_count_moved_on(self):
        customer = self.active_customer(self.token, self.n, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/license-orders"
        body = {"licenses": 11, "expected_licenses": 10}
        first = self.call("POST", path, body, self.token, headers={"Idempotency-Key": "pre-1"})
        again = self.call("POST", path, body, self.token, headers={"Idempotency-Key": "pre-1"})
        self.assertEqual((first.status, again.status, again.json), (201, 201, first.json))


class PlanPrecondition(ServerTestCase):
    def test_a_stale_plan_is_409_with_the_current_plan(self):
        token = self.sign_in("plan-precondition@example.com")
        customer = self.active_customer(token, 1, licenses=10)
        path = f"/api/v1/customers/{customer['id']}/subscription/plan"
        seen = {"expected_plan": "professional", "expected_billing_cycle": "flexible"}
        self.ok("POST", path, {"plan": "enterprise", "billing_cycle": "flexible", **seen}, token)
        before = fingerprint(self.db_path)
        for suffix in ("", "/preview"):
            reply = self.call("POST", path + suffix, {"plan": "basic", "billing_cycle": "flexible", **seen}, token)
            error = self.assertError(reply, 409, "plan_changed")
            self.assertEqual((error["current"]["plan"], error["current"]["billing_cycle"]), ("enterprise", "flexible"))
        self.assertEqual(fingerprint(self.db_path), before)
        error = self.assertError(self.call("POST", path, {"plan": "basic", "billing_cycle": "flexible",
                                                          "expected_plan": "enterprise"}, token), 422, "validation_failed")
        self.assertEqual(set(error["fields"]), {"expected_billing_cycle"})
        self.ok("POST", path, {"plan": "basic", "billing_cycle": "flexible", "expected_plan": "enterprise",
                               "expected_billing_cycle": "flexible"}, token)


class CustomerDetailsPrecondition(ServerTestCase):
    """Edit customer (issue 23): the console sends the details it showed as expected_*; two
    members editing the same customer do not overwrite each other unseen."""

    def test_a_stale_detail_is_409_with_the_current_details_and_writes_nothing(self):
        token = self.sign_in("details-precondition@example.com")
        customer = self.invite(token, 1)
        path = f"/api/v1/customers/{customer['id']}"
        seen = {"expected_name": customer["name"], "expected_organization": customer["organization"]}
        self.ok("PATCH", path, {"name": "Erika Muster", **seen}, token)  # the first tab saves
        before = fingerprint(self.db_path)
        reply = self.call("PATCH", path, {"organization": "Muster AG", **seen}, token)  # the second saw the old name
        error = self.assertError(reply, 409, "customer_changed")
        self.assertEqual(error["current"]["name"], "Erika Muster")
        self.assertEqual(error["current"]["organization"], customer["organization"])
        self.assertEqual(set(error["current"]), {"name", "email", "organization", "google_domain"})
        self.assertIn("Nothing was changed", error["message"])
        self.assertEqual(fingerprint(self.db_path), before)
        saved = self.ok("PATCH", path, {"organization": "Muster AG", "expected_name": "Erika Muster",
                                        "expected_organization": customer["organization"]}, token)
        self.assertEqual((saved["name"], saved["organization"]), ("Erika Muster", "Muster AG"))

    def test_expected_details_are_checked_as_text(self):
        token = self.sign_in("details-precondition-2@example.com")
        customer = self.invite(token, 2)
        path = f"/api/v1/customers/{customer['id']}"
        for bad in (None, 7, ["a"], "x" * 501):
            error = self.assertError(self.call("PATCH", path, {"name": "A", "expected_name": bad}, token),
                                     422, "validation_failed")
            self.assertEqual(set(error["fields"]), {"expected_name"})


if __name__ == "__main__":
    unittest.main()
