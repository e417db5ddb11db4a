"""The customer's whole life (issue 23) as one table: which action is allowed in which state.
Every room that changes a customer or its subscription asks `require(action, state)` inside its
write transaction, before it changes anything; a refused action is a plain 409 (NotNow) that
names the state, and nothing is written. tests/server/test_lifecycle.py tries every pair.

A customer's state is one word: its own status while it has no subscription to speak of
(invited, expired: invited with a dead link, revoked, declined), else its subscription's
(trial, active, pending_cancel, suspended, cancelled). A customer invited again after it was
cancelled is `invited` again; its old subscription is history until the new link is accepted.

What the table does not say is said where it applies, as a 409 too: renewal settings are for
annual plans, a seat cap for flexible ones; a transfer token must be live."""
from ..clock import parse_iso
from ..errors import CancelledNow, NotNow

STATES = ("invited", "expired", "revoked", "declined", "trial", "active", "pending_cancel", "suspended",
          "cancelled")
# The states in which the customer has a subscription that runs (or waits, suspended).
LIVE = ("trial", "active", "pending_cancel", "suspended")

# action: (states that allow it, what it needs, in words for the refusal)
TABLE = {
    # The customer.
    "edit": (STATES, "Editing is always possible"),
    "edit_domain": (("invited", "expired"), "The Google domain can be changed only while the invitation is open"),
    "resend": (("invited", "expired", "revoked"), "Only an open or revoked invitation can be sent again"),
    "revoke": (("invited", "expired"), "Only an open invitation can be revoked"),
    "invite_again": (("expired", "revoked", "declined", "cancelled"),
                     "Only a customer whose invitation expired, was revoked or declined, or whose subscription "
                     "was cancelled, can be invited again"),
    "transfer_token": (LIVE, "Only a customer with a running subscription can be transferred"),
    "revoke_transfer_token": (LIVE, "Only a customer with a running subscription has a transfer token"),
    "transfer": (LIVE, "Only a customer with a running subscription can be transferred"),
    # Its subscription.
    "order_licenses": (("trial", "active", "pending_cancel"), "Licenses can be ordered only on a running, "
                                                               "not suspended subscription"),
    "change_plan": (("trial", "active"), "The plan can be changed only on a trial or an active subscription "
                                         "(reactivate or resume it first)"),
    "cancel_now": (LIVE, "Only a running subscription can be cancelled"),
    "cancel_at_end": (("trial", "active"), "Only a trial or an active subscription can be set to cancel at the "
                                           "end of its term"),
    "reactivate": (("pending_cancel",), "Only a subscription set to cancel can be reactivated"),
    "start_paid": (("trial",), "Only a trial can start its paid plan"),
    "suspend": (("active",), "Only an active paid subscription can be suspended"),
    "resume": (("suspended",), "Only a suspended subscription can be resumed"),
    "renewal": (("active", "pending_cancel", "suspended"), "Renewal settings are for a paid subscription that "
                                                          "has not ended"),
    "seat_cap": (LIVE, "A seat cap is set on a running subscription"),
}
CUSTOMER_ACTIONS = ("edit", "edit_domain", "resend", "revoke", "invite_again", "transfer_token",
                    "revoke_transfer_token", "transfer")

STATE_WORDS = {
    "invited": "invited (the invitation is open)", "expired": "invited, but the invitation link has expired",
    "revoked": "revoked (the invitation was withdrawn)", "declined": "declined (the customer declined the "
                                                                     "invitation)",
    "trial": "in its trial", "active": "active", "pending_cancel": "set to cancel at the end of its term",
    "suspended": "suspended", "cancelled": "cancelled",
}


def state_of(customer, invitation, subscription, now):
    """The customer's state: one of STATES."""
    status = customer["status"]
    if status == "invited":
        expired = invitation is not None and parse_iso(invitation["expires_at"]) <= now
        return "expired" if expired else "invited"
    if status in ("active", "suspended", "cancelled") and subscription is not None:
        return subscription["status"]
    return status


def allowed(action, state):
    return state in TABLE[action][0]


def require(action, state):
    """Raises NotNow (409) unless the table allows the action in this state."""
    states, needs = TABLE[action]
    if state in states:
        return
    message = f"{needs}; this customer is {STATE_WORDS[state]}. Nothing was changed."
    if state == "cancelled" and action not in CUSTOMER_ACTIONS:
        raise CancelledNow(message, state, states)
    raise NotNow(message, state, states)
