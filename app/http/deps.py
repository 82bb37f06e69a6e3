"""Request dependencies: the unit-of-work session, settings, and who is asking (cookie or bearer token)."""

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.accounts import service as accounts
from app.accounts.viewer import Viewer, require_admin, require_viewer
from app.core.config import Settings
from app.core.db import session_scope
from app.http.session_cookie import read_session_cookie
from app.outbox import OUTBOX_WRITTEN

logger = logging.getLogger(__name__)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    factory: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async for session in session_scope(factory):
        yield session
    await run_after_commit(request, session)


async def run_after_commit(request: Request, session: AsyncSession) -> None:
    """After a successful commit that wrote outbox rows, the app's hook (indexing, on the embedded default)."""
    hook = getattr(request.app.state, "after_commit", None)
    if hook is not None and session.info.pop(OUTBOX_WRITTEN, False):
        await hook()


AfterCommit = Callable[[], Awaitable[None]]


def add_after_commit(app: FastAPI, step: AfterCommit, on_failure: str) -> None:
    """Appends a step to the app's after-commit hook: steps run in the order they were added, each one drain at a
    time. A step works off durable rows, so when it fails it is logged with `on_failure` and the rows wait for the
    next drain (or the worker): the request that made the change must not fail for it."""
    lock = asyncio.Lock()

    async def guarded() -> None:
        async with lock:
            try:
                await step()
            except Exception:
                logger.exception(on_failure)

    first: AfterCommit | None = getattr(app.state, "after_commit", None)
    if first is None:
        app.state.after_commit = guarded
        return

    async def both() -> None:
        await first()
        await guarded()

    app.state.after_commit = both


# scope="function": commit before the response is sent, so a failed commit can never look like success.
DbSession = Annotated[AsyncSession, Depends(get_db, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings)]


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def authenticated_user(
    request: Request, session: DbSession, settings: AppSettings
) -> accounts.AuthenticatedUser | None:
    token = bearer_token(request)
    if token is not None:
        return await accounts.resolve_token(session, token)
    cookie = read_session_cookie(request, settings)
    if cookie is None:
        return None
    return await accounts.resolve_user(session, cookie.user_id, cookie.version)


CurrentUser = Annotated[accounts.AuthenticatedUser | None, Depends(authenticated_user)]


async def optional_viewer(current: CurrentUser) -> Viewer | None:
    return current.viewer if current else None


async def required_viewer(viewer: Annotated[Viewer | None, Depends(optional_viewer)]) -> Viewer:
    return require_viewer(viewer)


async def admin_viewer(viewer: Annotated[Viewer | None, Depends(optional_viewer)]) -> Viewer:
    return require_admin(viewer)


OptionalViewer = Annotated[Viewer | None, Depends(optional_viewer)]
RequiredViewer = Annotated[Viewer, Depends(required_viewer)]
AdminViewer = Annotated[Viewer, Depends(admin_viewer)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
