"""Invitation links at rest. The console shows a pending invitation's link (Copy link, the
kiosk's Open invitation page), so the server must be able to give it again; but the database
never holds the link's token in plain text. It holds the token sealed with the server's secret
(a file beside the database, storage/secret.py): the token XOR an HMAC-SHA256 keystream of a
random nonce, with an HMAC tag. The database alone gives no link; the database and the secret
together do, as they must for the console to show it. The token's SHA-256 (token_hash) stays
the lookup key: the customer's link is checked against it, never unsealed.

We chose sealing over deriving the token from the secret and a stored nonce: a sealed token
can be any token, so links made before this version were sealed at start-up and keep showing
and working (a derived one could not have been)."""
import base64
import functools
import hashlib
import hmac
import os
import re

PREFIX = "sealed1."
NONCE = 16
TAG = 16
# A link's token in a URL path, not yet sealed (tokens are URL-safe base64 of 32 random bytes).
PLAIN_LINK = re.compile(r"/invite/([A-Za-z0-9_-]{16,128})(?![A-Za-z0-9_.-])")
SEALED_LINK = re.compile(r"/invite/(" + re.escape(PREFIX) + r"[A-Za-z0-9_-]+)")


def _b64(data):
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class LinkSeal:
    def __init__(self, secret):
        """`secret`: bytes, or a function that gives them when a link is first sealed or opened
        (a command that never touches a link never needs the secret)."""
        self._secret = secret

    @functools.cached_property
    def _keys(self):
        secret = self._secret() if callable(self._secret) else self._secret
        if len(secret) < 32:
            raise ValueError("the server secret must be at least 32 bytes")
        return (hmac.new(secret, b"invitation link: keystream", hashlib.sha256).digest(),
                hmac.new(secret, b"invitation link: tag", hashlib.sha256).digest())

    @property
    def _encrypt(self):
        return self._keys[0]

    @property
    def _sign(self):
        return self._keys[1]

    def _keystream(self, nonce, length):
        blocks = (hmac.new(self._encrypt, nonce + bytes([n]), hashlib.sha256).digest()
                  for n in range((length + 31) // 32))
        return b"".join(blocks)[:length]

    def seal(self, token):
        plain = token.encode("utf-8")
        nonce = os.urandom(NONCE)
        sealed = bytes(a ^ b for a, b in zip(plain, self._keystream(nonce, len(plain))))
        tag = hmac.new(self._sign, nonce + sealed, hashlib.sha256).digest()[:TAG]
        return PREFIX + _b64(nonce + sealed + tag)

    def open(self, text):
        """The token, or None: not sealed, damaged, or sealed with another secret (a database
        restored beside another secret file)."""
        if not text or not text.startswith(PREFIX):
            return None
        try:
            data = _unb64(text[len(PREFIX):])
        except ValueError:
            return None
        if len(data) <= NONCE + TAG:
            return None
        nonce, sealed, tag = data[:NONCE], data[NONCE:-TAG], data[-TAG:]
        if not hmac.compare_digest(tag, hmac.new(self._sign, nonce + sealed, hashlib.sha256).digest()[:TAG]):
            return None
        plain = bytes(a ^ b for a, b in zip(sealed, self._keystream(nonce, len(sealed))))
        try:
            return plain.decode("utf-8")
        except UnicodeDecodeError:
            return None

    def seal_links(self, text):
        """Text (a stored answer, an email) with every invitation link's token sealed."""
        return PLAIN_LINK.sub(lambda m: "/invite/" + self.seal(m.group(1)), text)

    def open_links(self, text):
        """The other way round; a link sealed with another secret becomes /invite/unavailable."""
        return SEALED_LINK.sub(lambda m: "/invite/" + (self.open(m.group(1)) or "unavailable"), text)
