"""Saved views of the customer list (issue 19): a member's own, or shared with the team; changed
or deleted only by the member who saved it or an Admin."""
import unittest

from support import ServerTestCase, fingerprint
from partner_api.domain.saved_views import MAX_VIEWS
from partner_api.domain.seed import seed_demo

API = "/api/v1"
VIEW = {"name": "Große Kunden", "q": "GmbH", "status": "active", "sort": "-licenses",
        "columns": ["customer", "licenses", "monthly"]}


class SavedViews(ServerTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        seed_demo(cls.server.app.domain.storage, cls.clock.now(), "http://views.test")
        self = cls("run")
        cls.admin = self.sign_in("demo@reseller.example")
        cls.buyer = self.sign_in("marcus.weber@reseller.example")
        cls.viewer = self.sign_in("tom.fischer@reseller.example")

    def names(self, token):
        return [view["name"] for view in self.ok("GET", f"{API}/views", token=token)["items"]]

    def test_personal_views_are_their_makers_and_shared_ones_everyones(self):
        mine = self.ok("POST", f"{API}/views", {**VIEW, "name": "Nur meine"}, self.viewer, status=201)
        self.assertEqual((mine["shared"], mine["mine"], mine["owner"]["name"]), (False, True, "Tom Fischer"))
        self.assertEqual({k: mine[k] for k in ("q", "status", "sort", "columns")},
                         {k: VIEW[k] for k in ("q", "status", "sort", "columns")})
        shared = self.ok("POST", f"{API}/views", {**VIEW, "name": "Für alle", "shared": True}, self.viewer, status=201)
        self.assertIn("Nur meine", self.names(self.viewer))
        self.assertNotIn("Nur meine", self.names(self.buyer))
        self.assertIn("Für alle", self.names(self.buyer))
        seen = next(v for v in self.ok("GET", f"{API}/views", token=self.buyer)["items"] if v["id"] == shared["id"])
        self.assertFalse(seen["mine"])
        # Another member's personal view is not there at all; a shared one is theirs to change.
        self.assertError(self.call("PATCH", f"{API}/views/{mine['id']}", {"name": "x"}, self.buyer), 404, "not_found")
        before = fingerprint(self.db_path)
        self.assertError(self.call("PATCH", f"{API}/views/{shared['id']}", {"sort": "name"}, self.buyer), 403,
                         "not_your_view")
        self.assertError(self.call("DELETE", f"{API}/views/{shared['id']}", token=self.buyer), 403, "not_your_view")
        self.assertEqual(fingerprint(self.db_path), before)
        # The maker and an Admin may.
        changed = self.ok("PATCH", f"{API}/views/{shared['id']}", {"sort": "name", "shared": False}, self.viewer)
        self.assertEqual((changed["sort"], changed["shared"], changed["q"]), ("name", False, "GmbH"))
        self.assertNotIn("Für alle", self.names(self.buyer))
        self.ok("PATCH", f"{API}/views/{shared['id']}", {"shared": True}, self.viewer)
        self.ok("DELETE", f"{API}/views/{shared['id']}", token=self.admin, status=204)
        self.assertNotIn("Für alle", self.names(self.viewer))

    def test_names_are_one_per_member_and_checked(self):
        self.ok("POST", f"{API}/views", {"name": "Einladungen", "status": "invited"}, self.buyer, status=201)
        self.assertError(self.call("POST", f"{API}/views", {"name": "Einladungen"}, self.buyer), 409, "view_exists")
        self.ok("POST", f"{API}/views", {"name": "Einladungen"}, self.admin, status=201)  # another member's name
        for body, field in [({"name": ""}, "name"), ({"name": "x" * 101}, "name"), ({"name": "a\u202eb"}, "name"),
                            ({"name": "v", "sort": "price"}, "sort"), ({"name": "v", "status": "gone"}, "status"),
                            ({"name": "v", "columns": "customer"}, "columns"),
                            ({"name": "v", "columns": ["a", "a"]}, "columns"),
                            ({"name": "v", "columns": ["Customer!"]}, "columns"),
                            ({"name": "v", "shared": "yes"}, "shared"), ({"name": "v", "owner": 3}, "owner"),
                            ({"name": "v", "q": "x" * 201}, "q")]:
            with self.subTest(body=body):
                reply = self.call("POST", f"{API}/views", body, self.buyer)
                self.assertIn(field, self.assertError(reply, 422, "validation_failed")["fields"])
        view = self.ok("POST", f"{API}/views", {"name": "Zweite"}, self.buyer, status=201)
        self.assertError(self.call("PATCH", f"{API}/views/{view['id']}", {"name": "Einladungen"}, self.buyer), 409,
                         "view_exists")
        self.assertError(self.call("PATCH", f"{API}/views/{view['id']}", {}, self.buyer), 422, "validation_failed")

    def test_a_member_keeps_at_most_so_many(self):
        token = self.sign_in("views.many@example.com")
        for n in range(MAX_VIEWS):
            self.ok("POST", f"{API}/views", {"name": f"View {n}"}, token, status=201)
        self.assertError(self.call("POST", f"{API}/views", {"name": "One more"}, token), 422, "validation_failed")

    def test_another_resellers_views_are_not_there(self):
        view = self.ok("POST", f"{API}/views", {"name": "Geteilt", "shared": True}, self.admin, status=201)
        stranger = self.sign_in("views.stranger@example.com")
        self.assertEqual(self.ok("GET", f"{API}/views", token=stranger)["items"], [])
        self.assertError(self.call("DELETE", f"{API}/views/{view['id']}", token=stranger), 404, "not_found")


if __name__ == "__main__":
    unittest.main()
