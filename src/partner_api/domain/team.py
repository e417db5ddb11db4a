"""The team: the members of a reseller account and their roles. Adding a member lets that person
sign in (with Google, under that email); changing a member's role or removing them ends their
sessions at once, so the next request they make is 401 and they sign in again with what they
may do now. The last Admin stays. Every change is in the history."""
from ..clock import iso
from ..errors import LastAdmin, MemberExists, NotFound
from ..validation import sort_key
from .activity import record
from .roles import ROLE_NAMES, ROLES


def member_snapshot(row):
    return {"email": row["email"], "name": row["name"], "role": row["role"]}


class Team:
    def __init__(self, storage, clock):
        self.storage = storage
        self.clock = clock

    def members(self, reseller):
        """The current members, Admins first, then by name."""
        with self.storage.read() as repo:
            rows = repo.members.of_reseller(reseller["id"])
        return sorted(rows, key=lambda row: (ROLES.index(row["role"]), sort_key(row["name"]), row["id"]))

    def add(self, reseller, email, name, role, actor):
        now = self.clock.now()
        email = email.lower()
        with self.storage.write(account=reseller["id"]) as repo:
            existing = repo.members.by_email(reseller["id"], email)
            if existing is not None:
                raise MemberExists(f"{email} is already a member of the team ({ROLE_NAMES[existing['role']]}).")
            member = repo.members.by_id(repo.members.add(reseller["id"], email, name, role, iso(now)))
            record(repo, reseller, None, actor, "team.member_added",
                   f"Added {name} ({email}) to the team as {ROLE_NAMES[role]}.", None, member_snapshot(member), now)
            return member

    def change_role(self, reseller, member_id, role, actor):
        """The member with its new role; the same role again changes and records nothing."""
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            member = self._member_or_404(repo, reseller, member_id)
            if member["role"] == role:
                return member
            self._keep_an_admin(repo, reseller, member)
            repo.members.set_role(member_id, role)
            repo.sessions.end_all_of_member(member_id, iso(now))
            after = repo.members.by_id(member_id)
            record(repo, reseller, None, actor, "team.role_changed",
                   f"Changed the role of {member['name']} ({member['email']}) from {ROLE_NAMES[member['role']]}"
                   f" to {ROLE_NAMES[role]}.", member_snapshot(member), member_snapshot(after), now)
            return after

    def remove(self, reseller, member_id, actor):
        now = self.clock.now()
        with self.storage.write(account=reseller["id"]) as repo:
            member = self._member_or_404(repo, reseller, member_id)
            self._keep_an_admin(repo, reseller, member)
            repo.members.remove(member_id, iso(now))
            repo.sessions.end_all_of_member(member_id, iso(now))
            record(repo, reseller, None, actor, "team.member_removed",
                   f"Removed {member['name']} ({member['email']}) from the team.", member_snapshot(member), None, now)

    @staticmethod
    def _member_or_404(repo, reseller, member_id):
        member = repo.members.get(reseller["id"], member_id)
        if member is None:  # another account's member, or one removed, looks the same
            raise NotFound("There is no team member with this id.")
        return member

    @staticmethod
    def _keep_an_admin(repo, reseller, member):
        """Counted inside the write transaction: two Admins demoting each other at once cannot
        leave the team without one."""
        if member["role"] == "admin" and repo.members.count_admins(reseller["id"]) <= 1:
            raise LastAdmin()
