"""Checks on request bodies and query strings. Each collects every bad field so one 422
answer lists them all."""
import re
import unicodedata

from .errors import ValidationFailed

MAX_NAME = 200
EMAIL_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@([A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)$")
LABEL_RE = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")

# Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): they make a name read
# differently from what it holds (an invoice, a CSV, a log line).
BIDI_CONTROLS = frozenset(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))
# Code points that draw nothing on their own. A name made only of these (and spaces) looks
# empty. The same ranges are in src/core/validation.cpp, so the console agrees character
# for character; ZWJ/ZWNJ and combining marks stay allowed inside real words.
INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x2800, 0x2800),
    (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
    # Combining marks with no base letter to sit on.
    (0x0300, 0x036F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
    # Format controls: interlinear annotation, shorthand and Egyptian hieroglyph formatting.
    (0xFFF9, 0xFFFB), (0x1BCA0, 0x1BCA3), (0x13430, 0x1343F),
    # Noncharacters and private use: nothing any font on a reader's machine is sure to draw.
    (0xFDD0, 0xFDEF), (0xE000, 0xF8FF), (0xF0000, 0x10FFFF),
)


def noncharacter(code):
    """U+FFFE and U+FFFF of every plane (U+FDD0-U+FDEF are in the ranges above)."""
    return code & 0xFFFE == 0xFFFE


def invisible(ch):
    code = ord(ch)
    if code < 0xAD:  # below every range: only a space draws nothing (the common case, fast)
        return ch.isspace()
    return ch.isspace() or noncharacter(code) or any(low <= code <= high for low, high in INVISIBLE_RANGES)


def unsafe_text(value, one_line=True):
    """The problem with free text a person typed, or None: control characters (category Cc,
    line and paragraph separators, surrogates) and bidirectional overrides never reach the
    database."""
    if value.isprintable():  # false for every character below (Cc, Cs, Zl, Zp, and Cf: the bidi ones)
        return None
    for ch in value:
        if ch in BIDI_CONTROLS:
            return "Must not contain bidirectional override or isolate characters."
        category = unicodedata.category(ch)
        if category in ("Cc", "Cs") or (one_line and category in ("Zl", "Zp")):
            return "Must not contain control characters (such as tabs or line breaks)."
    return None


class Fields:
    """Reads fields of a JSON object, remembering what was wrong with each. A nested object is a
    section (`section`) whose problems are named "outer.inner"."""

    def __init__(self, body, allowed, prefix="", errors=None):
        self.body = body
        self.prefix = prefix
        self.errors = {} if errors is None else errors
        for name in body:
            if name not in allowed:
                self.fail(name, "Unknown field.")

    def fail(self, name, message):
        self.errors[self.prefix + name] = message

    def failed(self, name):
        return self.prefix + name in self.errors

    def has(self, name):
        return name in self.body

    def _string(self, name, required):
        if name not in self.body or self.body[name] is None:
            if required:
                self.fail(name, "This field is required.")
            return None
        value = self.body[name]
        if not isinstance(value, str):
            self.fail(name, "Must be a string.")
            return None
        return value

    def name(self, name, required=True):
        value = self._string(name, required)
        if value is None:
            return None
        value = unicodedata.normalize("NFC", value.strip())
        if not value:
            self.fail(name, "Must not be empty.")
        elif len(value) > MAX_NAME:
            self.fail(name, f"Must be at most {MAX_NAME} characters.")
        elif unsafe_text(value):
            self.fail(name, unsafe_text(value))
        elif all(invisible(ch) for ch in value):
            self.fail(name, "Must contain visible letters or digits, not only invisible characters.")
        return value

    def email(self, name, required=True):
        value = self._string(name, required)
        if value is None:
            return None
        value = value.strip()
        match = EMAIL_RE.match(value)
        if len(value) > 254 or not match or not valid_domain(match.group(1).lower()):
            self.fail(name, "Must be an email address like name@example.com.")
            return None
        local, _, domain = value.rpartition("@")
        return f"{local}@{domain.lower()}"

    def domain(self, name, required=True):
        value = self._string(name, required)
        if value is None:
            return None
        value = value.strip().lower().rstrip(".")
        if not valid_domain(value):
            self.fail(name, "Must be a bare domain name like example.com (no scheme, path, spaces or @).")
            return None
        return value

    def text(self, name, max_length, required=False):
        """One line of free text, such as a cancel reason."""
        value = self._string(name, required)
        if value is None:
            return None
        value = unicodedata.normalize("NFC", value.strip())
        if len(value) > max_length:
            self.fail(name, f"Must be at most {max_length} characters.")
        elif unsafe_text(value):
            self.fail(name, unsafe_text(value))
        return value

    def pattern(self, name, regex, message, required=False, normalize=str.strip):
        """A code of a fixed form (a postal code, a phone number): normalized, then matched whole."""
        value = self._string(name, required)
        if value is None:
            return None
        value = normalize(value)
        if not re.fullmatch(regex, value):
            self.fail(name, message)
            return None
        return value

    def checked(self, name, check, message, required=False):
        """An identifier that `check` puts into its stored form, or None if it is not valid."""
        value = self._string(name, required)
        if value is None:
            return None
        stored = check(value)
        if stored is None:
            self.fail(name, message)
        return stored

    def choice(self, name, choices, required=True):
        value = self._string(name, required)
        if value is not None and value not in choices:
            self.fail(name, f"Must be one of: {', '.join(choices)}.")
            return None
        return value

    def integer(self, name, low, high, required=True):
        if name not in self.body or self.body[name] is None:
            if required:
                self.fail(name, "This field is required.")
            return None
        value = self.body[name]
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, "Must be a whole number.")
            return None
        if not low <= value <= high:
            self.fail(name, f"Must be between {low:,} and {high:,}.")
            return None
        return value

    def section(self, name, allowed, required=True):
        """The nested object `name` as Fields of its own (None if absent or null, which is an
        error when required; or not an object)."""
        if name not in self.body or self.body[name] is None:
            if required:
                self.fail(name, "This field is required.")
            return None
        if not isinstance(self.body[name], dict):
            self.fail(name, "Must be an object.")
            return None
        return Fields(self.body[name], allowed, f"{self.prefix}{name}.", self.errors)

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
