"""Sign-in sessions: demo sign-in, Google sign-in of registered resellers, the bearer token
each request carries, and sign-out. Only a hash of a token is stored."""
import datetime as dt
import hashlib
import re
import secrets

from ..clock import iso, parse_iso
from ..errors import NotADemoAccount, NotAReseller, SessionExpired, Unauthorized


def token_hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def name_from_email(email):
    local = email.split("@", 1)[0]
    words = [word for word in re.split(r"[._+\-]+", local) if word]
    return " ".join(word.title() for word in words) or email


class Sessions:
    def __init__(self, storage, clock, session_hours=8):
        self.storage = storage
        self.clock = clock
        self.session_hours = session_hours

    def demo_sign_in(self, email):
        """Demo mode opens demo accounts only, creating one for a new address on first use.
        A registered (real) reseller's email is refused: demo sign-in checks no identity.
        Returns (token, expires_at, reseller)."""
        email = email.lower()
        with self.storage.write() as repo:
            reseller = repo.resellers.by_email(email)
            if reseller is None:
                reseller = repo.resellers.get(repo.resellers.add(email, name_from_email(email),
                                                                 iso(self.clock.now()), demo=True))
            elif not reseller["is_demo"]:
                raise NotADemoAccount()
            return self._new_session(repo, reseller)

    def sign_in_registered(self, email):
        """Google sign-in: registered resellers only (a demo account is anyone's)."""
        with self.storage.write() as repo:
            reseller = repo.resellers.by_email(email.lower())
            if reseller is None or reseller["is_demo"]:
                raise NotAReseller()
            return self._new_session(repo, reseller)

    def _new_session(self, repo, reseller):
        token = secrets.token_urlsafe(32)  # 256 random bits
        now = self.clock.now()
        expires_at = now + dt.timedelta(hours=self.session_hours)
        repo.sessions.add(token_hash(token), reseller["id"], iso(now), iso(expires_at))
        return token, iso(expires_at), reseller

    def authenticate(self, token):
        """The reseller whose live session the token is; reads only."""
        if not token:
            raise Unauthorized()
        with self.storage.read() as repo:
            session = repo.sessions.get(token_hash(token))
            if session is None or session["ended_at"] is not None:
                raise Unauthorized("The session token is not valid. Please sign in.")
            if parse_iso(session["expires_at"]) <= self.clock.now():
                raise SessionExpired()
            return repo.resellers.get(session["reseller_id"])

    def sign_out(self, token):
        with self.storage.write() as repo:
            repo.sessions.end(token_hash(token), iso(self.clock.now()))
