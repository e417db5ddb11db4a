"""Maps method and path to a handler. Unknown path: NotFound; known path, other method:
MethodNotAllowed with the methods that path has. Every signed-in route names the capability it
needs (domain/roles.py), or for a route that does several things (a bulk job) the capability of
each (ByAction): a route without one is refused when the router is built."""
import re

from ..domain.roles import CAPABILITIES
from ..errors import MethodNotAllowed, NotFound

# Path parameter kinds: ids are positive integers, tokens are URL-safe base64.
_PARAM_PATTERNS = {"id": (r"[0-9]{1,18}", int), "token": (r"[A-Za-z0-9_-]{1,128}", str)}


class ByAction:
    """The capability of a route that does what it is asked (POST /bulk-jobs: the body's action;
    cancelling a job: the job's): each action's own, read before anything runs. `read(request)`
    names the action; `of` maps every action to its capability."""

    def __init__(self, of, read, source):
        self.of = dict(of)
        self.read = read
        self.source = source  # where the action is read, for the OpenAPI document: "body" or "job"

    def __call__(self, request):
        return self.of[self.read(request)]


def known_capability(capability):
    if isinstance(capability, ByAction):
        return bool(capability.of) and all(value in CAPABILITIES for value in capability.of.values())
    return capability in CAPABILITIES


class Route:
    def __init__(self, method, pattern, handler, auth, sign_in, capability, limit=None, keep_answer=True):
        self.method = method
        self.pattern = pattern
        self.handler = handler
        self.auth = auth
        self.sign_in = sign_in
        self.capability = capability
        # Which per-client rate limit the route counts against (the App's limiters), if any.
        self.limit = "sign_in" if sign_in else limit
        # Whether an Idempotency-Key may keep its answer: never one that holds a secret (a
        # session token, a transfer token): a retry then makes a new one.
        self.keep_answer = keep_answer and not sign_in
        self.converters = {}

        def param(match):
            name = match.group(1)
            regex, convert = _PARAM_PATTERNS["token" if name == "token" else "id"]
            self.converters[name] = convert
            return f"(?P<{name}>{regex})"

        self.regex = re.compile("^" + re.sub(r"\{(\w+)\}", param, pattern) + "$")


class Router:
    def __init__(self, prefix=""):
        self.prefix = prefix
        self.routes = []

    def add(self, method, pattern, handler, auth=True, sign_in=False, capability=None, limit=None, keep_answer=True):
        if auth and not known_capability(capability):
            raise ValueError(f"{method} {pattern} needs a session, so it must name the capability it needs: one "
                             f"of {', '.join(CAPABILITIES)} (domain/roles.py), not {capability!r}")
        if not auth and capability is not None:
            raise ValueError(f"{method} {pattern} needs no session, so no role can be checked: drop {capability!r}")
        self.routes.append(Route(method, self.prefix + pattern, handler, auth, sign_in, capability, limit, keep_answer))

    def match(self, method, path):
        allowed = []
        for route in self.routes:
            found = route.regex.match(path)
            if found is None:
                continue
            if route.method == method:
                params = {k: route.converters[k](v) for k, v in found.groupdict().items()}
                return route, params
            allowed.append(route.method)
        if allowed:
            raise MethodNotAllowed(self._with_head(allowed))
        raise NotFound("There is no such API endpoint.")

    def allowed_methods(self, path):
        return self._with_head(r.method for r in self.routes if r.regex.match(path))

    @staticmethod
    def _with_head(methods):
        """HEAD is allowed wherever GET is (it answers the same, without the body)."""
        methods = set(methods)
        if "GET" in methods:
            methods.add("HEAD")
        return sorted(methods)

    def table(self):
        """(method, pattern) of every route, for the OpenAPI consistency test."""
        return [(route.method, route.pattern) for route in self.routes]

    def capabilities(self):
        """(method, pattern, capability) of every route; None for a route without a session."""
        return [(route.method, route.pattern, route.capability) for route in self.routes]
