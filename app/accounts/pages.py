"""Sign up, log in and log out pages, and /account: the hub, the company profile, the password and API tokens.

Every change goes through the accounts service, as the JSON API's does; a refused form is shown again with one
message per field."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile

from app.accounts import service as accounts
from app.accounts import sessions
from app.accounts.schemas import ChangePasswordInput, LoginInput, OrganizationUpdate, RegisterInput, TokenCreate
from app.core.errors import AppError, FieldError, validation_failed
from app.core.i18n import N_
from app.core.schemas import as_validation_failed
from app.http.deps import AppSettings, DbSession, Files, client_address
from app.http.forms import CHOICES, ObjectId, filled, listed, parse, refused
from app.http.page_deps import CheckedForm, PageUser, SignedInUser, csrf_checked_form
from app.http.redirects import safe_next
from app.http.refusals import lazy_refusal
from app.http.session_cookie import clear_session_cookie
from app.http.templating import render
from app.models import Organization, User
from app.models.enums import BusinessType, EmployeeRange, OrganizationRole
from app.organizations import logo
from app.organizations.logo import logo_url

router = APIRouter()
REGISTER = "accounts/register.html"
LOGIN = "accounts/login.html"
ACCOUNT = "accounts/account.html"
COMPANY = "accounts/company.html"
PASSWORD = "accounts/password.html"
TOKENS = "accounts/tokens.html"
CONFIRMED = "accounts/confirmed.html"
ConfirmationToken = Annotated[str, Path(min_length=1, max_length=500, pattern=r"^[A-Za-z0-9_.-]+$")]
NextParam = Annotated[str | None, Query(alias="next", max_length=500)]
Flag = Annotated[str | None, Query(max_length=10)]  # ?saved=1 and the like: a notice after a redirect
PROFILE_FIELDS = tuple(OrganizationUpdate.model_fields)
LIST_FIELDS = frozenset({"export_markets", "certifications"})
PASSWORD_FIELDS = ("current_password", "new_password", "repeat_password")
PROFILE_CHOICES = {
    **CHOICES,
    "business_types": [(kind.value, kind.value.replace("_", " ")) for kind in BusinessType],
    "employee_ranges": [(size.value, size.value) for size in EmployeeRange],
}


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
    notice = N_("You are logged out on every device.") if ended == "everywhere" else None
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


ACCOUNT_NOTICES = {  # translated where the page shows them
    "sent": N_("We sent you a new confirmation link: open it from your mailbox."),
}


@router.get("/account", response_class=HTMLResponse)
async def account_page(request: Request, user: SignedInUser, session: DbSession, done: Flag = None) -> HTMLResponse:
    live = await sessions.live_session_count(session, user.viewer.user_id)
    me, _organization = await accounts.me(session, user.viewer)
    context = {"live_sessions": live, "email_confirmed": me.email_verified_at is not None,
               "notice": ACCOUNT_NOTICES.get(done or "")}
    return render(request, ACCOUNT, context)


@router.post("/account/confirm-email", dependencies=[Depends(csrf_checked_form)])
async def send_address_check(request: Request, user: SignedInUser, session: DbSession,
                             settings: AppSettings) -> Response:
    await accounts.resend_address_check(session, settings, user.viewer)
    return RedirectResponse("/account?done=sent", status_code=303)


@router.get("/account/confirm-email/{confirmation}", response_class=HTMLResponse)
async def confirm_address(request: Request, confirmation: ConfirmationToken, session: DbSession,
                          settings: AppSettings) -> Response:
    """Opened from the e-mail, perhaps on another device: confirms without a login; the page says so."""
    user = await accounts.confirm_address(session, settings, confirmation)
    return render(request, CONFIRMED, {"email": user.email})


@router.post("/account/logout-everywhere", dependencies=[Depends(csrf_checked_form)])
async def logout_everywhere(user: SignedInUser, session: DbSession) -> RedirectResponse:
    await sessions.end_other_sessions(session, user.viewer.user_id, None)
    response = RedirectResponse("/login?ended=everywhere", status_code=303)
    clear_session_cookie(response)
    return response


COMPANY_NOTICES = {"saved": N_("Company profile saved."), "logo": N_("Logo saved."),
                   "logo-removed": N_("Logo removed.")}


async def _company_context(session: AsyncSession, user: PageUser) -> dict[str, Any]:
    organization = await accounts.get_organization_by_id(session, user.viewer.organization_id)
    return {"sells": organization.role.sells, "choices": PROFILE_CHOICES, "logo_url": logo_url(organization),
            "values": _profile_values(organization)}


@router.get("/account/company", response_class=HTMLResponse)
async def company_page(request: Request, user: SignedInUser, session: DbSession, saved: Flag = None,
                       done: Flag = None) -> HTMLResponse:
    notice = COMPANY_NOTICES.get("saved" if saved else done or "")
    return render(request, COMPANY, {**await _company_context(session, user), "notice": notice})


@router.post("/account/company")
async def save_company(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession) -> Response:
    values = filled(form, PROFILE_FIELDS)
    try:
        await accounts.update_organization(session, user.viewer, user.organization_slug, _profile_input(values))
    except AppError as error:
        refusal = await refused(session, error, values)
        return render(request, COMPANY, {**await _company_context(session, user), **refusal},
                      status_code=error.status)
    return RedirectResponse("/account/company?saved=1", status_code=303)


@router.post("/account/company/logo")
async def upload_logo(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession,
                      store: Files) -> Response:
    upload = form.get("logo")
    data = await upload.read() if isinstance(upload, UploadFile) else None
    try:
        await logo.set_logo(session, store, user.viewer, user.organization_slug, data)
    except AppError as error:
        refusal = await refused(session, error, {})
        context = {**await _company_context(session, user), "logo_error": refusal["field_errors"].get("logo")
                   or lazy_refusal(error)}
        return render(request, COMPANY, context, status_code=error.status)
    return RedirectResponse("/account/company?done=logo", status_code=303)


@router.post("/account/company/logo/delete", dependencies=[Depends(csrf_checked_form)])
async def remove_logo(user: SignedInUser, session: DbSession, store: Files) -> RedirectResponse:
    await logo.remove_logo(session, store, user.viewer, user.organization_slug)
    return RedirectResponse("/account/company?done=logo-removed", status_code=303)


def _profile_values(organization: Organization) -> dict[str, str]:
    """The stored profile as the form shows it: lists as comma-separated text, unset fields left out."""
    values = {}
    for name in PROFILE_FIELDS:
        value = getattr(organization, name)
        text = ", ".join(value) if isinstance(value, list) else "" if value is None else str(value)
        if text:
            values[name] = text
    return values


def _profile_input(values: dict[str, str]) -> OrganizationUpdate:
    """The whole profile as the form sends it: a field left blank is cleared (a list emptied), and a required one
    left blank is sent as null, which the schema refuses; so the rules stay the schema's and the service's."""
    cleared: dict[str, Any] = {name: [] if name in LIST_FIELDS else None for name in PROFILE_FIELDS}
    sent = {name: listed(value) if name in LIST_FIELDS else value for name, value in values.items()}
    try:
        return OrganizationUpdate.model_validate({**cleared, **sent})
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


@router.get("/account/password", response_class=HTMLResponse)
async def password_page(request: Request, user: SignedInUser, changed: Flag = None) -> HTMLResponse:
    notice = "Your password is changed. Every other login of yours has ended; this browser stays logged in."
    return render(request, PASSWORD, {"values": {}, "notice": notice if changed else None})


@router.post("/account/password")
async def change_password(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession,
                          settings: AppSettings) -> Response:
    try:
        changed = await accounts.change_password(session, user.viewer, _password_input(filled(form, PASSWORD_FIELDS)))
    except AppError as error:  # the passwords typed are never sent back
        return render(request, PASSWORD, await refused(session, error, {}), status_code=error.status)
    response = RedirectResponse("/account/password?changed=1", status_code=303)
    await sessions.after_password_change(session, settings, request, response, changed)
    return response


def _password_input(values: dict[str, str]) -> ChangePasswordInput:
    data = parse(ChangePasswordInput, values)
    if values.get("repeat_password") != data.new_password:
        raise validation_failed([FieldError("repeat_password", "The two new passwords are not the same",
                                            "passwords_differ")])
    return data


async def _tokens_context(session: AsyncSession, user: PageUser) -> dict[str, Any]:
    return {"tokens": await accounts.list_tokens(session, user.viewer), "values": {}}


@router.get("/account/tokens", response_class=HTMLResponse)
async def tokens_page(request: Request, user: SignedInUser, session: DbSession, revoked: Flag = None) -> HTMLResponse:
    notice = "The token is revoked: requests that send it are refused from now on." if revoked else None
    return render(request, TOKENS, {**await _tokens_context(session, user), "notice": notice})


@router.post("/account/tokens")
async def create_token(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession) -> Response:
    values = filled(form, TokenCreate.model_fields)
    try:
        token, plaintext = await accounts.create_token(session, user.viewer, parse(TokenCreate, values).name)
    except AppError as error:
        refusal = await refused(session, error, values)  # rolls back first: the list is read after it
        context = {**await _tokens_context(session, user), **refusal}
        return render(request, TOKENS, context, status_code=error.status)
    context = {**await _tokens_context(session, user), "created": {"name": token.name, "token": plaintext}}
    return render(request, TOKENS, context, status_code=201)


@router.post("/account/tokens/{token_id}/revoke", dependencies=[Depends(csrf_checked_form)])
async def revoke_token(token_id: ObjectId, user: SignedInUser, session: DbSession) -> RedirectResponse:
    await accounts.revoke_token(session, user.viewer, token_id)
    return RedirectResponse("/account/tokens?revoked=1", status_code=303)
