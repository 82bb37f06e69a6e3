"""Login sessions kept on the server: a browser's cookie names its session by a random key (only the key's hash is
stored), and a session ends at logout, at "log out everywhere", after a password change (all but the current one)
or when it expires. A captured cookie is worth nothing once its session ended."""

import hashlib
import secrets
from datetime import timedelta

from fastapi import Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts import repository
from app.core.clock import utcnow
from app.core.config import Settings
from app.core.security import hash_api_token
from app.http.session_cookie import clear_session_cookie, read_session_cookie, write_session_cookie
from app.models import LoginSession, User


def session_version(user: User) -> str:
    """Changes when the password changes, which ends every other session of that user."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def _hash(key: str) -> str:
    return hash_api_token(key)  # the key is random and long: a plain digest is enough, as for API tokens


async def start_session(session: AsyncSession, settings: Settings, user: User) -> str:
    """A new session of `user`; the key for its cookie."""
    key = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(LoginSession(user_id=user.id, key_hash=_hash(key), created_at=now,
                             expires_at=now + timedelta(seconds=settings.session_max_age_seconds)))
    await session.flush()
    return key


async def is_live(session: AsyncSession, user_id: int, key: str) -> bool:
    found = await repository.live_session(session, _hash(key), utcnow())
    return found is not None and found.user_id == user_id


async def end_session(session: AsyncSession, user_id: int, key: str) -> None:
    await repository.end_sessions(session, user_id, utcnow(), key_hash=_hash(key))


async def end_other_sessions(session: AsyncSession, user_id: int, current_key: str | None) -> int:
    """Ends every session of the user but the current one (all of them when there is none); how many ended."""
    return await repository.end_sessions(session, user_id, utcnow(),
                                         except_key_hash=_hash(current_key) if current_key else None)


async def live_session_count(session: AsyncSession, user_id: int) -> int:
    return await repository.live_session_count(session, user_id, utcnow())


async def sign_in(session: AsyncSession, settings: Settings, response: Response, user: User) -> None:
    """Starts a session and gives the browser its cookie."""
    key = await start_session(session, settings, user)
    write_session_cookie(response, settings, user.id, session_version(user), key)


async def sign_out(session: AsyncSession, settings: Settings, request: Request, response: Response) -> None:
    """Ends this browser's session on the server and drops its cookie."""
    cookie = read_session_cookie(request, settings)
    if cookie is not None:
        await end_session(session, cookie.user_id, cookie.key)
    clear_session_cookie(response)


async def after_password_change(session: AsyncSession, settings: Settings, request: Request, response: Response,
                                user: User) -> None:
    """Every other session ends; this browser's stays signed in (its cookie gets the new version)."""
    cookie = read_session_cookie(request, settings)
    current = cookie.key if cookie is not None and cookie.user_id == user.id else None
    await end_other_sessions(session, user.id, current)
    if current is not None:
        write_session_cookie(response, settings, user.id, session_version(user), current)
