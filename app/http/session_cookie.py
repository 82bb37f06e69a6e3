"""The login session: a signed, HttpOnly, SameSite=Lax cookie holding the user id, a session version (it changes
with the password) and the key of the session the server keeps (it ends at logout)."""

from dataclasses import dataclass

from fastapi import Request, Response

from app.core.config import Settings
from app.core.security import sign, unsign

SESSION_COOKIE = "tl_session"
_PURPOSE = "session"


@dataclass(frozen=True)
class SessionCookie:
    user_id: int
    version: str
    key: str


def read_session_cookie(request: Request, settings: Settings) -> SessionCookie | None:
    raw = request.cookies.get(SESSION_COOKIE)
    if not raw:
        return None
    data = unsign(settings.secret_key, _PURPOSE, raw, settings.session_max_age_seconds)
    if data is None or not isinstance(data.get("uid"), int) or not all(
            isinstance(data.get(name), str) for name in ("v", "sid")):
        return None
    return SessionCookie(user_id=data["uid"], version=data["v"], key=data["sid"])


def write_session_cookie(response: Response, settings: Settings, user_id: int, version: str, key: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        sign(settings.secret_key, _PURPOSE, {"uid": user_id, "v": version, "sid": key}),
        max_age=settings.session_max_age_seconds,
        httponly=True,
        samesite="lax",
        secure=settings.secure_cookies,
        path="/",
    )


def clear_session_cookie(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/")
