"""Who did it (issue 22): every history entry names its actor, a member (by what they did), the
customer (accepting an invitation) or the system (bills, renewals, trial ends), and
`GET /activity?actor=EMAIL` shows what one member did."""
from support import ServerTestCase
from partner_api.domain.activity import Actor

TEAM = "/api/v1/team/members"
SYSTEM = {"kind": "system", "email": None, "name": None}


class HistoryActors(ServerTestCase):
    settings = {"demo": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        account = cls.server.app.domain.sessions.demo_sign_in("chef@actors.example")
        for email, name, role in [("seller@actors.example", "Sina Verkauf", "sales"),
                                  ("buyer@actors.example", "Bruno Einkauf", "buyer")]:
            cls.server.app.domain.team.add(account.reseller, email, name, role, Actor.member(account.member))

    def setUp(self):
        # Signed in afresh: a test moves the clock past a session's end.
        self.admin = self.sign_in("chef@actors.example")
        self.seller = self.sign_in("seller@actors.example")
        self.buyer = self.sign_in("buyer@actors.example")

    def history(self, query=""):
        return self.ok("GET", f"/api/v1/activity?limit=200{query}", token=self.admin)["items"]

    def test_each_change_names_the_member_the_customer_or_the_system(self):
        customer = self.invite(self.seller, 1)           # the seller invites
        self.accept(customer)                             # the customer accepts
        base = f"/api/v1/customers/{customer['id']}/subscription"
        self.ok("POST", f"{base}/license-orders", {"licenses": 12}, self.buyer, status=201)  # the buyer orders
        self.clock.advance(days=40)                       # the next month's bill: the system
        self.admin = self.sign_in("chef@actors.example")
        entries = [e for e in self.history(f"&customer_id={customer['id']}")]
        actors = {e["action"]: e["actor"] for e in entries}
        self.assertEqual(actors["customer.invited"],
                         {"kind": "member", "email": "seller@actors.example", "name": "Sina Verkauf"})
        self.assertEqual(actors["invitation.accepted"],
                         {"kind": "customer", "email": customer["email"], "name": customer["name"]})
        self.assertEqual(actors["subscription.licenses_ordered"],
                         {"kind": "member", "email": "buyer@actors.example", "name": "Bruno Einkauf"})
        system = [e["action"] for e in entries if e["actor"] == SYSTEM]
        self.assertTrue(system)
        self.assertTrue(set(system) <= {"subscription.renewed", "invoice.issued"}, system)
        # Every entry has an actor of one of the three kinds, with exactly these keys.
        for entry in self.history():
            self.assertEqual(set(entry["actor"]), {"kind", "email", "name"})
            self.assertIn(entry["actor"]["kind"], ("member", "customer", "system"))
            self.assertEqual(entry["actor"]["kind"] == "system", entry["actor"]["email"] is None)

    def test_team_changes_are_in_the_history_with_the_admin_as_actor(self):
        member = self.ok("POST", TEAM, {"email": "temp@actors.example", "name": "Tara Temp", "role": "viewer"},
                         self.admin, status=201)
        self.ok("PATCH", f"{TEAM}/{member['id']}", {"role": "sales"}, self.admin)
        self.ok("DELETE", f"{TEAM}/{member['id']}", token=self.admin, status=204)
        entries = [e for e in self.history() if e["action"].startswith("team.")
                   and "temp@actors.example" in e["summary"]]
        self.assertEqual([e["action"] for e in entries], ["team.member_removed", "team.role_changed",
                                                          "team.member_added"])
        admin = {"kind": "member", "email": "chef@actors.example", "name": "Chef"}
        self.assertEqual([e["actor"] for e in entries], [admin] * 3)
        self.assertEqual([e["customer_id"] for e in entries], [None] * 3)
        self.assertEqual((entries[1]["before"]["role"], entries[1]["after"]["role"]), ("viewer", "sales"))
        self.assertEqual(entries[2]["after"], {"email": "temp@actors.example", "name": "Tara Temp", "role": "viewer"})
        self.assertEqual(entries[0]["summary"], "Removed Tara Temp (temp@actors.example) from the team.")

    def test_the_actor_filter_shows_what_one_member_did(self):
        first = self.invite(self.seller, 2)
        self.invite(self.admin, 3)
        self.ok("PATCH", f"/api/v1/customers/{first['id']}", {"name": "Umbenannt"}, self.seller)
        mine = self.history("&actor=seller@actors.example")
        self.assertTrue(mine)
        self.assertEqual({e["actor"]["email"] for e in mine}, {"seller@actors.example"})
        everything = self.history()
        self.assertEqual([e["id"] for e in mine],
                         [e["id"] for e in everything if e["actor"] == mine[0]["actor"]])
        # Any spelling of the address; with a customer; paged.
        self.assertEqual(self.history("&actor=Seller@ACTORS.example"), mine)
        for_first = self.history(f"&actor=seller@actors.example&customer_id={first['id']}")
        self.assertEqual([e["action"] for e in for_first], ["customer.updated", "customer.invited"])
        page = self.ok("GET", "/api/v1/activity?actor=seller@actors.example&limit=1", token=self.admin)
        rest = self.ok("GET", f"/api/v1/activity?actor=seller@actors.example&limit=200&cursor={page['next_cursor']}",
                       token=self.admin)
        self.assertEqual([e["id"] for e in page["items"] + rest["items"]], [e["id"] for e in mine])

    def test_the_filter_is_for_members_and_checks_its_value(self):
        customer = self.invite(self.seller, 4)
        self.accept(customer)
        # The customer's own address finds nothing: the filter is for what members did.
        self.assertEqual(self.history(f"&actor={customer['email']}"), [])
        self.assertEqual(self.history("&actor=nobody@actors.example"), [])
        for bad in ("seller", "a@b", "%20"):
            error = self.assertError(self.call("GET", f"/api/v1/activity?actor={bad}", token=self.admin),
                                     422, "validation_failed")
            self.assertIn("actor", error["fields"])

    def test_a_member_who_left_is_still_named_and_found(self):
        member = self.ok("POST", TEAM, {"email": "gone@actors.example", "name": "Greta Gone", "role": "sales"},
                         self.admin, status=201)
        token = self.sign_in("gone@actors.example")
        self.invite(token, 5)
        self.ok("DELETE", f"{TEAM}/{member['id']}", token=self.admin, status=204)
        theirs = self.history("&actor=gone@actors.example")
        self.assertEqual([e["action"] for e in theirs], ["customer.invited"])
        self.assertEqual(theirs[0]["actor"], {"kind": "member", "email": "gone@actors.example", "name": "Greta Gone"})

    def test_another_accounts_history_is_not_reachable_by_actor(self):
        outsider = self.sign_in("outsider@elsewhere.example")
        self.invite(self.seller, 6)
        self.assertEqual(self.ok("GET", "/api/v1/activity?actor=seller@actors.example", token=outsider)["items"], [])
