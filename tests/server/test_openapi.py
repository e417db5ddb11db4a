"""The OpenAPI document lists exactly the routes the server answers, and every contract
example validates against the schema the document gives for it."""
import json
import re
import unittest

from support import ROOT, load_contract
from partner_api import API_PREFIX
from partner_api.domain.roles import CAPABILITIES, ROLES
from partner_api.http.routes import add_kiosk_routes, build_router
from partner_api.http.routing import ByAction

SPEC = json.loads((ROOT / "src" / "partner_api" / "openapi.json").read_text(encoding="utf-8"))
EXAMPLES = {
    "health.json": "Health", "auth_demo.json": "Session", "me.json": "Me", "plans.json": "Plans",
    "error_unauthorized.json": "Error", "error_validation.json": "Error", "error_not_found.json": "Error",
    "error_licenses_changed.json": "Error", "error_plan_changed.json": "Error",
    "invitation_accept.json": "InvitationAccepted", "customers_page.json": "CustomerPage", "customer.json": "Customer",
    "subscription.json": "Subscription", "subscription_pending_cancel.json": "Subscription",
    "license_order_preview.json": "LicenseOrderPreview", "license_order.json": "LicenseOrderResult",
    "plan_change_preview.json": "PlanChangePreview", "plan_change.json": "PlanChangeResult",
    "invoice.json": "Invoice", "invoices_page.json": "InvoicePage", "activity_page.json": "ActivityPage",
    "dashboard.json": "Dashboard",
    "team_member.json": "TeamMember", "team_members.json": "TeamMemberList", "auth_google.json": "Session",
    "error_member_exists.json": "Error", "error_last_admin.json": "Error", "error_forbidden.json": "Error",
    "error_choose_reseller.json": "Error", "activity_actors.json": "ActivityPage",
    "activity_by_actor.json": "ActivityPage",
    "billing_profile.json": "BillingProfile", "error_currency_locked.json": "Error", "customer_billing.json": "Customer",
    "invoice_einvoice.json": "Invoice", "license_order_credit_preview.json": "LicenseOrderPreview",
    "license_order_credit.json": "LicenseOrderResult", "error_invoice_incomplete.json": "Error",
    "bulk_preview.json": "BulkPreview", "bulk_job.json": "BulkJob", "bulk_import_preview.json": "ImportPreview",
    "bulk_import_receiving.json": "BulkJob", "error_selection_changed.json": "Error", "saved_views.json": "SavedViewList",
    "error_wrong_domain.json": "Error", "invitation_decline.json": "InvitationDeclined",
    "customer_declined.json": "Customer", "start_paid_preview.json": "StartPaidPreview",
    "start_paid.json": "StartPaidResult", "subscription_seat_cap.json": "Subscription", "error_seat_cap.json": "Error",
    "suspend_preview.json": "SuspendPreview", "suspend.json": "SuspendResult", "customer_suspended.json": "Customer",
    "error_not_now.json": "Error", "resume_preview.json": "ResumePreview", "resume.json": "ResumeResult",
    "subscription_renewal.json": "Subscription", "transfer_token.json": "TransferToken",
    "customer_transfer_token.json": "Customer", "transfer_preview.json": "TransferPreview",
    "transfer.json": "TransferResult", "error_transfer_token_gone.json": "Error",
    "dashboard_lifecycle.json": "Dashboard",
}
TYPES = {"object": dict, "array": list, "string": str, "boolean": bool}


def validate(value, schema, path="$"):
    """The subset of OpenAPI 3.0 schema rules that the document uses."""
    if "$ref" in schema:
        target = SPEC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    if value is None:
        return [] if schema.get("nullable") else [f"{path}: null but not nullable"]
    kind = schema.get("type")
    if kind == "integer":
        if type(value) is not int:
            return [f"{path}: not an integer"]
    elif kind and not isinstance(value, TYPES[kind]) or (kind == "string" and isinstance(value, bool)):
        return [f"{path}: not a {kind}"]
    problems = []
    if "enum" in schema and value not in schema["enum"]:
        problems.append(f"{path}: {value!r} not in {schema['enum']}")
    if "pattern" in schema and not re.search(schema["pattern"], value):
        problems.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if kind == "object":
        props = schema.get("properties", {})
        for name in schema.get("required", []):
            if name not in value:
                problems.append(f"{path}: missing {name}")
        for name, item in value.items():
            if name in props:
                problems += validate(item, props[name], f"{path}.{name}")
            elif isinstance(schema.get("additionalProperties"), dict):
                problems += validate(item, schema["additionalProperties"], f"{path}.{name}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{path}: unexpected {name}")
    if kind == "array":
        for index, item in enumerate(value):
            problems += validate(item, schema["items"], f"{path}[{index}]")
    return problems


