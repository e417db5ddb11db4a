"""Sign-in sessions: demo sign-in, Google sign-in of team members, the bearer token each request
carries, and sign-out. A session belongs to a member of one reseller account. Only a hash of a
token is stored."""
import dataclasses
import datetime as dt
import hashlib
import re
import secrets

from ..clock import iso, parse_iso
from ..errors import ChooseReseller, Forbidden, NotADemoAccount, NotAReseller, SessionExpired, Unauthorized


def token_hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def name_from_email(email):
    local = email.split("@", 1)[0]
    words = [word for word in re.split(r"[._+\-]+", local) if word]
    return " ".join(word.title() for word in words) or email


@dataclasses.dataclass(frozen=True)
class SignIn:
    token: str
    expires_at: str
    reseller: object   # the account's row
    member: object     # the member's row (last_sign_in_at as of this sign-in)


@dataclasses.dataclass(frozen=True)
class SignedIn:
    """Who a request's token speaks for: the member and the account it acts in."""
    reseller: object
    member: object


class Sessions:
    def __init__(self, storage, clock, session_hours=8):
        self.storage = storage
        self.clock = clock
        self.session_hours = session_hours

    def demo_sign_in(self, email):
        """Demo mode opens demo accounts only, creating one (its email its Admin) for a new
        address on first use. An address that is a member of a demo account enters as that
        member (so each role of the demo team can be tried). A registered (real) reseller's
        address is refused, whether it is the account's email or a member's: demo sign-in checks
        no identity."""
        email = email.lower()
        with self.storage.write() as repo:
            account = repo.resellers.by_email(email)
            if account is not None and not account["is_demo"]:
                raise NotADemoAccount()
            memberships = repo.members.accounts_of(email)
            demo = [m for m in memberships if m["reseller_is_demo"]]
            now = iso(self.clock.now())
            if account is not None:
                # A demo account's own email always opens it; as an Admin again if a visitor
                # took that address off its team.
                member = next((m for m in demo if m["reseller_id"] == account["id"]), None)
                if member is None:
                    member = repo.members.by_id(repo.members.add(account["id"], email, name_from_email(email),
                                                                 "admin", now))
            elif demo:
                member = demo[0]  # a demo team's member enters as that member (the oldest team)
            elif memberships:
                raise NotADemoAccount()  # a member of registered teams only
            else:
                reseller_id = repo.resellers.add(email, name_from_email(email), now, demo=True)
                member = repo.members.by_id(repo.members.add(reseller_id, email, name_from_email(email), "admin", now))
            return self._new_session(repo, member)

    def sign_in_member(self, email, reseller_id=None):
        """Google sign-in: a member of a registered account (demo accounts are anyone's, so
        Google never opens them). Several accounts and no choice: ChooseReseller lists them."""
        with self.storage.write() as repo:
            memberships = [m for m in repo.members.accounts_of(email.lower()) if not m["reseller_is_demo"]]
            if not memberships:
                raise NotAReseller()
            if reseller_id is None:
                if len(memberships) > 1:
                    raise ChooseReseller([{"id": m["reseller_id"], "name": m["reseller_name"], "role": m["role"]}
                                          for m in memberships])
                member = memberships[0]
            else:
                member = next((m for m in memberships if m["reseller_id"] == reseller_id), None)
                if member is None:
                    raise Forbidden("You are not a member of this reseller account.")
            return self._new_session(repo, member)

    def _new_session(self, repo, member):
        token = secrets.token_urlsafe(32)  # 256 random bits
        now = self.clock.now()
        expires_at = now + dt.timedelta(hours=self.session_hours)
        repo.sessions.add(token_hash(token), member["reseller_id"], member["id"], iso(now), iso(expires_at))
        repo.members.signed_in(member["id"], iso(now))
        return SignIn(token, iso(expires_at), repo.resellers.get(member["reseller_id"]),
                      repo.members.by_id(member["id"]))

    def authenticate(self, token):
        """The member (and account) whose live session the token is; reads only. A member who
        was removed meanwhile is signed out (removing one ends their sessions too)."""
        if not token:
            raise Unauthorized()
        with self.storage.read() as repo:
            session = repo.sessions.get(token_hash(token))
            if session is None or session["ended_at"] is not None:
                raise Unauthorized("The session token is not valid. Please sign in.")
            if parse_iso(session["expires_at"]) <= self.clock.now():
                raise SessionExpired()
            member = repo.members.by_id(session["member_id"]) if session["member_id"] is not None else None
            if member is None or member["removed_at"] is not None or member["reseller_id"] != session["reseller_id"]:
                raise Unauthorized("You are no longer a member of this reseller account. Please sign in.")
            return SignedIn(repo.resellers.get(session["reseller_id"]), member)

    def sign_out(self, token):
        with self.storage.write() as repo:
            repo.sessions.end(token_hash(token), iso(self.clock.now()))
