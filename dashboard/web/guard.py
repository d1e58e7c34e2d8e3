"""Who may use the editor page: the rule, without Streamlit (the page and `serve` both ask it).

The page is served only when the server listens on a loopback address (only this machine can reach it), or when an
editor password is configured — `PLAN_TRACKER_EDITOR_PASSWORD`, or its hashed form
`PLAN_TRACKER_EDITOR_PASSWORD_HASH` (`pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>`, made by
`python -m dashboard editor-password`) — and then the page asks for it. Passwords are compared in constant time;
wrong tries are counted per server process (not per browser session, which a visitor can renew at will): after
`MAX_TRIES` wrong tries within `LOCK_SECONDS` the page refuses every try until that window has passed.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import secrets
import threading
import time
from dataclasses import dataclass, field

PASSWORD_ENV = "PLAN_TRACKER_EDITOR_PASSWORD"
PASSWORD_HASH_ENV = "PLAN_TRACKER_EDITOR_PASSWORD_HASH"
MAX_TRIES = 5
LOCK_SECONDS = 15 * 60
_ITERATIONS = 600_000  # OWASP's figure for PBKDF2-HMAC-SHA256 (2023)


def is_loopback(address: str | None) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost; False for an empty address (Streamlit then listens on all)."""
    if not address:
        return False
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def hash_password(password: str, iterations: int = _ITERATIONS) -> str:
    """The hashed form to put in PLAN_TRACKER_EDITOR_PASSWORD_HASH."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


@dataclass(frozen=True)
class Secret:
    """The configured password, plain or hashed; `matches` compares in constant time."""

    plain: str | None = None
    hashed: str | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Secret | None:
        env = dict(os.environ) if env is None else env
        plain, hashed = env.get(PASSWORD_ENV) or None, env.get(PASSWORD_HASH_ENV) or None
        return cls(plain, hashed) if plain or hashed else None

    def matches(self, given: str) -> bool:
        ok = False
        if self.hashed:
            ok = _check_hash(self.hashed, given)
        if self.plain:
            # compared as digests: equal lengths, so not even the password's length leaks through the timing
            mine, theirs = (hashlib.sha256(x.encode("utf-8")).digest() for x in (self.plain, given))
            ok = hmac.compare_digest(mine, theirs) or ok
        return ok


def _check_hash(stored: str, given: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.strip().split("$")
        if scheme != "pbkdf2_sha256":
            return False
        mine = hashlib.pbkdf2_hmac("sha256", given.encode("utf-8"), bytes.fromhex(salt), int(iterations))
        return hmac.compare_digest(mine, bytes.fromhex(digest))
    except ValueError:
        return False  # a malformed hash never lets anyone in


def valid_hash(stored: str) -> bool:
    parts = stored.strip().split("$")
    try:
        return len(parts) == 4 and parts[0] == "pbkdf2_sha256" and int(parts[1]) > 0 and bool(
            bytes.fromhex(parts[2])) and bool(bytes.fromhex(parts[3]))
    except ValueError:
        return False


@dataclass
class Tries:
    """Wrong tries of this server process, in a sliding window (one object per process: st.cache_resource)."""

    limit: int = MAX_TRIES
    window: float = LOCK_SECONDS
    _failures: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, now: float) -> list[float]:
        self._failures = [t for t in self._failures if now - t < self.window]
        return self._failures

    def locked(self, now: float | None = None) -> bool:
        with self._lock:
            return len(self._recent(time.monotonic() if now is None else now)) >= self.limit

    def wait_seconds(self, now: float | None = None) -> int:
        now = time.monotonic() if now is None else now
        with self._lock:
            recent = self._recent(now)
            return 0 if len(recent) < self.limit else int(recent[0] + self.window - now) + 1

    def attempt(self, secret: Secret, given: str, now: float | None = None) -> bool:
        """One try: refused without comparing while locked; a wrong password counts."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._recent(now)) >= self.limit:
                return False
            if secret.matches(given):
                return True
            self._failures.append(now)
            return False


def access(address: str | None, secret: Secret | None) -> str:
    """'open' (loopback, no password), 'password' (ask for it) or 'refused' (reachable from the network, no password)."""
    if secret is not None:
        return "password"
    return "open" if is_loopback(address) else "refused"