class OpenApi(unittest.TestCase):
    def test_spec_and_server_list_the_same_routes(self):
        stub = type("Stub", (), {"__getattr__": lambda self, name: None})()
        router = build_router(stub, API_PREFIX)
        add_kiosk_routes(router, stub)  # documented too; served only by a kiosk
        served = {(method, pattern[len(API_PREFIX):]) for method, pattern in router.table()}
        documented = {(method.upper(), path) for path, item in SPEC["paths"].items() for method in item}
        self.assertEqual(served, documented)

    def test_every_operation_documents_success_and_errors(self):
        for path, item in SPEC["paths"].items():
            for method, operation in item.items():
                codes = set(operation["responses"])
                self.assertTrue(codes & {"200", "201", "202", "204"}, (method, path))
                if operation.get("security") != []:
                    self.assertIn("401", codes, (method, path))
                if "requestBody" in operation:
                    self.assertTrue({"400", "413", "422"} <= codes, (method, path))
                if method in ("post", "put", "patch", "delete"):
                    self.assertIn({"$ref": "#/components/parameters/IdempotencyKey"}, operation["parameters"])

    def test_the_document_is_what_make_openapi_writes(self):
        # The roles per operation come from the route and role tables when it is written: a
        # changed rule and a stale document would disagree here.
        from make_openapi import spec
        self.assertEqual(json.loads(json.dumps(spec())), SPEC, "run tests/server/make_openapi.py")

    def test_every_error_code_in_the_code_is_listed(self):
        # The console says each listed code in German (tests/core/test_error_text.cpp); a code
        # written anywhere in the server but missing from the list would reach readers in English.
        listed = set(SPEC["components"]["schemas"]["Error"]["properties"]["error"]["properties"]["code"]["enum"])
        written = set()
        for path in (ROOT / "src" / "partner_api").rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            written |= set(re.findall(r'^\s+code = "([a-z_]+)"', text, re.M))
            written |= set(re.findall(r'error_body\([^,]+, "([a-z_]+)"', text))
        from partner_api.http.status import HTTP_ERROR_CODES
        written |= set(HTTP_ERROR_CODES.values())
        self.assertGreater(len(written), 30)
        self.assertEqual(written - listed, set(), "run tests/server/make_openapi.py")

    def test_every_signed_in_operation_states_its_roles_from_the_table(self):
        stub = type("Stub", (), {"__getattr__": lambda self, name: None})()
        router = build_router(stub, API_PREFIX)
        add_kiosk_routes(router, stub)
        for method, pattern, capability in router.capabilities():
            operation = SPEC["paths"][pattern[len(API_PREFIX):]][method.lower()]
            with self.subTest(f"{method} {pattern}"):
                if capability is None:
                    self.assertEqual(operation.get("security"), [])
                    self.assertNotIn("x-roles", operation)
                    continue
                if isinstance(capability, ByAction):  # each action's roles
                    self.assertEqual(operation["x-capability"], capability.of)
                    self.assertEqual(operation["x-roles"], {action: list(CAPABILITIES[needed])
                                                            for action, needed in capability.of.items()})
                    self.assertIn("403", operation["responses"])
                    continue
                self.assertEqual(operation["x-capability"], capability)
                self.assertEqual(operation["x-roles"], list(CAPABILITIES[capability]))
                # A role can be refused exactly when some role lacks the capability.
                self.assertEqual("403" in operation["responses"] and capability != "view",
                                 len(CAPABILITIES[capability]) < len(ROLES))
        # The table reaches the document: the PDF is a billing export, the team the Admin's.
        self.assertEqual(SPEC["paths"]["/invoices/{id}/pdf"]["get"]["x-roles"], ["admin", "buyer"])
        self.assertEqual(SPEC["paths"]["/team/members/{id}"]["delete"]["x-roles"], ["admin"])

    def test_contract_examples_validate_against_the_spec(self):
        from make_contract import build_examples
        self.assertEqual(sorted(EXAMPLES), sorted(build_examples()))
        for name, schema in EXAMPLES.items():
            with self.subTest(name):
                self.assertEqual(validate(load_contract(name), {"$ref": f"#/components/schemas/{schema}"}), [])

    def test_validator_catches_mistakes(self):
        bad = load_contract("customer.json")
        bad["subscription"]["unit_price"]["amount"] = 1.03
        bad["status"] = "sleeping"
        del bad["email"]
        self.assertEqual(len(validate(bad, {"$ref": "#/components/schemas/Customer"})), 3)


if __name__ == "__main__":
    unittest.main()
