"""Dependencies of the HTML pages: who is looking (for the nav and the handlers), and CSRF-checked forms."""

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.datastructures import FormData

from app.auth.viewer import Viewer
from app.core.errors import not_authenticated
from app.http.csrf import CSRF_FIELD, check_csrf
from app.http.deps import AppSettings, CurrentUser, DbSession
from app.http.identity import request_facts


@dataclass(frozen=True)
class PageUser:
    """What pages show of the logged-in user: plain values, still readable after the session rolled back."""

    viewer: Viewer
    name: str
    email: str
    organization_name: str
    organization_slug: str
    unread_notifications: int = 0  # the badge in the nav
    language: str | None = None  # the pages' language the user chose, if any


async def page_user(request: Request, current: CurrentUser, session: DbSession) -> PageUser | None:
    """Resolves the session cookie once per request and leaves the result on request.state for the templates."""
    user = None
    if current is not None:
        unread = await request_facts(request).unread_count(session, current.viewer)
        user = PageUser(current.viewer, current.name, current.email, current.organization_name,
                        current.organization_slug, unread, current.language)
    request.state.current_user = user
    request.state.viewer = user.viewer if user else None
    return user


async def page_viewer(user: Annotated[PageUser | None, Depends(page_user)]) -> Viewer | None:
    return user.viewer if user else None


async def signed_in_user(user: Annotated[PageUser | None, Depends(page_user)]) -> PageUser:
    """Raises not_authenticated, which the page error renderer turns into a redirect to the login form."""
    if user is None:
        raise not_authenticated()
    return user


async def csrf_checked_form(request: Request, settings: AppSettings) -> FormData:
    """The posted form, after its CSRF token was checked (403 otherwise)."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    check_csrf(request, settings, token if isinstance(token, str) else None)
    return form


PageViewer = Annotated[Viewer | None, Depends(page_viewer)]
SignedInUser = Annotated[PageUser, Depends(signed_in_user)]
CheckedForm = Annotated[FormData, Depends(csrf_checked_form)]
