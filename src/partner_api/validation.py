"""Checks on request bodies and query strings. Each collects every bad field so one 422
answer lists them all."""
import re
import unicodedata

from .errors import ValidationFailed

MAX_NAME = 200
EMAIL_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$")
LABEL_RE = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


class Fields:
    """Reads fields of a JSON object, remembering what was wrong with each."""

    def __init__(self, body, allowed):
        self.body = body
        self.errors = {}
        for name in body:
            if name not in allowed:
                self.errors[name] = "Unknown field."

    def has(self, name):
        return name in self.body

    def _string(self, name, required):
        if name not in self.body or self.body[name] is None:
            if required:
                self.errors[name] = "This field is required."
            return None
        value = self.body[name]
        if not isinstance(value, str):
            self.errors[name] = "Must be a string."
            return None
        return value

    def name(self, name, required=True):
        value = self._string(name, required)
        if value is None:
            return None
        value = unicodedata.normalize("NFC", value.strip())
        if not value:
            self.errors[name] = "Must not be empty."
        elif len(value) > MAX_NAME:
            self.errors[name] = f"Must be at most {MAX_NAME} characters."
        elif any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value):
            self.errors[name] = "Must not contain control characters."
        return value

    def email(self, name, required=True):
        value = self._string(name, required)
        if value is None:
            return None
        value = value.strip()
        match = EMAIL_RE.match(value)
        if len(value) > 254 or not match or not valid_domain(match.group(1).lower()):
            self.errors[name] = "Must be an email address like name@example.com."
            return None
        local, _, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"

    def domain(self, name, required=True):
        value = self._string(name, required)
        if value is None:
            return None
        value = value.strip().lower().rstrip(".")
        if not valid_domain(value):
            self.errors[name] = ("Must be a bare domain name like example.com"
                                 " (no scheme, path, spaces or @).")
            return None
        return value

    def text(self, name, max_length, required=False):
        value = self._string(name, required)
        if value is not None and len(value.strip()) > max_length:
            self.errors[name] = f"Must be at most {max_length} characters."
        return None if value is None else value.strip()

    def choice(self, name, choices, required=True):
        value = self._string(name, required)
        if value is not None and value not in choices:
            self.errors[name] = f"Must be one of: {', '.join(choices)}."
            return None
        return value

    def integer(self, name, low, high, required=True):
        if name not in self.body or self.body[name] is None:
            if required:
                self.errors[name] = "This field is required."
            return None
        value = self.body[name]
        if isinstance(value, bool) or not isinstance(value, int):
            self.errors[name] = "Must be a whole number."
            return None
        if not low <= value <= high:
            self.errors[name] = f"Must be between {low:,} and {high:,}."
            return None
        return value

    def check(self):
        if self.errors:
            raise ValidationFailed(self.errors)


def valid_domain(value):
    if not value or len(value) > 253 or "." not in value:
        return False
    labels = value.split(".")
    # The last label is a TLD: letters (or an IDN xn-- label), not a number.
    if not re.match(r"^([a-z]{2,63}|xn--[a-z0-9-]+)$", labels[-1]):
        return False
    return all(LABEL_RE.match(label) for label in labels)


def query_int(query, name, default, low, high):
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise ValidationFailed({name: f"Must be a whole number between {low} and {high}."})
    return value


def query_choice(query, name, choices):
    raw = query.get(name)
    if raw is None or raw == "":
        return None
    if raw not in choices:
        raise ValidationFailed({name: f"Must be one of: {', '.join(choices)}."})
    return raw


def sort_key(name):
    """Accent- and case-insensitive sort key: Ärzte sorts with A, Weiß as weiss."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch))
