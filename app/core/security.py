"""Security primitives: password hashing, API tokens, signed values (session cookie, CSRF), and the signature of
webhooks, received (card gateway) and sent (alerts): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`."""

import asyncio
import base64
import functools
import hashlib
import hmac
import json
import secrets
from typing import Any

from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.core import clock
from app.core.config import get_settings

TOKEN_PREFIX = "tl_"


@functools.cache
def _unusable_hash() -> str:
    """A hash no password anyone knows matches; made on first need (argon2 is slow by design), not at import."""
    return hash_password(secrets.token_urlsafe(32))


@functools.cache
def _hasher() -> PasswordHash:
    """Argon2id at the configured cost (argon2's own defaults unless a test run lowers them); a hash keeps its
    parameters, so one made at another cost still verifies."""
    settings = get_settings()
    return PasswordHash((Argon2Hasher(time_cost=settings.password_hash_iterations,
                                      memory_cost=settings.password_hash_memory_kib),))


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(password: str, password_hash: str) -> bool:
    return _hasher().verify(password, password_hash)


# Argon2 takes ~100 ms of CPU by design. Run on the event loop it would stall every other request of the process
# for that long; in a worker thread it does not (argon2's C code runs without the GIL).
async def hash_password_off_loop(password: str) -> str:
    return await asyncio.to_thread(hash_password, password)


async def password_matches(password: str, password_hash: str | None) -> bool:
    """Checks the password in a worker thread. With no hash (no such account) the same work is done against a
    throwaway hash, so the answer takes as long whether or not the account exists."""
    if password_hash is None:
        await asyncio.to_thread(lambda: verify_password(password, _unusable_hash()))  # made in the thread too
        return False
    return await asyncio.to_thread(verify_password, password, password_hash)


def new_api_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_api_token(token: str) -> str:
    """API tokens are high-entropy, so a fast digest is enough; only the digest is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: str, purpose: str, payload: str) -> str:
    return _b64(hmac.new(secret.encode(), f"{purpose}.{payload}".encode(), hashlib.sha256).digest())


def sign(secret: str, purpose: str, data: dict[str, Any]) -> str:
    payload = _b64(json.dumps({**data, "iat": int(clock.unix_time())}, separators=(",", ":")).encode())
    return f"{payload}.{_mac(secret, purpose, payload)}"


def unsign(secret: str, purpose: str, value: str, max_age: int) -> dict[str, Any] | None:
    """The signed data, or None when the value was tampered with, is malformed or is too old."""
    payload, _, mac = value.partition(".")
    if not payload or not hmac.compare_digest(mac, _mac(secret, purpose, payload)):
        return None
    try:
        data = json.loads(_unb64(payload))
    except ValueError:
        return None
    if not isinstance(data, dict) or clock.unix_time() - int(data.get("iat", 0)) > max_age:
        return None
    return data


def csrf_token_for(secret: str, session_id: str) -> str:
    return _mac(secret, "csrf", session_id)


def csrf_token_valid(secret: str, session_id: str, token: str) -> bool:
    return hmac.compare_digest(csrf_token_for(secret, session_id), token)


def timestamped_signature(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of `<timestamp>.<body>`: the v1 value of a webhook signature header."""
    return hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


def timestamped_signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={timestamped_signature(secret, timestamp, body)}"
