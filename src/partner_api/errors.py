"""Errors. Each type names one documented failure; http/status.py maps types to HTTP status
codes in one table (STATUS_BY_ERROR), so the domain never speaks HTTP."""


class StartupError(Exception):
    """serve.py cannot start: what is wrong and what to do, in one or two lines for the
    operator (never an HTTP answer)."""


class DomainError(Exception):
    code = "internal_error"
    default_message = "Something went wrong on the server."

    def __init__(self, message=None, fields=None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        self.fields = fields
        self.details = {}  # more members of the error body, e.g. the current state


class BadRequest(DomainError):
    code = "bad_request"
    default_message = "The request could not be read: check the request line and headers."


class InvalidJson(DomainError):
    code = "invalid_json"
    default_message = "The request body is not valid JSON."


class LengthRequired(DomainError):
    code = "length_required"
    default_message = "The request needs a Content-Length header."


class Unauthorized(DomainError):
    code = "unauthorized"
    default_message = "Sign in to continue."


class SessionExpired(Unauthorized):
    code = "session_expired"
    default_message = "Your session has expired. Please sign in again."


class InvalidCredential(Unauthorized):
    code = "invalid_credential"
    default_message = "The Google sign-in could not be verified."


class CredentialRequired(Unauthorized):
    """Accepting or declining an invitation needs the visitor's Google sign-in (issue 23)."""
    code = "credential_required"
    default_message = ("Sign in with Google with an account of the invited domain to answer this invitation: "
                       "send {\"credential\": ID_TOKEN}.")


class Forbidden(DomainError):
    code = "forbidden"
    default_message = "This is not allowed."


class WrongDomain(Forbidden):
    """The verified Google account does not belong to the invited domain: nothing changed."""
    code = "wrong_domain"
    default_message = "This Google account does not belong to the invited domain."


class DemoAnswerRefused(Forbidden):
    code = "demo_acceptance_refused"
    default_message = ("Only an invitation of a demo account, on a demo server without Google sign-in, can be "
                       "answered without signing in with Google.")


class NotAReseller(Forbidden):
    code = "not_a_reseller"
    default_message = "This Google account is not registered as a reseller."


class NotADemoAccount(Forbidden):
    code = "not_a_demo_account"
    default_message = ("This email belongs to a registered reseller. Demo sign-in only opens demo "
                       "accounts: sign in with Google instead.")


class NeedsRole(Forbidden):
    """The member's role lacks what the request needs (domain/roles.py); nothing was changed.
    The answer names the roles that would do, so the console can say so."""
    code = "forbidden"

    def __init__(self, roles, names):
        shown = [names[role] for role in roles]
        listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
        super().__init__(f"This needs the {listed} role.")
        self.details = {"required_role": list(roles)}


class NotFound(DomainError):
    code = "not_found"
    default_message = "Not found."


class MethodNotAllowed(DomainError):
    code = "method_not_allowed"
    default_message = "This method is not allowed here."

    def __init__(self, allowed):
        super().__init__(f"This method is not allowed here. Allowed: {', '.join(allowed)}.")
        self.allowed = allowed


class Conflict(DomainError):
    code = "conflict"
    default_message = "The request conflicts with the current state."


class DomainTaken(Conflict):
    code = "domain_taken"
    default_message = "This Google domain already belongs to a customer."


class MemberExists(Conflict):
    code = "member_exists"
    default_message = "This person is already a member of the team."


class LastAdmin(Conflict):
    code = "last_admin"
    default_message = ("The team's last Admin cannot be removed or given another role. Make another "
                       "member an Admin first.")


class ChooseReseller(Conflict):
    """A person in several reseller accounts signed in without saying which one: the answer
    lists them (id, name, role) and the same credential is sent again with reseller_id."""
    code = "choose_reseller"
    default_message = "You are a member of several reseller accounts. Choose one to continue."

    def __init__(self, choices):
        super().__init__()
        self.details = {"resellers": choices}


class CurrencyLocked(Conflict):
    code = "currency_locked"

    def __init__(self, currency):
        super().__init__(f"The account has issued invoices in {currency}; its currency can no longer change.")
        self.details = {"current": {"currency": currency}}


class InvoiceIncomplete(Conflict):
    """An e-invoice (XRechnung) asked of an invoice that was issued without what the format
    needs: the invoice cannot change, so the answer names what it lacks."""
    code = "invoice_incomplete"

    def __init__(self, missing):
        super().__init__("This invoice was issued without what an e-invoice needs: " + ", ".join(missing) + ".")
        self.details = {"missing": list(missing)}


class DocumentsUnavailable(DomainError):
    """The server cannot make PDFs: the document stack (Debian's weasyprint) is not installed."""
    code = "documents_unavailable"
    default_message = ("This server cannot make PDF documents: install the Debian package weasyprint "
                       "(python3 serve.py installs it when run as root).")


class SubscriptionCancelled(Conflict):
    code = "subscription_cancelled"
    default_message = "The subscription is cancelled; nothing can be ordered on it."


class SubscriptionChanged(Conflict):
    """The subscription is no longer what the client saw (another person or tab changed it):
    nothing was ordered, and the answer carries the current state to ask again with."""

    def __init__(self, message, sub):
        super().__init__(message)
        self.details = {"current": {"licenses": sub["licenses"], "plan": sub["plan"],
                                    "billing_cycle": sub["billing_cycle"], "status": sub["status"]}}


class LicensesChanged(SubscriptionChanged):
    code = "licenses_changed"

    def __init__(self, expected, sub):
        super().__init__(f"The subscription has {sub['licenses']} licenses now, not {expected}: someone else "
                         f"changed it meanwhile. Nothing was ordered; check the new count and order again.", sub)


class PlanChanged(SubscriptionChanged):
    code = "plan_changed"

    def __init__(self, sub):
        super().__init__("The plan was changed by someone else meanwhile. Nothing was changed; check the "
                         "current plan and choose again.", sub)


# A customer's details a reseller edits (PATCH /customers/{id}), each with its expected_* precondition.
EDITABLE_DETAILS = ("name", "email", "organization", "google_domain")


class CustomerChanged(Conflict):
    """A customer's details are no longer what the client saw (its `expected_*` fields): another
    member or tab edited them meanwhile. Nothing was changed; the answer carries them as they are."""
    code = "customer_changed"

    def __init__(self, customer):
        super().__init__("The customer's details were changed by someone else meanwhile. Nothing was changed; "
                         "check them and edit again.")
        self.details = {"current": {k: customer[k] for k in EDITABLE_DETAILS}}


class IdempotencyConflict(Conflict):
    code = "idempotency_conflict"
    default_message = "This Idempotency-Key was already used with a different request."


class SelectionChanged(Conflict):
    """A bulk job's filter selects another number of customers than the preview showed."""
    code = "selection_changed"

    def __init__(self, expected, current):
        super().__init__(f"The filter selects {current:,} customers now, not {expected:,}: the list changed since "
                         "the preview. Nothing was started; look at the preview again.")
        self.details = {"current_total": current}


class RowConflict(Conflict):
    code = "row_conflict"

    def __init__(self, row):
        super().__init__(f"Row {row} of this import was already sent with other content. Nothing of this batch was "
                         "added; start a new import for a changed file.")
        self.details = {"row": row}


class JobFinished(Conflict):
    code = "job_finished"

    def __init__(self, status):
        super().__init__(f"This bulk job is {status}; it takes no more rows.")


class ViewExists(Conflict):
    code = "view_exists"
    default_message = "You already have a saved view with this name."


class NotYourView(Forbidden):
    code = "not_your_view"
    default_message = "Only the member who saved this view, or an Admin, can change or delete it."


class NotTheKioskAccount(Forbidden):
    code = "not_the_kiosk_account"
    default_message = "Only the kiosk's own demo account can be reset, and only to its snapshot."


class ResetConflict(Conflict):
    code = "kiosk_reset_conflict"
    default_message = "The demo data could not be restored: another account holds some of its data now."


class NotNow(Conflict):
    """An action the customer's state does not allow (domain/lifecycle.py, the one table):
    nothing changed. The answer names the state and the states that would allow it."""

    def __init__(self, message, state, allowed):
        super().__init__(message)
        self.details = {"state": state, "allowed_states": list(allowed)}


class CancelledNow(NotNow, SubscriptionCancelled):
    """NotNow for a cancelled subscription: keeps the code clients already know."""
    code = "subscription_cancelled"


class InvitationGone(DomainError):
    code = "invitation_gone"
    default_message = "This invitation link is no longer valid."
    # Why, for the invitation page to say it in the visitor's language (not in the API's body):
    # accepted | declined | replaced | expired.
    reason = None

    def __init__(self, message=None, reason=None):
        super().__init__(message)
        self.reason = reason


class TransferTokenGone(DomainError):
    code = "transfer_token_gone"
    default_message = "This transfer token is no longer valid."

    def __init__(self, message=None, reason=None):
        super().__init__(message)
        # used | revoked | superseded | expired: in the body, for clients to say it in their reader's language.
        if reason:
            self.details["reason"] = reason


class PayloadTooLarge(DomainError):
    code = "payload_too_large"
    default_message = "The request body is larger than 1 MiB."


class UnsupportedMediaType(DomainError):
    code = "unsupported_media_type"
    default_message = "Send the request body as JSON with the header Content-Type: application/json."


class ValidationFailed(DomainError):
    code = "validation_failed"
    default_message = "Some fields are missing or invalid."

    def __init__(self, fields, message=None):
        super().__init__(message or self.default_message, fields)


class RateLimited(DomainError):
    code = "rate_limited"
    default_message = "Too many sign-in attempts. Please wait and try again."

    WHAT = {"sign_in": "sign-in attempts", "kiosk_reset": "kiosk resets"}

    def __init__(self, retry_after, limit="sign_in"):
        super().__init__(f"Too many {self.WHAT.get(limit, 'requests')}. Try again in {retry_after} seconds.")
        self.retry_after = retry_after
        self.details["retry_after"] = retry_after  # in the body too: a page's fetch may not see headers


class ServiceUnavailable(DomainError):
    code = "service_unavailable"
    default_message = "A service this request needs is not reachable."


class GoogleNotConfigured(ServiceUnavailable):
    code = "google_sign_in_unavailable"
    default_message = ("This server cannot check Google sign-ins (no Google client id is configured), so it cannot "
                       "accept this invitation. Please tell your reseller.")


class StorageUnavailable(ServiceUnavailable):
    code = "storage_unavailable"
    default_message = ("The server could not save this: its disk is full or failing. Nothing was changed; "
                       "try again later.")


class DatabaseUnreachable(ServiceUnavailable):
    code = "database_unreachable"
    default_message = ("The server cannot reach its database right now. Try again in a moment; a request sent with "
                       "an Idempotency-Key is safe to repeat.")


class StorageConflict(ServiceUnavailable):
    """Another server process changed the same data at the same moment; the request is run
    again (http/app.py) and this is answered only when that keeps happening."""
    code = "storage_busy"
    default_message = "The server is busy with the same data. Nothing was changed; try again in a moment."
