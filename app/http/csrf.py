"""CSRF protection for HTML forms: a random nonce in a cookie, and a token derived from it and from the login
session's key in every form, so a token is good only for the session it was made for: a nonce and token planted
in a victim's browser by someone with a session of their own (or none) do not pass for the victim's."""

import secrets

from fastapi import Request, Response

from app.core.config import Settings
from app.core.errors import forbidden
from app.core.security import csrf_token_for, csrf_token_valid
from app.http.session_cookie import read_session_cookie

CSRF_COOKIE = "tl_csrf"
CSRF_FIELD = "csrf_token"


def csrf_nonce(request: Request) -> str:
    """The nonce of this browser; a new one is made (and set by `ensure_csrf_cookie`) on its first visit."""
    nonce = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf_nonce", None)
    if not nonce:
        nonce = secrets.token_urlsafe(24)
        request.state.csrf_nonce = nonce
    return str(nonce)


def _bound(request: Request, settings: Settings, nonce: str) -> str:
    session = read_session_cookie(request, settings)
    return f"{nonce}.{session.key}" if session is not None else nonce


def csrf_token(request: Request, settings: Settings) -> str:
    return csrf_token_for(settings.secret_key, _bound(request, settings, csrf_nonce(request)))


def ensure_csrf_cookie(request: Request, response: Response, settings: Settings) -> None:
    if CSRF_COOKIE not in request.cookies:
        response.set_cookie(CSRF_COOKIE, csrf_nonce(request), httponly=True, samesite="lax",
                            secure=settings.secure_cookies, path="/")


def check_csrf(request: Request, settings: Settings, submitted: str | None) -> None:
    nonce = request.cookies.get(CSRF_COOKIE)
    if not nonce or not submitted or not csrf_token_valid(settings.secret_key, _bound(request, settings, nonce),
                                                          submitted):
        raise forbidden("The form expired or did not come from this site; reload the page and try again",
                        code="csrf_failed")
