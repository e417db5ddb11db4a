"""Saved views of the customer list (issue 19): a search, status filter, sort and columns under a
name. Every member keeps their own; a view shared with the team is in every member's menu. Only
the member who saved a view, or an Admin (who manages the team), changes or deletes it, so a
shared view is not changed under the team by whoever opens it."""
from ..clock import iso
from ..errors import NotFound, NotYourView, ValidationFailed, ViewExists
from .roles import allowed

MAX_VIEWS = 100  # per member: a menu, not a store


class SavedViews:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def visible(self, reseller, member):
        """The member's own views and the ones shared with the team, by name."""
        with self.storage.read() as repo:
            return repo.saved_views.visible_to(reseller["id"], member["id"])

    @staticmethod
    def _visible_one(repo, reseller, member, view_id):
        view = repo.saved_views.get(reseller["id"], view_id)
        # Another member's personal view is not there, as another reseller's is not.
        if view is None or (view["member_id"] != member["id"] and not view["shared"]):
            raise NotFound("There is no saved view with this id.")
        return view

    def _changeable(self, repo, reseller, member, view_id):
        view = self._visible_one(repo, reseller, member, view_id)
        if view["member_id"] != member["id"] and not allowed(member["role"], "manage_team"):
            raise NotYourView()
        return view

    def create(self, reseller, member, name, shared, state):
        """`state`: {"q", "status", "sort", "columns"} as the list has them."""
        now = iso(self.clock.now())
        with self.storage.write(account=reseller["id"]) as repo:
            if repo.saved_views.named(reseller["id"], member["id"], name):
                raise ViewExists()
            if repo.saved_views.count_of(reseller["id"], member["id"]) >= MAX_VIEWS:
                raise ValidationFailed({"name": f"You have {MAX_VIEWS} saved views; delete one first."})
            view_id = repo.saved_views.add(reseller["id"], member["id"], name, 1 if shared else 0, state["q"],
                                           state["status"], state["sort"], state["columns"], now)
            return repo.saved_views.get(reseller["id"], view_id)

    def update(self, reseller, member, view_id, changes):
        now = iso(self.clock.now())
        with self.storage.write(account=reseller["id"]) as repo:
            view = self._changeable(repo, reseller, member, view_id)
            if "name" in changes and changes["name"] != view["name"]:
                if repo.saved_views.named(reseller["id"], view["member_id"], changes["name"]):
                    raise ViewExists()
            if "shared" in changes:
                changes["shared"] = 1 if changes["shared"] else 0
            repo.saved_views.update(view_id, **changes, updated_at=now)
            return repo.saved_views.get(reseller["id"], view_id)

    def delete(self, reseller, member, view_id):
        with self.storage.write(account=reseller["id"]) as repo:
            self._changeable(repo, reseller, member, view_id)
            repo.saved_views.delete(view_id)
