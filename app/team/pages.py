"""/account/team (members, invitations, the invite form) and /invitations/{token} (joining). Every change goes
through the team service, as the JSON API's does; a refused form is shown again with its message by the field."""

from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.accounts import sessions
from app.core.config import Settings
from app.core.errors import AppError
from app.core.i18n import N_
from app.http.deps import AppSettings, DbSession
from app.http.forms import ObjectId, filled, parse, refused
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.templating import render
from app.models.enums import MemberRole
from app.team import service
from app.team.api import Token
from app.team.schemas import InvitationAccept, InvitationCreate, MemberRoleUpdate

router = APIRouter()
TEAM = "team/team.html"
JOIN = "team/join.html"
Done = Annotated[str | None, Query(max_length=20)]  # what the last action did, for the notice after a redirect
ROLES = [(role.value, role.value) for role in MemberRole]
NOTICES = {  # translated where the page shows them
    "invited": N_("Invitation sent. The link in it works for 7 days."),
    "resent": N_("Invitation sent again, with a new link valid for 7 days."),
    "withdrawn": N_("Invitation withdrawn: its link no longer works."),
    "role": N_("Role changed."),
    "removed": N_("Member removed: their logins and API tokens have ended."),
}
ROLE_WORDS = (N_("owner"), N_("member"), N_("open"), N_("accepted"), N_("revoked"), N_("expired"))


async def _team_context(session: AsyncSession, user: PageUser) -> dict[str, Any]:
    return {"team": await service.team_of(session, user.viewer), "roles": ROLES}


@router.get("/account/team", response_class=HTMLResponse)
async def team_page(request: Request, user: SignedInUser, session: DbSession, done: Done = None) -> HTMLResponse:
    context = {**await _team_context(session, user), "values": {"member_role": "member"},
               "notice": NOTICES.get(done or "")}
    return render(request, TEAM, context)


async def _refused(request: Request, session: AsyncSession, user: PageUser, error: AppError,
                   values: dict[str, str]) -> HTMLResponse:
    refusal = await refused(session, error, values)  # rolls back first: the team is read after it
    return render(request, TEAM, {**await _team_context(session, user), **refusal}, status_code=error.status)


async def _attempt(request: Request, session: AsyncSession, user: PageUser, work: Awaitable[object], done: str,
                   values: dict[str, str] | None = None) -> Response:
    """Runs a team change and goes back to the team page with its notice; a refusal shows the page with why."""
    try:
        await work
    except AppError as error:
        return await _refused(request, session, user, error, values or {})
    return RedirectResponse(f"/account/team?done={done}", status_code=303)


async def _role(form: FormData, user: PageUser, session: AsyncSession, user_id: int) -> None:
    role = parse(MemberRoleUpdate, filled(form, ("member_role",))).member_role
    await service.change_role(session, user.viewer, user_id, role)


async def _invite(form: FormData, user: PageUser, session: AsyncSession, settings: Settings) -> None:
    await service.invite(session, settings, user.viewer, parse(InvitationCreate, filled(form, ("email",
                                                                                             "member_role"))))


@router.post("/account/team/invitations")
async def invite(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession,
                 settings: AppSettings) -> Response:
    values = filled(form, InvitationCreate.model_fields)
    return await _attempt(request, session, user, _invite(form, user, session, settings), "invited", values)


@router.post("/account/team/invitations/{invitation_id}/resend")
async def resend(request: Request, invitation_id: ObjectId, form: CheckedForm, user: SignedInUser,
                 session: DbSession, settings: AppSettings) -> Response:
    return await _attempt(request, session, user, service.resend(session, settings, user.viewer, invitation_id),
                          "resent")


@router.post("/account/team/invitations/{invitation_id}/withdraw")
async def withdraw(request: Request, invitation_id: ObjectId, form: CheckedForm, user: SignedInUser,
                   session: DbSession) -> Response:
    return await _attempt(request, session, user, service.revoke(session, user.viewer, invitation_id), "withdrawn")


@router.post("/account/team/members/{user_id}/role")
async def change_role(request: Request, user_id: ObjectId, form: CheckedForm, user: SignedInUser,
                      session: DbSession) -> Response:
    return await _attempt(request, session, user, _role(form, user, session, user_id), "role")


@router.post("/account/team/members/{user_id}/remove")
async def remove(request: Request, user_id: ObjectId, form: CheckedForm, user: SignedInUser,
                 session: DbSession) -> Response:
    response = await _attempt(request, session, user, service.remove(session, user.viewer, user_id), "removed")
    if user_id == user.viewer.user_id and isinstance(response, RedirectResponse):
        return RedirectResponse("/", status_code=303)  # left the organisation: nothing of the team to see now
    return response


@router.get("/invitations/{token}", response_class=HTMLResponse)
async def join_page(request: Request, token: Token, session: DbSession, settings: AppSettings) -> HTMLResponse:
    invitation = await service.preview(session, settings, token)
    return render(request, JOIN, {"invitation": invitation, "token": token, "values": {}})


@router.post("/invitations/{token}")
async def join(request: Request, token: Token, form: CheckedForm, session: DbSession,
               settings: AppSettings) -> Response:
    values = filled(form, ("name",))
    try:
        data = parse(InvitationAccept, {**filled(form, ("name", "password")), "token": token})
        user = await service.accept(session, settings, data)
    except AppError as error:
        refusal = await refused(session, error, values)
        invitation = await service.preview(session, settings, token)  # a link no longer valid: its 404 page
        return render(request, JOIN, {**refusal, "invitation": invitation, "token": token},
                      status_code=error.status)
    response = RedirectResponse("/account/team", status_code=303)
    await sessions.sign_in(session, settings, response, user)
    return response
