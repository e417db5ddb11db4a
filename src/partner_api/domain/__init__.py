"""The domain: the partner API's rules, one room per capability. Every room is given the
storage interface (storage/repository.py) and a clock; none speaks HTTP or writes SQL. Every
change, its invoice and its activity entry are written in one storage transaction."""
from .activity import Activity
from .billing_clock import BillingClock
from .billing_profile import BillingProfiles
from .bulk_actions import BulkActions
from .bulk_jobs import BulkJobs
from .bulk_worker import BulkWorker
from .customers import Customers
from .dashboard import Dashboard
from .housekeeping import Housekeeping
from .invitations import Invitations
from .invoices import Invoices
from .kiosk import Kiosk
from .links import LinkSeal
from .resellers import DEMO_EMAIL, Resellers  # noqa: F401  (the demo account's address, for serve.py)
from .saved_views import SavedViews
from .sessions import Sessions
from .renewals import Renewals
from .subscriptions import Subscriptions
from .suspension import Suspensions
from .team import Team
from .transfers import Transfers
from .trials import Trials


__all__ = ["DEMO_EMAIL", "Domain"]


class Domain:
    """The rooms, composed over one storage and one clock."""

    def __init__(self, storage, clock, session_hours=8, log=None):
        log = log or (lambda message, **fields: None)
        self.storage = storage
        self.clock = clock
        self.resellers = Resellers(storage, clock)
        self.sessions = Sessions(storage, clock, session_hours)
        self.team = Team(storage, clock)
        self.billing = BillingClock(storage, clock)
        self.billing_profiles = BillingProfiles(storage, clock)
        self.links = LinkSeal(lambda: storage.secret)
        self.customers = Customers(storage, clock, log, self.links)
        self.invitations = Invitations(storage, clock, log, self.links)
        self.subscriptions = Subscriptions(storage, clock)
        self.trials = Trials(storage, clock)
        self.suspensions = Suspensions(storage, clock)
        self.renewals = Renewals(storage, clock)
        self.transfers = Transfers(storage, clock, self.billing)
        self.invoices = Invoices(storage, clock)
        self.activity = Activity(storage)
        self.dashboard = Dashboard(storage, clock)
        self.kiosk = Kiosk(storage, clock)
        self.housekeeping = Housekeeping(storage, clock)
        actions = BulkActions(self.customers, self.invitations, self.subscriptions)
        self.bulk = BulkJobs(storage, clock, actions)
        self.bulk_worker = BulkWorker(storage, clock, actions, self.billing, log)
        self.saved_views = SavedViews(storage, clock)
