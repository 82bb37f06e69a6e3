"""Request dependencies: the unit-of-work session (its after-commit work included), settings, the search backend,
and who is asking (cookie or bearer token, resolved through app.http.identity)."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.auth.viewer import SignedIn, Viewer, require_admin, require_viewer
from app.background.after_commit import run_after_commit
from app.core.config import Settings
from app.core.db import session_scope
from app.core.storage import FileStore
from app.http.identity import request_facts
from app.http.session_cookie import read_session_cookie
from search.backend import SearchBackend


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_db(request: Request) -> AsyncIterator[AsyncSession]:
    factory: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async for session in session_scope(factory):
        yield session
    await run_after_commit(request.app, session)


def get_search(request: Request) -> SearchBackend:
    backend: SearchBackend = request.app.state.search
    return backend


def get_file_store(request: Request) -> FileStore:
    store: FileStore = request.app.state.files
    return store


# scope="function": commit before the response is sent, so a failed commit can never look like success.
DbSession = Annotated[AsyncSession, Depends(get_db, scope="function")]
AppSettings = Annotated[Settings, Depends(get_settings)]
SearchEngine = Annotated[SearchBackend, Depends(get_search)]
Files = Annotated[FileStore, Depends(get_file_store)]


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def authenticated_user(request: Request, session: DbSession, settings: AppSettings) -> SignedIn | None:
    found = await _signed_in(request, session, settings)
    if found is not None:  # for the access log (app.http.request_log)
        request.state.user_id, request.state.organization_id = found.viewer.user_id, found.viewer.organization_id
    return found


async def _signed_in(request: Request, session: AsyncSession, settings: Settings) -> SignedIn | None:
    identity = request_facts(request).identity
    token = bearer_token(request)
    if token is not None:
        return await identity.from_token(session, token)
    cookie = read_session_cookie(request, settings)
    if cookie is None:
        return None
    return await identity.from_session(session, cookie.user_id, cookie.version, cookie.key)


CurrentUser = Annotated[SignedIn | None, Depends(authenticated_user)]


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
    """The client's address: the peer's, or, when the peer is a trusted proxy, the nearest address in
    X-Forwarded-For that is not a trusted proxy (entries further left are whatever the client claimed)."""
    peer = request.client.host if request.client else "unknown"
    settings = get_settings(request)
    trusted = {address.strip() for address in settings.trusted_proxies.split(",") if address.strip()}
    if peer not in trusted:
        return peer
    forwarded = [hop.strip() for header in request.headers.getlist("x-forwarded-for") for hop in header.split(",")]
    return next((hop for hop in reversed(forwarded) if hop and hop not in trusted), peer)
