"""Who may do what: the one table of role x capability (issue 22). The routes name the
capability each endpoint needs (http/routes.py), the pipeline refuses a member whose role lacks
it before anything runs, the OpenAPI document states the roles per operation from this table,
and `GET /me` hands the whole table to the console so it can say which role a control needs."""
from ..errors import NeedsRole

# In order of reach; lists of roles (refusals, the table in /me) follow this order.
ROLES = ("admin", "buyer", "sales", "viewer")
ROLE_NAMES = {"admin": "Admin", "buyer": "Buyer", "sales": "Sales", "viewer": "Viewer"}

CAPABILITIES = {
    # Dashboard, customers, subscriptions, invoices as JSON, history, plans, me.
    "view": ("admin", "buyer", "sales", "viewer"),
    # Invite, resend, revoke, edit customers.
    "manage_customers": ("admin", "sales"),
    # Order licenses, change plan, cancel, reactivate (and the previews that price them).
    "manage_subscriptions": ("admin", "buyer"),
    # Invoice documents (PDF) and exports (CSV).
    "export_billing": ("admin", "buyer"),
    # Team members.
    "manage_team": ("admin",),
    # The account's own legal and bank data: the billing profile every invoice is issued with
    # (issue 18). Its own capability, not manage_team's: who runs the team and who may change
    # the account's bank account and tax numbers are separate questions.
    "manage_account": ("admin",),
}


def allowed(role, capability):
    return role in CAPABILITIES[capability]


def require(member, capability):
    """Raises NeedsRole unless the member's role has the capability."""
    if not allowed(member["role"], capability):
        raise NeedsRole(CAPABILITIES[capability], ROLE_NAMES)


def capabilities_json():
    """The whole table as `GET /me` gives it: capability -> roles that have it."""
    return {capability: list(roles) for capability, roles in CAPABILITIES.items()}
