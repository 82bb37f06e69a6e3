"""Sign up, log in and log out pages."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.accounts import service as accounts
from app.accounts import sessions
from app.accounts.schemas import LoginInput, RegisterInput
from app.core.errors import AppError
from app.http.deps import AppSettings, DbSession, client_address
from app.http.forms import CHOICES, filled, parse, refused
from app.http.page_deps import CheckedForm, SignedInUser, csrf_checked_form
from app.http.session_cookie import clear_session_cookie
from app.http.templating import render
from app.models import User
from app.models.enums import OrganizationRole

router = APIRouter()
REGISTER = "accounts/register.html"
LOGIN = "accounts/login.html"
ACCOUNT = "accounts/account.html"
NextParam = Annotated[str | None, Query(alias="next", max_length=500)]


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: never another host (//host, /\\host) nor a scheme, so no open redirect."""
    if not target or not target.isprintable() or " " in target or "\\" in target:
        return None
    return target if target.startswith("/") and not target.startswith("//") else None


def _start_page(role: OrganizationRole) -> str:
    return "/my/listings" if role.sells else "/my/rfqs"


async def _signed_in(target: str, session: DbSession, settings: AppSettings, user: User) -> RedirectResponse:
    response = RedirectResponse(target, status_code=303)
    await sessions.sign_in(session, settings, response, user)
    return response


@router.get("/register", response_class=HTMLResponse)
async def register_form(request: Request) -> HTMLResponse:
    return render(request, REGISTER, {"values": {}, "choices": CHOICES})


@router.post("/register")
async def register(request: Request, form: CheckedForm, session: DbSession, settings: AppSettings) -> Response:
    values = filled(form, RegisterInput.model_fields)
    try:
        data = parse(RegisterInput, values)
        user = await accounts.register(session, data, settings=settings, address=client_address(request))
    except AppError as error:
        context = {**await refused(session, error, values), "choices": CHOICES}
        return render(request, REGISTER, context, status_code=error.status)
    return await _signed_in(_start_page(data.organization_role), session, settings, user)


@router.get("/login", response_class=HTMLResponse)
async def login_form(request: Request, next_page: NextParam = None,
                     ended: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    notice = "You are logged out on every device." if ended == "everywhere" else None
    return render(request, LOGIN, {"values": {"next": safe_next(next_page) or ""}, "notice": notice})


@router.post("/login")
async def login(request: Request, form: CheckedForm, session: DbSession, settings: AppSettings) -> Response:
    values = filled(form, ("email", "password", "next"))
    try:
        data = parse(LoginInput, values)
        user = await accounts.authenticate(session, settings, data.email, data.password, client_address(request))
        organization = await accounts.get_organization_by_id(session, user.organization_id)
    except AppError as error:
        return render(request, LOGIN, await refused(session, error, values), status_code=error.status)
    return await _signed_in(safe_next(values.get("next")) or _start_page(organization.role), session, settings, user)


@router.post("/logout", dependencies=[Depends(csrf_checked_form)])
async def logout(request: Request, session: DbSession, settings: AppSettings) -> RedirectResponse:
    response = RedirectResponse("/", status_code=303)
    await sessions.sign_out(session, settings, request, response)
    return response


@router.get("/account", response_class=HTMLResponse)
async def account_page(request: Request, user: SignedInUser, session: DbSession) -> HTMLResponse:
    live = await sessions.live_session_count(session, user.viewer.user_id)
    return render(request, ACCOUNT, {"live_sessions": live})


@router.post("/account/logout-everywhere", dependencies=[Depends(csrf_checked_form)])
async def logout_everywhere(user: SignedInUser, session: DbSession) -> RedirectResponse:
    await sessions.end_other_sessions(session, user.viewer.user_id, None)
    response = RedirectResponse("/login?ended=everywhere", status_code=303)
    clear_session_cookie(response)
    return response
