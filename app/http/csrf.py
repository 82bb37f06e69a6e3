"""CSRF protection for HTML forms: a random nonce in a cookie, and a token derived from it in every form."""

import secrets

from fastapi import Request, Response

from app.core.config import Settings
from app.core.errors import forbidden
from app.core.security import csrf_token_for, csrf_token_valid

CSRF_COOKIE = "tl_csrf"
CSRF_FIELD = "csrf_token"


def csrf_nonce(request: Request) -> str:
    """The nonce of this browser; a new one is made (and set by `ensure_csrf_cookie`) on its first visit."""
    nonce = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf_nonce", None)
    if not nonce:
        nonce = secrets.token_urlsafe(24)
        request.state.csrf_nonce = nonce
    return str(nonce)


def csrf_token(request: Request, settings: Settings) -> str:
    return csrf_token_for(settings.secret_key, csrf_nonce(request))


def ensure_csrf_cookie(request: Request, response: Response, settings: Settings) -> None:
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, csrf_nonce(request), httponly=True, samesite="lax",
                            secure=settings.secure_cookies, path="/")


def check_csrf(request: Request, settings: Settings, submitted: str | None) -> None:
    nonce = request.cookies.get(CSRF_COOKIE)
    if not nonce or not submitted or not csrf_token_valid(settings.secret_key, nonce, submitted):
        raise forbidden("The form expired or did not come from this site; reload the page and try again",
                        code="csrf_failed")
