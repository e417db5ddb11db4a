"""Verifies Google ID tokens (RS256 JWTs) with the standard library alone: the RSA
signature check is modular exponentiation plus the PKCS#1 v1.5 DigestInfo for SHA-256. A
--google-jwks file is checked at start-up (check_jwks_file)."""
import base64
import hashlib
import hmac
import json
import os
import re
import threading
import time
import urllib.request

from ..errors import InvalidCredential, ServiceUnavailable, StartupError

GOOGLE_JWKS_URL = "https://www.googleapis.com/oauth2/v3/certs"
GOOGLE_ISSUERS = ("accounts.google.com", "https://accounts.google.com")
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")
CLOCK_SKEW = 60  # seconds of leeway on exp/iat, as Google's own libraries allow


def b64url_decode(text):
    if isinstance(text, str):
        text = text.encode("ascii")
    return base64.urlsafe_b64decode(text + b"=" * (-len(text) % 4))


def b64url_int(text):
    return int.from_bytes(b64url_decode(text), "big")


def rsa_sha256_verify(message, signature, modulus, exponent):
    """PKCS#1 v1.5 signature check (RFC 8017 section 8.2.2)."""
    size = (modulus.bit_length() + 7) // 8
    if len(signature) != size:
        return False
    s = int.from_bytes(signature, "big")
    if s >= modulus:
        return False
    encoded = pow(s, exponent, modulus).to_bytes(size, "big")
    digest_info = SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    padding = size - len(digest_info) - 3
    if padding < 8:
        return False
    expected = b"\x00\x01" + b"\xff" * padding + b"\x00" + digest_info
    return hmac.compare_digest(encoded, expected)


class KeySet:
    """Google's public keys from a URL (cached for the max-age Google sends) or a file
    (re-read when it changes; tests and offline set-ups use one). A key id that is not there
    makes it look again (Google rotates keys), but at most once a minute: tokens naming made-up
    keys never make the server fetch the key set on every attempt."""

    REFRESH_SECONDS = 60

    def __init__(self, source, default_max_age=3600, monotonic=time.monotonic):
        self.source = source
        self.default_max_age = default_max_age
        self.monotonic = monotonic
        self._keys = None
        self._stamp = None
        self._loaded_at = None      # when the keys were last fetched or read
        self._lock = threading.Lock()

    def key(self, kid):
        """(modulus, exponent) of the key, or None when the key set does not have it."""
        keys = self.keys()
        if kid in keys:
            return keys[kid]
        with self._lock:
            if self._loaded_at is not None and self.monotonic() - self._loaded_at < self.REFRESH_SECONDS:
                return None  # just looked: the miss stands
        return self.keys(refresh=True).get(kid)

    def _is_url(self):
        return re.match(r"^https?://", self.source or "") is not None

    def keys(self, refresh=False):
        with self._lock:
            if self._is_url():
                if refresh or self._keys is None or self.monotonic() >= self._stamp:
                    self._keys, max_age = self._fetch()
                    self._stamp = self.monotonic() + max_age
                    self._loaded_at = self.monotonic()
            else:
                mtime = os.stat(self.source).st_mtime_ns
                if refresh or self._keys is None or mtime != self._stamp:
                    with open(self.source, "rb") as handle:
                        self._keys = self._parse(handle.read())
                    self._stamp = mtime
                    self._loaded_at = self.monotonic()
            return self._keys

    def _fetch(self):
        try:
            with urllib.request.urlopen(self.source, timeout=10) as response:
                body = response.read()
                match = re.search(r"max-age=(\d+)", response.headers.get("Cache-Control", ""))
        except OSError as error:
            raise ServiceUnavailable(f"Google's sign-in keys could not be fetched ({error}).")
        return self._parse(body), int(match.group(1)) if match else self.default_max_age

    @staticmethod
    def _parse(body):
        keys = {}
        for jwk in json.loads(body).get("keys", []):
            if jwk.get("kty") == "RSA" and "n" in jwk and "e" in jwk:
                keys[jwk.get("kid")] = (b64url_int(jwk["n"]), b64url_int(jwk["e"]))
        return keys


class GoogleVerifier:
    def __init__(self, client_id, key_set):
        self.client_id = client_id
        self.key_set = key_set

    def verify(self, credential, now):
        """Returns the token's claims, or raises InvalidCredential saying what was wrong."""
        if not isinstance(credential, str) or credential.count(".") != 2:
            raise InvalidCredential("The Google credential is not a JWT.")
        head, body, signature = credential.split(".")
        try:
            header = json.loads(b64url_decode(head))
            claims = json.loads(b64url_decode(body))
            signature = b64url_decode(signature)
        except (ValueError, UnicodeDecodeError):
            raise InvalidCredential("The Google credential is not a well-formed JWT.")
        if not isinstance(header, dict) or not isinstance(claims, dict):
            raise InvalidCredential("The Google credential is not a well-formed JWT.")
        if header.get("alg") != "RS256":
            raise InvalidCredential("The Google credential must be signed with RS256.")
        kid = header.get("kid")
        key = self.key_set.key(kid) if isinstance(kid, str) else None
        if key is None:
            raise InvalidCredential("The Google credential was signed with an unknown key.")
        if not rsa_sha256_verify(f"{head}.{body}".encode("ascii"), signature, *key):
            raise InvalidCredential("The Google credential's signature is not valid.")
        if claims.get("iss") not in GOOGLE_ISSUERS:
            raise InvalidCredential("The Google credential was not issued by Google.")
        audience = claims.get("aud")
        if audience != self.client_id and not (isinstance(audience, list) and self.client_id in audience):
            raise InvalidCredential("The Google credential was issued for another application.")
        timestamp = now.timestamp()
        if not isinstance(claims.get("exp"), (int, float)) or claims["exp"] + CLOCK_SKEW < timestamp:
            raise InvalidCredential("The Google credential has expired. Please sign in again.")
        if isinstance(claims.get("iat"), (int, float)) and claims["iat"] - CLOCK_SKEW > timestamp:
            raise InvalidCredential("The Google credential is not valid yet.")
        if claims.get("email_verified") not in (True, "true") or not isinstance(claims.get("email"), str):
            raise InvalidCredential("The Google account's email address is not verified.")
        return claims


def check_jwks_file(source):
    """A --google-jwks file must hold Google's key set; a URL is fetched when first needed."""
    if not source or source.startswith(("http://", "https://")):
        return
    try:
        with open(source, "rb") as handle:
            document = json.loads(handle.read())
    except FileNotFoundError:
        raise StartupError(f"The --google-jwks file {source} does not exist. Pass the path of a JSON Web Key Set "
                           f"file, or leave the option out to use Google's keys.")
    except OSError as error:
        raise StartupError(f"The --google-jwks file {source} cannot be read: {error.strerror}.")
    except (ValueError, UnicodeDecodeError):
        raise StartupError(f"The --google-jwks file {source} is not JSON. It must be a JSON Web Key Set "
                           f'({{"keys": [...]}}), as Google publishes it.')
    keys = document.get("keys") if isinstance(document, dict) else None
    if not isinstance(keys, list) or not any(isinstance(k, dict) and k.get("kty") == "RSA" for k in keys):
        raise StartupError(f"The --google-jwks file {source} holds no RSA keys. It must be a JSON Web Key Set "
                           f'({{"keys": [...]}}), as Google publishes it.')
